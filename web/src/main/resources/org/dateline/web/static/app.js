// Dateline's search page. Plain JavaScript, no build step. Article text (titles, snippets, bodies,
// sources) only ever reaches the page as text nodes: never innerHTML, never attributes that run.
"use strict";

(function () {
  const PAGE_SIZE = 10;
  const SVG = "http://www.w3.org/2000/svg";
  const $ = (id) => document.getElementById(id);

  let stats = null; // /api/stats, read once: the index's date span picks the timeline's buckets
  let current = null; // the state on screen
  let generation = 0; // the latest request; answers to older ones are dropped
  let anchor = null; // the timeline bucket a shift-click or a drag extends from

  // ---- state <-> URL ----

  /** The state in the URL: query, filters, order, page, open article. */
  function readState() {
    const p = new URLSearchParams(location.search);
    const page = parseInt(p.get("page") || "1", 10);
    return {
      q: p.get("q") || "",
      sources: p.getAll("source"),
      from: p.get("from") || "",
      to: p.get("to") || "",
      sort: ["newest", "oldest"].includes(p.get("sort")) ? p.get("sort") : "relevance",
      page: Number.isFinite(page) && page > 0 ? page : 1,
      id: p.get("id") || "",
    };
  }

  function stateQuery(s) {
    const p = new URLSearchParams();
    if (s.q) p.set("q", s.q);
    for (const src of s.sources) p.append("source", src);
    if (s.from) p.set("from", s.from);
    if (s.to) p.set("to", s.to);
    if (s.sort !== "relevance") p.set("sort", s.sort);
    if (s.page > 1) p.set("page", String(s.page));
    if (s.id) p.set("id", s.id);
    const text = p.toString();
    return text ? "?" + text : location.pathname;
  }

  /** Moves to a new state: a new history entry, so the back button returns to this one. */
  function go(changes, options) {
    const next = Object.assign({}, current, changes);
    if (!("page" in changes) && !("id" in changes)) next.page = 1; // a new search starts on page 1
    if (!("id" in changes)) next.id = "";
    history.pushState(null, "", stateQuery(next));
    show(next, options || {});
  }

  // ---- drawing text ----

  /** Text with [start, end) spans wrapped in <mark>, as DOM nodes. */
  function marked(text, highlights) {
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const h of highlights || []) {
      const start = Math.max(at, Math.min(h.start, text.length));
      const end = Math.max(start, Math.min(h.end, text.length));
      if (start > at) frag.append(document.createTextNode(text.slice(at, start)));
      if (end > start) {
        const m = document.createElement("mark");
        m.textContent = text.slice(start, end);
        frag.append(m);
      }
      at = end;
    }
    if (at < text.length) frag.append(document.createTextNode(text.slice(at)));
    return frag;
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function meta(a) {
    return [a.source || "no source", a.date || "undated", "id " + a.id].join(" · ");
  }

  // ---- requests ----

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const err = (body && body.error) || { status: response.status, message: response.statusText };
      throw Object.assign(new Error(err.message), { api: err });
    }
    return body;
  }

  /** The timeline's bucket: day, week or month, by the span the index covers. */
  function timelineDimension() {
    if (!stats || !stats.first_date || !stats.last_date) return "month";
    const days = (Date.parse(stats.last_date) - Date.parse(stats.first_date)) / 86400000;
    if (days <= 92) return "day";
    if (days <= 731) return "week";
    if (days <= 366 * 40) return "month";
    return "year";
  }

  function searchUrl(s) {
    const p = new URLSearchParams();
    p.set("q", s.q);
    for (const src of s.sources) p.append("source", src);
    if (s.from) p.set("from", s.from);
    if (s.to) p.set("to", s.to);
    p.set("sort", s.sort);
    p.set("limit", String(PAGE_SIZE));
    p.set("offset", String((s.page - 1) * PAGE_SIZE));
    p.set("facets", "source,year," + timelineDimension());
    p.set("top", "12");
    // The timeline spans the whole index, whatever the query, so that searches compare.
    if (stats && stats.first_date) p.set("histogram_from", stats.first_date);
    if (stats && stats.last_date) p.set("histogram_to", stats.last_date);
    return "api/search?" + p.toString();
  }

  // ---- showing a state ----

  async function show(s, options) {
    current = s;
    const mine = ++generation;
    document.body.dataset.state = "loading";
    $("q").value = s.q;
    $("sort").value = s.sort;
    const started = performance.now();
    try {
      if (!stats) stats = await getJson("api/stats");
      const result = await getJson(searchUrl(s));
      if (mine !== generation) return;
      renderResults(s, result);
      if (s.id) {
        const article = await getJson("api/articles/" + encodeURIComponent(s.id));
        if (mine !== generation) return;
        renderArticle(article);
      } else {
        closeArticleView();
      }
      const ms = Math.round(performance.now() - started);
      document.body.dataset.roundTripMs = String(ms);
      document.body.dataset.state = "ready";
      if (options.focus) options.focus();
    } catch (e) {
      if (mine !== generation) return;
      renderError(e, s);
      document.body.dataset.state = "error";
    }
  }

  function renderError(e, s) {
    const box = $("error");
    box.replaceChildren();
    const err = e.api || { message: String(e.message || e) };
    box.append(el("p", null, err.status === 400 ? "That query cannot be run: " + err.message : err.message));
    if (err.query !== undefined && err.query !== null && err.position !== null && err.position >= 0) {
      box.append(el("pre", "caret", err.query + "\n" + " ".repeat(err.position) + "^"));
    }
    box.hidden = false;
    $("hits").replaceChildren();
    $("summary").textContent = "";
    $("pager").hidden = true;
    $("article").hidden = true;
    $("results").hidden = false;
    if (s.id && err.status === 404) {
      box.replaceChildren(el("p", null, err.message));
    }
  }

  function renderResults(s, r) {
    $("error").hidden = true;
    const from = r.offset + 1;
    const to = r.offset + r.hits.length;
    const took = " (" + r.took_ms + " ms)";
    $("summary").textContent =
      r.total === 0
        ? "No articles match." + took
        : r.hits.length === 0
          ? "No hits on this page; " + r.total + " articles match in all." + took
          : "Articles " + from + "–" + to + " of " + r.total + took;

    const list = $("hits");
    list.replaceChildren();
    r.hits.forEach((h) => {
      const li = el("li", "hit");
      const h3 = el("h3");
      const a = el("a", "hit-title");
      a.href = stateQuery(Object.assign({}, s, { id: h.id }));
      a.dataset.id = h.id;
      a.append(marked(h.title || "(untitled)", h.title_highlights));
      h3.append(a);
      li.append(h3, el("p", "meta", meta(h)));
      for (const sn of h.snippets) {
        const p = el("p", "snippet");
        p.append(marked(sn.text, sn.highlights));
        li.append(p);
      }
      list.append(li);
    });

    const pages = Math.max(1, Math.ceil(r.total / PAGE_SIZE));
    $("pager").hidden = r.total <= PAGE_SIZE && s.page === 1;
    $("page-info").textContent = "Page " + s.page + " of " + pages;
    $("prev").disabled = s.page <= 1;
    $("next").disabled = r.next === null || r.next === undefined;

    renderTermFacet($("facet-source"), (r.facets || {}).source || [], (label) => s.sources.includes(label), toggleSource);
    renderTermFacet($("facet-year"), (r.facets || {}).year || [], (label) => s.from === label + "-01-01" && s.to === label + "-12-31", toggleYear);
    renderTimeline(s, r.facets || {});
    renderDateFilter(s);
  }

  function renderTermFacet(section, counts, isOn, toggle) {
    const ul = section.querySelector(".facet-values");
    ul.replaceChildren();
    for (const c of counts) {
      const li = el("li");
      const b = el("button", "facet-value");
      b.type = "button";
      b.dataset.value = c.label;
      b.setAttribute("aria-pressed", isOn(c.label) ? "true" : "false");
      b.append(el("span", "label", c.label), el("span", "count", String(c.count)));
      b.addEventListener("click", () => toggle(c.label));
      li.append(b);
      ul.append(li);
    }
    section.hidden = counts.length === 0;
  }

  function toggleSource(label) {
    const on = current.sources.includes(label);
    const sources = on ? current.sources.filter((x) => x !== label) : current.sources.concat([label]);
    go({ sources: sources }, { focus: () => focusFacet("facet-source", label) });
  }

  function toggleYear(label) {
    const on = current.from === label + "-01-01" && current.to === label + "-12-31";
    go(on ? { from: "", to: "" } : { from: label + "-01-01", to: label + "-12-31" },
      { focus: () => focusFacet("facet-year", label) });
  }

  function focusFacet(sectionId, label) {
    for (const b of $(sectionId).querySelectorAll(".facet-value")) {
      if (b.dataset.value === label) b.focus();
    }
  }

  function renderDateFilter(s) {
    const box = $("date-filter");
    box.hidden = !s.from && !s.to;
    $("date-filter-text").textContent = "Dates: " + (s.from || "…") + " to " + (s.to || "…") + " ";
  }

  // ---- the timeline ----

  /** The first and last day (ISO strings) of a date facet label: 1987, 1987-03, 1987-W10, 1987-03-02. */
  function bucketDays(label) {
    let m;
    if ((m = /^(\d{4})$/.exec(label))) return [m[1] + "-01-01", m[1] + "-12-31"];
    if ((m = /^(\d{4})-(\d{2})$/.exec(label))) {
      const last = new Date(Date.UTC(+m[1], +m[2], 0));
      return [label + "-01", iso(last)];
    }
    if ((m = /^(\d{4})-W(\d{2})$/.exec(label))) {
      const jan4 = new Date(Date.UTC(+m[1], 0, 4));
      const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000);
      const start = new Date(monday.getTime() + (+m[2] - 1) * 7 * 86400000);
      return [iso(start), iso(new Date(start.getTime() + 6 * 86400000))];
    }
    return [label, label];
  }

  function iso(d) {
    return d.toISOString().slice(0, 10);
  }

  function renderTimeline(s, facets) {
    const dim = timelineDimension();
    const counts = facets[dim] || [];
    const svg = $("chart");
    svg.replaceChildren();
    $("timeline").hidden = counts.length === 0;
    if (counts.length === 0) return;
    const width = 1000;
    const height = 90;
    const step = width / counts.length;
    const max = Math.max(1, ...counts.map((c) => c.count));
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("preserveAspectRatio", "none");
    $("timeline-caption").textContent =
      "Coverage over time: articles per " + dim + ". Click a bar to narrow to it; drag, or shift-click, for a range.";
    counts.forEach((c, i) => {
      const [first, last] = bucketDays(c.label);
      const g = document.createElementNS(SVG, "g");
      g.setAttribute("class", "bar" + (overlaps(s, first, last) && (s.from || s.to) ? " selected" : ""));
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", c.label + ": " + c.count + " articles");
      g.dataset.index = String(i);
      g.dataset.label = c.label;
      g.dataset.first = first;
      g.dataset.last = last;
      const title = document.createElementNS(SVG, "title");
      title.textContent = c.label + ": " + c.count;
      const hit = document.createElementNS(SVG, "rect");
      hit.setAttribute("class", "hitbox");
      hit.setAttribute("x", String(i * step));
      hit.setAttribute("y", "0");
      hit.setAttribute("width", String(step));
      hit.setAttribute("height", String(height));
      const bar = document.createElementNS(SVG, "rect");
      const h = c.count === 0 ? 0 : Math.max(2, (c.count / max) * (height - 4));
      bar.setAttribute("class", "value");
      bar.setAttribute("x", String(i * step + step * 0.1));
      bar.setAttribute("y", String(height - h));
      bar.setAttribute("width", String(Math.max(1, Math.min(step * 0.8, 60))));
      bar.setAttribute("height", String(h));
      g.append(title, hit, bar);
      svg.append(g);
    });
    $("axis-first").textContent = counts[0].label;
    $("axis-last").textContent = counts[counts.length - 1].label;
  }

  function overlaps(s, first, last) {
    return (!s.to || first <= s.to) && (!s.from || last >= s.from);
  }

  function barOf(target) {
    return target && target.closest ? target.closest("#chart .bar") : null;
  }

  function selectBars(a, b) {
    const [lo, hi] = a.dataset.first <= b.dataset.first ? [a, b] : [b, a];
    const label = b.dataset.label;
    go({ from: lo.dataset.first, to: hi.dataset.last }, {
      focus: () => {
        for (const g of $("chart").querySelectorAll(".bar")) if (g.dataset.label === label) g.focus();
      },
    });
  }

  function setUpTimeline() {
    const svg = $("chart");
    let dragFrom = null;
    svg.addEventListener("pointerdown", (e) => {
      const bar = barOf(e.target);
      if (!bar) return;
      e.preventDefault();
      dragFrom = bar;
    });
    svg.addEventListener("pointerup", (e) => {
      const bar = barOf(document.elementFromPoint(e.clientX, e.clientY)) || barOf(e.target);
      const start = dragFrom;
      dragFrom = null;
      if (!bar || !start) return;
      if (e.shiftKey && anchor) {
        selectBars(anchor, bar);
      } else {
        anchor = start;
        selectBars(start, bar);
      }
    });
    svg.addEventListener("keydown", (e) => {
      const bar = barOf(e.target);
      if (!bar) return;
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        if (e.shiftKey && anchor) {
          selectBars(anchor, bar);
        } else {
          anchor = bar;
          selectBars(bar, bar);
        }
      } else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
        e.preventDefault();
        const sibling = e.key === "ArrowRight" ? bar.nextElementSibling : bar.previousElementSibling;
        if (sibling) sibling.focus();
      }
    });
  }

  // ---- one article ----

  function renderArticle(a) {
    $("article-title").replaceChildren(document.createTextNode(a.title || "(untitled)"));
    $("article-meta").textContent = meta(a);
    const url = $("article-url");
    url.replaceChildren();
    if (a.url) {
      let safe = null;
      try {
        const u = new URL(a.url);
        if (u.protocol === "http:" || u.protocol === "https:") safe = u.href;
      } catch (e) {
        safe = null;
      }
      if (safe) {
        const link = el("a", null, a.url);
        link.href = safe;
        link.rel = "noopener noreferrer";
        url.append(link);
      } else {
        url.textContent = a.url;
      }
    }
    const body = $("article-body");
    body.replaceChildren();
    for (const para of (a.body || "").split(/\n\s*\n/)) {
      if (para.trim()) body.append(el("p", null, para.trim()));
    }
    $("results").hidden = true;
    $("sidebar").hidden = true;
    $("article").hidden = false;
    $("article").focus();
  }

  function closeArticleView() {
    $("article").hidden = true;
    $("results").hidden = false;
    $("sidebar").hidden = false;
  }

  // ---- wiring ----

  function start() {
    $("search").addEventListener("submit", (e) => {
      e.preventDefault();
      anchor = null;
      go({ q: $("q").value.trim(), sort: $("sort").value });
    });
    $("sort").addEventListener("change", () => go({ q: $("q").value.trim(), sort: $("sort").value }));
    $("prev").addEventListener("click", () => go({ page: Math.max(1, current.page - 1) }, { focus: () => $("results").focus() }));
    $("next").addEventListener("click", () => go({ page: current.page + 1 }, { focus: () => $("results").focus() }));
    $("clear-dates").addEventListener("click", () => go({ from: "", to: "" }));
    $("hits").addEventListener("click", (e) => {
      const link = e.target.closest("a.hit-title");
      if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      go({ id: link.dataset.id, page: current.page });
    });
    $("close-article").addEventListener("click", () => {
      const id = current.id;
      go({ id: "", page: current.page }, {
        focus: () => {
          for (const a of document.querySelectorAll("a.hit-title")) if (a.dataset.id === id) a.focus();
        },
      });
    });
    document.addEventListener("keydown", (e) => {
      if (e.key === "/" && !["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName)) {
        e.preventDefault();
        $("q").focus();
        $("q").select();
      } else if (e.key === "Escape" && !$("article").hidden) {
        $("close-article").click();
      }
    });
    window.addEventListener("popstate", () => show(readState(), {}));
    setUpTimeline();
    show(readState(), {});
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
