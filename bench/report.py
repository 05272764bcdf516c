#!/usr/bin/env python3
"""Writes bench/RESULTS.md from the JSON files bench/run.sh leaves in its results folder.

  report.py RESULTS_DIR OUT_MD

If bench/ANALYSIS.md exists, it is appended as the notes on the figures (written by hand after a
run: what limits a missed target and what would close it).
"""
import glob
import json
import os
import platform
import re
import subprocess
import sys

SYSTEMS = ["dateline", "lucene", "lucene-stemmed", "fts5", "anserini", "anserini-keepstop"]
KINDS = ["word", "and", "phrase", "sloppy", "date", "source"]


def load(path):
    with open(path) as f:
        return json.load(f)


def corpus_order(name):
    if name == "reuters":
        return 0
    m = re.match(r"reuters(\d+)$", name)
    if m:
        return int(m.group(1))
    m = re.match(r"synth-(\d+)", name)
    return int(m.group(1)) if m else 1 << 40


def fmt(x, digits=1):
    if x is None:
        return "–"
    if isinstance(x, float) and x != x:
        return "–"
    if isinstance(x, (int,)) or abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:,.{digits}f}"


def ms(x):
    if x is None or x != x:
        return "–"
    return f"{x:.2f}" if x < 10 else f"{x:.1f}" if x < 100 else f"{x:,.0f}"


def machine():
    lines = []
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    java = os.environ.get("JAVA") or next(
        (j for j in sorted(glob.glob("/usr/lib/jvm/*25*/bin/java")) + sorted(glob.glob("/usr/lib/jvm/*21*/bin/java"))), "java")
    try:
        jv = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()
        jv = " / ".join(jv[:2])
    except OSError:
        jv = "unknown"
    import sqlite3
    lines.append(f"- CPU: {cpu}, {os.cpu_count()} cores (`nproc`)")
    lines.append(f"- Memory: {mem}")
    lines.append(f"- OS: {platform.system()} {platform.release()}")
    lines.append(f"- JDK: {jv}")
    lines.append(f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version} (FTS5)")
    lines.append("- Lucene 10.6.0 (Dateline and the plain-Lucene peer); Anserini 1.5.0 fat jar")
    return lines


def oneshot_section(results):
    """The one-shot CLI search (bench/oneshot.sh): a table row, or nothing when it did not run."""
    path = os.path.join(results, "oneshot.json")
    if not os.path.exists(path):
        return []
    r = load(path)
    verdict = "met" if r["met"] else "**missed**"
    return ["", "## One-shot CLI search", "",
            f"`./dateline search '{r['query']}' --index DIR` on Reuters-21578, the whole process"
            f" (launcher, new JVM, start-up cache in use): {r['warmups']} warm-ups, then"
            f" {r['runs']} runs. CPU is user+sys of the process, less distorted than wall time"
            f" when the machine is shared (1-minute load {r['load_1min'][0]:.1f} at start,"
            f" {r['load_1min'][1]:.1f} at end).", "",
            "| target | median ms | p90 ms | min–max ms | CPU median ms | ratio | verdict |",
            "|---|---:|---:|---:|---:|---:|---|",
            f"| ≤ {r['limit_seconds'] * 1000:.0f} ms median | {r['median_seconds'] * 1000:.0f} |"
            f" {r['p90_seconds'] * 1000:.0f} | {r['min_seconds'] * 1000:.0f}–{r['max_seconds'] * 1000:.0f} |"
            f" {r['cpu_median_seconds'] * 1000:.0f} | {r['median_seconds'] / r['limit_seconds']:.2f}× the limit |"
            f" {verdict} |"] + oneshot_floor_rows(r)


def oneshot_floor_rows(r):
    """Context rows under the one-shot target: the floors oneshot.sh measured in the same run."""
    rows = []
    for key, label in (("floor", "floor: minimal Lucene search (`OneShotFloor`)"),
                       ("empty", "floor: empty main (`OneShotEmpty`)")):
        f = r.get(key)
        if not f:
            continue
        rows.append(f"| {label}, same flags, own AOT cache | {f['median_seconds'] * 1000:.0f} |"
                    f" {f['p90_seconds'] * 1000:.0f} |"
                    f" {f['min_seconds'] * 1000:.0f}–{f['max_seconds'] * 1000:.0f} |"
                    f" {f['cpu_median_seconds'] * 1000:.0f} |"
                    f" Dateline {r['median_seconds'] / f['median_seconds']:.2f}× this | context |")
    if rows:
        rows += ["", "The floor rows ran in the same run, 3 warm-ups and 20 runs each, launched as"
                 " the launcher launches a search (same JDK, Serial GC, quick compiler only, an"
                 " ahead-of-time cache trained on a run of themselves): what any Lucene command"
                 " line pays on this machine; Dateline's own part is what lies above them."]
    return rows


def main(results, out):
    index, search, anserini_search = {}, {}, {}
    for p in glob.glob(os.path.join(results, "index-*.json")):
        r = load(p)
        timef = p[:-5] + ".time"
        if os.path.exists(timef):
            fields = open(timef).read().split()
            rss, wall = fields[-2:]
            r["rss_kb_time"] = int(rss)
            r["wall_seconds"] = float(wall)
            if len(fields) >= 4:  # "%U %S %M %e": user and system CPU seconds too
                r["cpu_seconds"] = float(fields[-4]) + float(fields[-3])
        index[(r["system"], r["corpus"])] = r
    for p in glob.glob(os.path.join(results, "search-*.json")):
        r = load(p)
        if r["system"] == "anserini":
            anserini_search[r["corpus"]] = r
        else:
            search[(r["system"], r["corpus"])] = r
    convert = {}
    for p in glob.glob(os.path.join(results, "convert-anserini-*.time")):
        name = os.path.basename(p)[len("convert-anserini-"):-len(".time")]
        convert[name] = float(open(p).read().split()[-1])
    corpora = sorted({c for _, c in index} | {c for _, c in search}, key=corpus_order)
    largest = corpora[-1] if corpora else None
    cmd = open(os.path.join(results, "command.txt")).read().splitlines()

    md = ["# Benchmark results", ""]
    md.append("Generated by `bench/report.py` from one run of `bench/run.sh`; do not edit the tables"
              " by hand (the notes at the end are written after the run). How the figures are made:"
              " [bench/README.md](README.md).")
    md += ["", "## Machine and run", ""]
    md += machine()
    md += [f"- {line}" for line in cmd]
    md += ["", "## Corpora", "",
           "| corpus | articles | JSONL MB | bytes/article |", "|---|---:|---:|---:|"]
    for c in corpora:
        r = index.get(("lucene", c)) or index.get(("dateline", c))
        if r:
            md.append(f"| {c} | {r['articles']:,} | {r['input_bytes'] / 1e6:,.0f} |"
                      f" {r['input_bytes'] / r['articles']:,.0f} |")

    md += ["", "## Indexing", "",
           "Each system in its own process, from the same JSONL, to a committed index; JVMs with"
           " `-Xmx1g`. Peak RSS is the process's maximum resident set (`/usr/bin/time %M`)."
           " Anserini's time is the whole JVM (start-up included, about 1 s) with 2 indexing"
           " threads; its input conversion is counted apart. `anserini-keepstop` is the same"
           " Anserini run with `-keepStopwords` (every word indexed, as Dateline does); it is"
           " only indexed, never searched.", "",
           "| corpus | system | articles/s | MB/s | seconds | index MB | index / Lucene | peak RSS MB |",
           "|---|---|---:|---:|---:|---:|---:|---:|"]
    for c in corpora:
        base = index.get(("lucene", c))
        for s in SYSTEMS:
            r = index.get((s, c))
            if not r:
                continue
            secs = r["seconds"]
            ratio = r["index_bytes"] / base["index_bytes"] if base else None
            rss = r.get("rss_kb_time") or r.get("peak_rss_kb")
            md.append(f"| {c} | {s} | {r['articles'] / secs:,.0f} | {r['input_bytes'] / 1e6 / secs:,.1f} |"
                      f" {secs:,.1f} | {r['index_bytes'] / 1e6:,.0f} | {fmt(ratio, 2)} |"
                      f" {rss / 1024:,.0f} |")
        if c in convert:
            md.append(f"| {c} | (anserini input conversion) | | | {convert[c]:.1f} | | | |")

    md += ["", "## Query latency (one warm process, one thread)", "",
           "1,000 seeded queries (200 single words, 200 two-word AND, 150 exact phrases, 150 sloppy"
           " phrases, 150 date-filtered, 150 source-filtered), shuffled, plus 40 frequent-word"
           " phrases reported apart. Top 10 by BM25 with exact totals. Modes: **bare** (hits and"
           " total), **snippets** (plus one highlighted body snippet per hit), **facets** (plus"
           " source and month counts). FTS5 **bare_topk** skips `count(*)`. Each mode is warmed up"
           " first (the queries over and over for half the time budget); the timed pass stops at"
           " the budget, and n says how many queries ran."
           " Milliseconds.", "",
           "| corpus | system | mode | n | p50 | p99 | mean | q/s, 2 threads |",
           "|---|---|---|---:|---:|---:|---:|---:|"]
    for c in corpora:
        for s in SYSTEMS:
            r = search.get((s, c))
            if not r:
                continue
            for mode, m in r["modes"].items():
                a = m["latency_ms"]["all"]
                md.append(f"| {c} | {s} | {mode} | {a['n']} | {ms(a['p50'])} | {ms(a['p99'])} |"
                          f" {ms(a['mean'])} | {fmt(m['throughput_qps_2_threads'])} |")
        a = anserini_search.get(c)
        if a:
            md.append(f"| {c} | anserini | bag of words, batch | {a['queries']:,} | | | |"
                      f" {fmt(a['throughput_qps_2_threads'])} |")
    md += ["", "Anserini has no snippets, facets, filters or exact totals: it runs the same queries'"
           " words as BM25 bags of words (OR), 10 hits each, in one batch with `-threads 2`;"
           " throughput is (queries − 1) / (wall time of the batch − wall time of a one-query"
           " batch), so JVM start-up and index opening are taken out."]

    if largest:
        md += ["", f"### By query class, {largest} (p50 / p99 ms)", "",
               "| system | mode | " + " | ".join(KINDS) + " | frequent phrases |",
               "|---|---|" + "---:|" * (len(KINDS) + 1)]
        for s in SYSTEMS:
            r = search.get((s, largest))
            if not r:
                continue
            for mode, m in r["modes"].items():
                cells = []
                for k in KINDS + ["frequent_phrase"]:
                    x = m["latency_ms"].get(k)
                    cells.append(f"{ms(x['p50'])} / {ms(x['p99'])}" if x else "–")
                md.append(f"| {s} | {mode} | " + " | ".join(cells) + " |")

    md += ["", "### Frequent-word phrases, apart (the known worst case)", "",
           "| corpus | system | mode | n | p50 | p99 | max |", "|---|---|---|---:|---:|---:|---:|"]
    for c in corpora:
        for s in SYSTEMS:
            r = search.get((s, c))
            if not r:
                continue
            for mode, m in r["modes"].items():
                x = m["latency_ms"].get("frequent_phrase")
                if x:
                    md.append(f"| {c} | {s} | {mode} | {x['n']} | {ms(x['p50'])} | {ms(x['p99'])} |"
                              f" {ms(x['max'])} |")

    md += ["", "### Do the systems find the same articles?", "",
           "Per query, Dateline's exact total against the peer's, over the queries both ran in"
           " bare mode (analyzers differ: Dateline folds accents and stems with Porter; plain"
           " Lucene's StandardAnalyzer does not stem, lucene-stemmed runs Dateline's word analysis;"
           " FTS5's porter unicode61 splits words differently and its NEAR is unordered).", "",
           "| corpus | peer | queries | same total | within 10% | median peer/Dateline |",
           "|---|---|---:|---:|---:|---:|"]
    for c in corpora:
        d = search.get(("dateline", c))
        if not d:
            continue
        dt = dict((q, t) for q, t in d["modes"]["bare"]["totals"])
        for s in ("lucene", "lucene-stemmed", "fts5"):
            r = search.get((s, c))
            if not r:
                continue
            pairs = [(dt[q], t) for q, t in r["modes"]["bare"]["totals"] if q in dt]
            if not pairs:
                continue
            same = sum(1 for a, b in pairs if a == b)
            near = sum(1 for a, b in pairs if abs(a - b) <= 0.1 * max(a, b))
            ratios = sorted(b / a for a, b in pairs if a > 0)
            med = ratios[len(ratios) // 2] if ratios else float("nan")
            md.append(f"| {c} | {s} | {len(pairs)} | {same} | {near} | {med:.2f} |")

    md += ["", "## Cost growth (Dateline)", ""]
    header = "| figure | " + " | ".join(corpora) + " |"
    md += [header, "|---|" + "---:|" * len(corpora)]

    def row(label, f):
        md.append(f"| {label} | " + " | ".join(f(c) for c in corpora) + " |")

    def idx(s, key):
        def f(c):
            r = index.get((s, c))
            if not r:
                return "–"
            if key == "aps":
                return f"{r['articles'] / r['seconds']:,.0f}"
            if key == "mbs":
                return f"{r['input_bytes'] / 1e6 / r['seconds']:,.1f}"
            if key == "size":
                return f"{r['index_bytes'] / 1e6:,.0f}"
            if key == "rss":
                return f"{(r.get('rss_kb_time') or r['peak_rss_kb']) / 1024:,.0f}"
            if key == "bpa":
                return f"{r['index_bytes'] / r['articles']:,.0f}"
        return f

    def lat(s, mode, key, kind="all"):
        def f(c):
            r = search.get((s, c))
            if not r or mode not in r["modes"]:
                return "–"
            m = r["modes"][mode]
            if key == "qps":
                return fmt(m["throughput_qps_2_threads"])
            x = m["latency_ms"].get(kind)
            return ms(x[key]) if x else "–"
        return f

    row("articles indexed / s", idx("dateline", "aps"))
    row("MB indexed / s", idx("dateline", "mbs"))
    row("index MB", idx("dateline", "size"))
    row("index bytes / article", idx("dateline", "bpa"))
    row("indexing peak RSS MB", idx("dateline", "rss"))
    for mode in ("bare", "snippets", "facets"):
        row(f"{mode}: p50 ms", lat("dateline", mode, "p50"))
        row(f"{mode}: p99 ms", lat("dateline", mode, "p99"))
        row(f"{mode}: q/s, 2 threads", lat("dateline", mode, "qps"))
    row("frequent phrases, facets: p50 ms", lat("dateline", "facets", "p50", "frequent_phrase"))
    row("frequent phrases, facets: p99 ms", lat("dateline", "facets", "p99", "frequent_phrase"))
    md += ["", "The same figures for the peers:", "", header, "|---|" + "---:|" * len(corpora)]
    for s in ("lucene", "lucene-stemmed", "fts5", "anserini"):
        row(f"{s}: articles indexed / s", idx(s, "aps"))
        row(f"{s}: index MB", idx(s, "size"))
        row(f"{s}: indexing peak RSS MB", idx(s, "rss"))
        for mode in ("bare", "snippets", "facets"):
            if any(search.get((s, c)) and mode in search[(s, c)]["modes"] for c in corpora):
                row(f"{s}: {mode}: p50 ms", lat(s, mode, "p50"))
                row(f"{s}: {mode}: p99 ms", lat(s, mode, "p99"))
                row(f"{s}: {mode}: q/s, 2 threads", lat(s, mode, "qps"))
    row("anserini: bag-of-words batch q/s, 2 threads",
        lambda c: fmt(anserini_search[c]["throughput_qps_2_threads"]) if c in anserini_search else "–")

    md += ["", "## Targets", ""]
    if largest:
        md.append(f"Judged at the largest corpus run, **{largest}**.")
        md += ["", "| target | aim | measured | ratio | verdict |", "|---|---|---|---:|---|"]
        d, l, f = index.get(("dateline", largest)), index.get(("lucene", largest)), index.get(("fts5", largest))

        def verdict(ok):
            return "met" if ok else "**missed**"

        if d and f:
            r = (d["articles"] / d["seconds"]) / (f["articles"] / f["seconds"])
            md.append(f"| indexing vs FTS5 | ≥ 1.5× FTS5 articles/s | {d['articles'] / d['seconds']:,.0f} vs"
                      f" {f['articles'] / f['seconds']:,.0f} | {r:.2f}× | {verdict(r >= 1.5)}"
                      f"{' (ahead, short of 1.5×)' if 1 <= r < 1.5 else ''} |")
        if d and l:
            r = (d["articles"] / d["seconds"]) / (l["articles"] / l["seconds"])
            md.append(f"| indexing vs plain Lucene | ≥ 0.8× Lucene articles/s | {d['articles'] / d['seconds']:,.0f} vs"
                      f" {l['articles'] / l['seconds']:,.0f} | {r:.2f}× | {verdict(r >= 0.8)} |")
            heap = d.get("max_heap_bytes", 0) / 2**30
            md.append(f"| heap during indexing | ≤ 1 GiB | `-Xmx1g` (max heap {heap:.2f} GiB), peak RSS"
                      f" {(d.get('rss_kb_time') or d['peak_rss_kb']) / 1024:,.0f} MB | | {verdict(heap <= 1.0)} |")
            r = d["index_bytes"] / l["index_bytes"]
            md.append(f"| index size | ≤ 1.3× Lucene | {d['index_bytes'] / 1e6:,.0f} MB vs"
                      f" {l['index_bytes'] / 1e6:,.0f} MB | {r:.2f}× | {verdict(r <= 1.3)} |")
        ds = search.get(("dateline", largest))
        fs = search.get(("fts5", largest))
        if ds:
            a = ds["modes"]["facets"]["latency_ms"]["all"]
            md.append(f"| p50, snippets + facets | ≤ 5 ms | {ms(a['p50'])} ms | {a['p50'] / 5:.2f}× the limit |"
                      f" {verdict(a['p50'] <= 5)} |")
            md.append(f"| p99, snippets + facets | ≤ 100 ms | {ms(a['p99'])} ms | {a['p99'] / 100:.2f}× the limit |"
                      f" {verdict(a['p99'] <= 100)} |")
            md.append("| exact totals | kept | `SearchResult.total()` is exact in every mode (no"
                      " early termination) | | met |")
        if ds and fs:
            for mode in ("snippets", "facets"):
                a = ds["modes"][mode]["latency_ms"]["all"]["p50"]
                b = fs["modes"][mode]["latency_ms"]["all"]["p50"]
                r = b / a
                md.append(f"| p50 vs FTS5, {mode} | ≥ 5× faster | {ms(a)} ms vs {ms(b)} ms | {r:.1f}× |"
                          f" {verdict(r >= 5)} |")
        if ds:
            x = ds["modes"]["facets"]["latency_ms"].get("frequent_phrase")
            if x:
                md.append(f"| frequent-word phrases | measured apart | p50 {ms(x['p50'])} ms, p99"
                          f" {ms(x['p99'])} ms, max {ms(x['max'])} ms (snippets + facets) | | see notes |")

    md += ranking_section(results)
    md += copies_section(index, search, corpora)

    md += oneshot_section(results)
    md += search_targets_issue11(search, largest)
    md += indexing_targets(index, corpora)

    notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ANALYSIS.md")
    if os.path.exists(notes):
        md += ["", open(notes).read().rstrip()]
    with open(out, "w") as fh:
        fh.write("\n".join(md) + "\n")


def ranking_section(results):
    """The CACM ranking table and the verdicts of the two ranking targets, from ranking.json
    (bench/ranking.sh); nothing when the step did not run."""
    path = os.path.join(results, "ranking.json")
    if not os.path.exists(path):
        return []
    runs = {r["name"]: r for r in load(path)["runs"]}
    # Anserini's figures on this machine, should its own runs be missing from this run
    bm25 = runs.get("anserini bm25", {"map": 0.3123, "p_30": 0.1942})
    rm3 = runs.get("anserini bm25+rm3", {"map": 0.3648, "p_30": 0.2224})

    def verdict(ok):
        return "met" if ok else "**missed**"

    md = ["", "## Ranking (CACM)", "",
          "CACM (3,204 abstracts, 52 judged queries), 1,000 hits per query, every run scored by"
          " Dateline's `trec_eval -c` scorer (`TrecEval`). Anserini 1.5.0 indexes the collection"
          " with its CACM regression's options (`HtmlCollection`, Porter, its stop words) and"
          " searches with `SearchCollection -bm25` (k1 0.9, b 0.4) and `-bm25 -rm3`. Dateline's"
          " defaults: news analysis (every word indexed, function words dropped from the topics),"
          " BM25 k1 1.2 b 0.75, the paper's title as a title field; Anserini's settings: its stop"
          " words, one text field, k1 0.9 b 0.4. RM3: 10 documents, 10 terms, original query"
          " weight 0.5. The ratio is MAP against Anserini's run of the same kind (BM25 or"
          " BM25+RM3).", "",
          "| run | MAP | P@30 | nDCG@10 | recall@1000 | MAP vs Anserini |",
          "|---|---:|---:|---:|---:|---:|"]
    for name, r in runs.items():
        ref = rm3 if name.endswith("rm3") else bm25
        md.append(f"| {name} | {r['map']:.4f} | {r['p_30']:.4f} | {r['ndcg_10']:.4f} |"
                  f" {r['recall_1000']:.4f} | {r['map'] / ref['map']:.3f}× |")
    md += ["", "| target | limit | measured | verdict |", "|---|---|---|---|"]
    d = runs.get("dateline defaults")
    if d:
        md.append(f"| CACM MAP with Dateline's defaults | ≥ Anserini BM25 ({bm25['map']:.4f}) |"
                  f" {d['map']:.4f} ({d['map'] / bm25['map']:.3f}×) | {verdict(d['map'] >= bm25['map'])} |")
    for name, label in (("dateline defaults+rm3", "defaults"),
                        ("dateline anserini settings+rm3", "Anserini's settings")):
        r = runs.get(name)
        if r:
            ok = r["map"] >= rm3["map"] and r["p_30"] >= rm3["p_30"]
            md.append(f"| `--expand` (RM3) with {label} | ≥ Anserini BM25+RM3 (MAP {rm3['map']:.4f},"
                      f" P@30 {rm3['p_30']:.4f}) | MAP {r['map']:.4f}, P@30 {r['p_30']:.4f} |"
                      f" {verdict(ok)} |")
    return md



def copies_section(index, search, corpora):
    """Copy detection's cost (issue 14, bench/copies.sh): indexing with detection on against the
    default index (off), and collapse's p50 against bare p50 on the index with detection."""
    md = ["", "## Copy detection (Dateline)", "",
          "Indexing with `dateline index --copies` against the default (detection off), and"
          " `--collapse` against a bare search on the index with detection.", ""]
    md += ["| figure | " + " | ".join(corpora) + " |", "|---|" + "---:|" * len(corpora)]

    def cell(f):
        def g(c):
            try:
                return f(c)
            except (KeyError, TypeError, ZeroDivisionError):
                return "–"
        return g

    def row(label, f):
        md.append(f"| {label} | " + " | ".join(cell(f)(c) for c in corpora) + " |")

    on = lambda c: index[("dateline-copies", c)]
    off = lambda c: index[("dateline", c)]
    row("articles indexed / s, detection off", lambda c: f"{off(c)['articles'] / off(c)['seconds']:,.0f}")
    row("articles indexed / s, detection on", lambda c: f"{on(c)['articles'] / on(c)['seconds']:,.0f}")
    row("indexing time on / off", lambda c: f"{on(c)['seconds'] / off(c)['seconds']:.2f}×")
    row("index MB, detection off", lambda c: f"{off(c)['index_bytes'] / 1e6:,.0f}")
    row("index MB, detection on", lambda c: f"{on(c)['index_bytes'] / 1e6:,.0f}")
    row("indexing peak RSS MB, detection on",
        lambda c: f"{(on(c).get('rss_kb_time') or on(c)['peak_rss_kb']) / 1024:,.0f}")

    def p50(c, mode):
        return search[("dateline-copies", c)]["modes"][mode]["latency_ms"]["all"]["p50"]

    row("bare p50 ms (index with detection)", lambda c: ms(p50(c, "bare")))
    row("collapse p50 ms", lambda c: ms(p50(c, "collapse")))
    row("collapse p50 / bare p50 (aim: ≤ 1.20×)", lambda c: f"{p50(c, 'collapse') / p50(c, 'bare'):.2f}×")
    return md

def search_targets_issue11(search, largest):
    """Issue 11's search targets at the largest corpus: bare top-10 p50 within 1.3x plain Lucene's,
    snippets + facets p50 at most 3 ms, frequent-word phrases (snippets + facets) p99 at most 50 ms."""
    ds, ls = search.get(("dateline", largest)), search.get(("lucene", largest))
    if not ds:
        return []
    md = ["", "## Search targets (issue 11)", "",
          f"Judged at **{largest}**, from the same run as the tables above.", "",
          "| target | aim | measured | ratio | verdict |", "|---|---|---|---:|---|"]

    def verdict(ok):
        return "met" if ok else "**missed**"

    if ls and "bare" in ds["modes"] and "bare" in ls["modes"]:
        a = ds["modes"]["bare"]["latency_ms"]["all"]["p50"]
        b = ls["modes"]["bare"]["latency_ms"]["all"]["p50"]
        md.append(f"| bare top-10 p50 vs plain Lucene | ≤ 1.3× Lucene | {ms(a)} ms vs {ms(b)} ms |"
                  f" {a / b:.2f}× | {verdict(a / b <= 1.3)} |")
    st = search.get(("lucene-stemmed", largest))
    if st and "bare" in ds["modes"] and "bare" in st["modes"]:
        a = ds["modes"]["bare"]["latency_ms"]["all"]["p50"]
        b = st["modes"]["bare"]["latency_ms"]["all"]["p50"]
        md.append(f"| (context) bare top-10 p50 vs Lucene with Dateline's word analysis, the same"
                  f" matching work | none | {ms(a)} ms vs {ms(b)} ms | {a / b:.2f}× | – |")
    if "facets" in ds["modes"]:
        f = ds["modes"]["facets"]["latency_ms"]
        a = f["all"]["p50"]
        md.append(f"| snippets + facets p50 | ≤ 3 ms | {ms(a)} ms | {a / 3:.2f}× the limit |"
                  f" {verdict(a <= 3)} |")
        if st and "facets" in st["modes"]:
            b = st["modes"]["facets"]["latency_ms"]["all"]["p50"]
            md.append(f"| (context) snippets + facets p50 vs Lucene with Dateline's word analysis,"
                      f" its highlighter and its own faceting (`DrillSideways`) | none | {ms(a)} ms"
                      f" vs {ms(b)} ms | {a / b:.2f}× | – |")
        x = f.get("frequent_phrase")
        if x:
            md.append(f"| frequent-word phrases, snippets + facets, p99 | ≤ 50 ms | {ms(x['p99'])} ms"
                      f" (p50 {ms(x['p50'])}, max {ms(x['max'])}, n={x['n']}) |"
                      f" {x['p99'] / 50:.2f}× the limit | {verdict(x['p99'] <= 50)} |")
    md.append("| exact totals | kept | every mode collects with `totalHitsThreshold ="
              " Integer.MAX_VALUE`; `NewsSearcher` refuses an inexact total | | met |")
    return md


def indexing_targets(index, corpora):
    """Issue 11's indexing targets, per corpus: Dateline's articles/s against Anserini's (2
    threads) and FTS5's in the same run (at least 1.0x both, aim 1.5x FTS5), the index size
    against plain Lucene's (at most 1.3x) and the heap (-Xmx1g). Wall seconds of the whole
    process as /usr/bin/time measured it (Anserini's only measure), CPU seconds beside them."""
    rows = []
    for c in corpora:
        d, a, f, l, k = (index.get((s, c)) for s in
                         ("dateline", "anserini", "fts5", "lucene", "anserini-keepstop"))
        if not (d and (a or f)):
            continue
        rows.append((c, d, a, f, l, k))
    if not rows:
        return []
    md = ["", "## Issue 11: indexing targets, per corpus", "",
          "Whole processes, wall seconds from `/usr/bin/time` (JVM start-up included for every JVM)"
          " and CPU seconds (user + system); ratios are Dateline's speed over the peer's (above 1:"
          " Dateline is faster). Aims: at least 1.0× Anserini (2 threads) and 1.0× FTS5, 1.5× FTS5"
          " aimed at; index at most 1.3× plain Lucene's; heap within 1 GiB. Anserini drops English"
          " stop words by default; the context columns give the same Anserini keeping every word"
          " (`-keepStopwords`), as Dateline must for exact phrases (not part of the verdict).", "",
          "| corpus | Dateline s (CPU s) | Anserini s (CPU s) | FTS5 s (CPU s) | Lucene s (CPU s)"
          " | vs Anserini | vs FTS5 | index / Lucene | verdict"
          " | Anserini keeping stop words s (CPU s) | vs it |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"]

    def wall(r):
        return r.get("wall_seconds") or r["seconds"] if r else None

    def cell(r):
        if not r:
            return "–"
        cpu = r.get("cpu_seconds")
        return f"{wall(r):.1f}" + (f" ({cpu:.1f})" if cpu is not None else "")

    for c, d, a, f, l, k in rows:
        va = wall(a) / wall(d) if a else None
        vk = wall(k) / wall(d) if k else None
        vf = wall(f) / wall(d) if f else None
        size = d["index_bytes"] / l["index_bytes"] if l else None
        heap = d.get("max_heap_bytes", 0) / 2**30
        misses = []
        if va is not None and va < 1:
            misses.append(f"slower than Anserini ({va:.2f}×)")
        if vf is not None and vf < 1:
            misses.append(f"slower than FTS5 ({vf:.2f}×)")
        if size is not None and size > 1.3:
            misses.append(f"index {size:.2f}× Lucene's")
        if heap > 1.0:
            misses.append(f"heap {heap:.2f} GiB")
        if misses:
            verdict = "**missed**: " + ", ".join(misses)
        elif vf is not None and vf < 1.5:
            verdict = "met (short of the 1.5× FTS5 aim)"
        else:
            verdict = "met, 1.5× FTS5 aim too" if vf is not None else "met"
        md.append(f"| {c} | {cell(d)} | {cell(a)} | {cell(f)} | {cell(l)} | {fmt(va, 2)}× |"
                  f" {fmt(vf, 2)}× | {fmt(size, 2)}× | {verdict} | {cell(k)} | {fmt(vk, 2)}× |")
    return md


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
