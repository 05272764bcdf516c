package org.dateline.solr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.dateline.Article;
import org.dateline.ArticleSearcher;
import org.dateline.DateRange;
import org.dateline.FacetCount;
import org.dateline.FacetResult;
import org.dateline.Hit;
import org.dateline.IndexSummary;
import org.dateline.SearchRequest;
import org.dateline.SearchResult;
import org.dateline.Snippet;
import org.dateline.SolrBridge;
import org.dateline.SortOrder;

/**
 * Searches a SolrCloud collection made by {@link SolrCollections#create} and filled by {@link
 * SolrNewsIndexer}, answering as {@link org.dateline.NewsSearcher} answers a local index: the query
 * is parsed by Dateline and sent as the parsed clauses (never the user's string), filters are
 * tagged filter queries, sorts break ties by id, totals are exact, pages continue with Solr's
 * {@code cursorMark}, snippets come from Solr's unified highlighter with weight matches (a phrase
 * is one span) cut into passages by Dateline's own snippet code, term facets are drill-sideways
 * ({@code excludeTags}) and date histograms are rolled up from per-day counts by Dateline's own
 * histogram code, empty buckets included.
 *
 * <p>Thread-safe; closing it closes the collection's client.
 */
public final class SolrNewsSearcher implements ArticleSearcher {
  /** Marks around a highlighted match; private-use characters that news text does not hold. */
  private static final char PRE = '\uE000';

  private static final char POST = '\uE001';

  /** Longest stretch of a field searched for matches, as locally. */
  private static final int MAX_ANALYZED_CHARS = 200_000;

  private static final String CURSOR_PREFIX = "solr1.";

  private final SolrCollection collection;

  private SolrNewsSearcher(SolrCollection collection) {
    this.collection = collection;
  }

  /**
   * Opens a searcher on a collection; it closes the collection when closed.
   *
   * @param collection the collection
   * @return the searcher
   */
  public static SolrNewsSearcher open(SolrCollection collection) {
    return new SolrNewsSearcher(collection);
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    if (request.expansion() != null) {
      throw new IllegalArgumentException(
          "query expansion (--expand) works on a local index only, not on a Solr collection");
    }
    if (request.collapse() || request.count() == SearchRequest.Count.STORIES) {
      throw noCopies(request.collapse() ? "--collapse" : "--count stories");
    }
    long start = System.nanoTime();
    CursorState after = request.cursor() == null ? null : CursorState.decode(request);
    Set<String> extras = extraFields();
    Query parsed = SolrBridge.parse(request, extras);
    String q = SolrQueries.toSolr(parsed, request.query());

    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", q);
    p.set("defType", "lucene");
    p.set("q.op", "OR");
    Map<String, String> filters = filters(request);
    filters.forEach((tag, fq) -> p.add("fq", "{!tag=" + tag + "}" + fq));
    p.set("sort", sort(request.sort()));
    p.set("fl", "id,title,body,date,url,title_derived," + SolrConfigset.VALUE_PREFIX + "*,score");
    int skip = after == null ? request.offset() : 0;
    int rows = skip + request.limit();
    p.set("rows", rows);
    p.set("cursorMark", after == null ? "*" : after.mark());
    highlightParams(p, request);
    FacetPlan facets = new FacetPlan(request, extras, filters.keySet());
    if (!facets.isEmpty()) {
      p.set("json.facet", facets.json());
    }
    QueryResponse response = query(p);
    SolrDocumentList docs = response.getResults();
    long total = docs.getNumFound();
    List<SolrDocument> page = docs.subList(Math.min(skip, docs.size()), docs.size());
    long position = (after == null ? 0 : after.position()) + docs.size();
    String next =
        !page.isEmpty() && position < total
            ? new CursorState(SolrBridge.fingerprint(request), position, response.getNextCursorMark())
                .encode()
            : null;

    List<Hit> hits = new ArrayList<>(page.size());
    Map<String, Map<String, List<String>>> hl = response.getHighlighting();
    for (SolrDocument d : page) {
      Article a = article(d);
      Map<String, List<String>> h = hl == null ? null : hl.get(a.id());
      hits.add(hit(a, ((Number) d.getFieldValue("score")).floatValue(), h, request));
    }
    Map<String, FacetResult> facetResults =
        facets.isEmpty() ? Map.of() : facets.results(response, this, parsed, q, filters);
    return new SearchResult(
        request.query(), total, hits, next, facetResults, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Copies are found by a local index's writer; a SolrCloud collection has none. */
  @Override
  public Optional<org.dateline.copies.Provenance> provenance(String id) {
    throw noCopies("provenance (an article's copies and reuses)");
  }

  @Override
  public List<org.dateline.copies.CopyGroup> copyGroups(SearchRequest request, int top) {
    throw noCopies("copy groups");
  }

  private static org.dateline.CopiesUnavailableException noCopies(String what) {
    return new org.dateline.CopiesUnavailableException(
        what
            + " needs copy detection, which a SolrCloud collection does not have; use a local"
            + " index made with 'dateline index --copies'");
  }

  @Override
  public Optional<Article> find(String id) throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "{!term f=" + SolrBridge.ID + " v=$dl.id}");
    p.set("dl.id", id);
    p.set("fl", "id,title,body,date,url,title_derived," + SolrConfigset.VALUE_PREFIX + "*");
    p.set("rows", 1);
    SolrDocumentList docs = query(p).getResults();
    return docs.isEmpty() ? Optional.empty() : Optional.of(article(docs.get(0)));
  }

  @Override
  public IndexSummary summary() throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "*:*");
    p.set("rows", 0);
    p.set(
        "json.facet",
        "{first:\"min(date)\",last:\"max(date)\","
            + "undated:{type:query,q:\"-date:[* TO *]\"},"
            + "sources:{type:terms,field:\""
            + SolrConfigset.VALUE_PREFIX
            + SolrBridge.SOURCE
            + "\",limit:-1},"
            + "fields:{type:terms,field:\""
            + SolrConfigset.FIELDS_FIELD
            + "\",limit:-1}}");
    QueryResponse r = query(p);
    NamedList<?> f = (NamedList<?>) r.getResponse().get("facets");
    long articles = r.getResults().getNumFound();
    long sources = f == null ? 0 : buckets(f.get("sources")).size();
    Set<String> fields = new TreeSet<>();
    if (f != null) {
      for (NamedList<?> b : buckets(f.get("fields"))) {
        fields.add(String.valueOf(b.get("val")));
      }
    }
    Instant first = f == null ? null : instant(f.get("first"));
    Instant last = f == null ? null : instant(f.get("last"));
    long undated = f == null ? articles : count(f.get("undated"));
    return new IndexSummary(articles, sources, first, last, undated, List.copyOf(fields), 0);
  }

  /** Closes the collection's client. */
  @Override
  public void close() throws IOException {
    collection.close();
  }

  // ---- requests ----

  QueryResponse query(ModifiableSolrParams p) throws IOException {
    QueryRequest req = new QueryRequest(p, SolrRequest.METHOD.POST);
    QueryResponse r = new QueryResponse();
    r.setResponse(collection.request(req));
    return r;
  }

  /** The extra keyword fields the collection's articles have. */
  Set<String> extraFields() throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "*:*");
    p.set("rows", 0);
    p.set(
        "json.facet",
        "{fields:{type:terms,field:\"" + SolrConfigset.FIELDS_FIELD + "\",limit:-1}}");
    NamedList<?> f = (NamedList<?>) query(p).getResponse().get("facets");
    Set<String> out = new TreeSet<>();
    if (f != null) {
      for (NamedList<?> b : buckets(f.get("fields"))) {
        out.add(String.valueOf(b.get("val")));
      }
    }
    return out;
  }

  /** Filter queries by tag: {@code source}, {@code date}, extra field names. */
  static Map<String, String> filters(SearchRequest r) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!r.sources().isEmpty()) {
      out.put(SolrBridge.SOURCE, keywordFilter(SolrBridge.SOURCE, r.sources()));
    }
    if (!r.dates().isAll()) {
      out.put(
          SolrBridge.DATE,
          SolrBridge.DATE
              + ":["
              + SolrQueries.escape(Instant.ofEpochMilli(r.dates().fromMillis()).toString())
              + " TO "
              + SolrQueries.escape(Instant.ofEpochMilli(r.dates().toMillis()).toString())
              + "]");
    }
    r.fields().forEach((name, values) -> out.put(name, keywordFilter(name, values)));
    return out;
  }

  private static String keywordFilter(String field, Collection<String> values) {
    StringBuilder sb = new StringBuilder("(");
    for (String v : values) {
      if (sb.length() > 1) {
        sb.append(' ');
      }
      sb.append(field).append(':').append(SolrQueries.escape(SolrBridge.keywordTerm(v)));
    }
    return sb.append(')').toString();
  }

  static String sort(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> "score desc,id asc";
      case NEWEST -> "date desc,id asc";
      case OLDEST -> "date asc,id asc";
    };
  }

  // ---- highlighting ----

  private static void highlightParams(ModifiableSolrParams p, SearchRequest r) {
    if (!r.highlight()) {
      return; // no marks asked for: plain titles and ledes, as for a hit Solr did not highlight
    }
    p.set("hl", true);
    p.set("hl.method", "unified");
    p.set("hl.fl", r.snippets() > 0 ? "title,body" : "title");
    p.set("hl.weightMatches", true);
    p.set("hl.usePhraseHighlighter", true);
    p.set("hl.highlightMultiTerm", true);
    p.set("hl.offsetSource", "POSTINGS");
    p.set("hl.requireFieldMatch", true);
    p.set("hl.maxAnalyzedChars", MAX_ANALYZED_CHARS);
    p.set("hl.tag.pre", String.valueOf(PRE));
    p.set("hl.tag.post", String.valueOf(POST));
    p.set("hl.defaultSummary", true);
    p.set("hl.bs.language", "");
    p.set("hl.bs.country", "");
    p.set("f.title.hl.bs.type", "WHOLE");
    p.set("f.title.hl.snippets", 1);
    p.set("f.title.hl.fragsize", 0);
    p.set("f.body.hl.bs.type", "SENTENCE");
    p.set("f.body.hl.snippets", Math.max(1, r.snippets()));
    p.set("f.body.hl.fragsize", r.snippetLength());
    p.set("hl.fragsizeIsMinimum", false);
    p.set("hl.fragAlignRatio", "0.5");
    p.set("f.body.hl.fragsizeIsMinimum", false);
    p.set("f.body.hl.fragAlignRatio", "0.5");
  }

  private static Hit hit(Article a, float score, Map<String, List<String>> h, SearchRequest r) {
    Snippet title = Snippet.plain(a.title());
    List<String> titles = h == null ? null : h.get(SolrBridge.TITLE);
    if (titles != null && !titles.isEmpty()) {
      Marked m = Marked.of(titles.get(0));
      if (m.text().equals(a.title())) {
        title = SolrBridge.whole(a.title(), m.spans());
      }
    }
    List<Snippet> snippets = new ArrayList<>();
    List<String> passages = h == null ? null : h.get(SolrBridge.BODY);
    if (r.snippets() > 0 && !a.body().isBlank()) {
      if (passages != null) {
        int from = 0;
        for (String passage : passages) {
          Marked m = Marked.of(passage);
          int at = a.body().indexOf(m.text(), from);
          if (at < 0) {
            at = a.body().indexOf(m.text());
          }
          if (at < 0 || m.text().isEmpty()) {
            continue;
          }
          List<int[]> matches = new ArrayList<>();
          for (int[] s : m.spans()) {
            matches.add(new int[] {s[0] + at, s[1] + at});
          }
          Snippet s =
              SolrBridge.snippet(a.body(), at, at + m.text().length(), matches, r.snippetLength());
          if (!s.text().isEmpty()) {
            snippets.add(s);
          }
          from = at + m.text().length();
        }
      }
      if (snippets.isEmpty()) {
        Snippet s = SolrBridge.snippet(a.body(), 0, a.body().length(), List.of(), r.snippetLength());
        if (!s.text().isEmpty()) {
          snippets.add(s);
        }
      }
    }
    // Solr returns passages in text order; the local searcher orders them best first.
    return new Hit(
        a.id(),
        a.title(),
        a.titleDerived(),
        a.source(),
        a.date(),
        a.url(),
        score,
        title,
        snippets.size() > r.snippets() ? snippets.subList(0, r.snippets()) : snippets,
        a.fields());
  }

  /** A highlighted string split into its text and the spans between the marks. */
  private record Marked(String text, List<int[]> spans) {
    static Marked of(String marked) {
      StringBuilder text = new StringBuilder(marked.length());
      List<int[]> spans = new ArrayList<>();
      int open = -1;
      for (int i = 0; i < marked.length(); i++) {
        char c = marked.charAt(i);
        if (c == PRE) {
          open = text.length();
        } else if (c == POST) {
          if (open >= 0 && text.length() > open) {
            spans.add(new int[] {open, text.length()});
          }
          open = -1;
        } else {
          text.append(c);
        }
      }
      return new Marked(text.toString(), spans);
    }
  }

  // ---- documents ----

  static Article article(SolrDocument d) {
    Map<String, List<String>> extra = new LinkedHashMap<>();
    String source = "";
    for (String name : d.getFieldNames()) {
      if (!name.startsWith(SolrConfigset.VALUE_PREFIX)) {
        continue;
      }
      String field = name.substring(SolrConfigset.VALUE_PREFIX.length());
      List<String> values = new ArrayList<>();
      for (Object v : d.getFieldValues(name)) {
        values.add(String.valueOf(v));
      }
      if (field.equals(SolrBridge.SOURCE)) {
        source = values.isEmpty() ? "" : values.get(0);
      } else {
        extra.put(field, values);
      }
    }
    Object date = d.getFieldValue(SolrBridge.DATE);
    return new Article(
        String.valueOf(d.getFieldValue(SolrBridge.ID)),
        string(d.getFieldValue(SolrBridge.TITLE)),
        Boolean.TRUE.equals(d.getFieldValue(SolrBridge.TITLE_DERIVED)),
        string(d.getFieldValue(SolrBridge.BODY)),
        date instanceof Date dt ? dt.toInstant() : null,
        source,
        (String) d.getFieldValue(SolrBridge.URL),
        extra);
  }

  private static String string(Object o) {
    return o == null ? "" : o.toString();
  }

  // ---- facets ----

  @SuppressWarnings("unchecked")
  static List<NamedList<?>> buckets(Object facet) {
    if (!(facet instanceof NamedList<?> nl) || !(nl.get("buckets") instanceof List<?> list)) {
      return List.of();
    }
    return (List<NamedList<?>>) list;
  }

  static long count(Object facet) {
    if (facet instanceof NamedList<?> nl && nl.get("count") instanceof Number n) {
      return n.longValue();
    }
    return facet instanceof Number n ? n.longValue() : 0;
  }

  private static Instant instant(Object o) {
    return o instanceof Date d ? d.toInstant() : null;
  }

  /** The JSON facets of one search, and the reading of their results. */
  private static final class FacetPlan {
    private final SearchRequest request;
    private final List<String> terms = new ArrayList<>();
    private final List<String> dates = new ArrayList<>();
    private final Set<String> tags;

    FacetPlan(SearchRequest request, Set<String> extras, Set<String> tags) {
      this.request = request;
      this.tags = tags;
      for (String d : new LinkedHashSet<>(request.facets().dimensions())) {
        if (SolrBridge.isDateDimension(d)) {
          dates.add(d);
        } else if (d.equals(SolrBridge.SOURCE) || extras.contains(d)) {
          terms.add(d);
        } else {
          throw new IllegalArgumentException(
              "cannot count facet '"
                  + d
                  + "': facets are source, year, month, week, day or one of the keyword fields "
                  + extras);
        }
      }
      DateRange range = request.facets().histogram();
      if (range.from() != null && range.to() != null) {
        for (String d : dates) {
          SolrBridge.requireBuckets(d, range.from(), range.to());
        }
      }
    }

    boolean isEmpty() {
      return terms.isEmpty() && dates.isEmpty();
    }

    private String domain(String tag) {
      return tags.contains(tag) ? ",domain:{excludeTags:\"" + tag + "\"}" : "";
    }

    String json() {
      StringBuilder sb = new StringBuilder("{");
      for (String t : terms) {
        sb.append("\"t_")
            .append(t)
            .append("\":{type:terms,field:\"")
            .append(SolrConfigset.VALUE_PREFIX)
            .append(t)
            .append("\",limit:-1,missing:true,sort:\"index asc\"")
            .append(domain(t))
            .append("},");
      }
      if (!dates.isEmpty()) {
        sb.append("days:{type:terms,field:\"")
            .append(SolrConfigset.DAY_FIELD)
            .append("\",limit:-1,missing:true,sort:\"index asc\"")
            .append(domain(SolrBridge.DATE))
            .append("},");
      }
      sb.setLength(sb.length() - 1);
      return sb.append('}').toString();
    }

    Map<String, FacetResult> results(
        QueryResponse response,
        SolrNewsSearcher searcher,
        Query parsed,
        String q,
        Map<String, String> filters)
        throws IOException {
      NamedList<?> f = (NamedList<?>) response.getResponse().get("facets");
      Map<String, FacetResult> byName = new TreeMap<>();
      for (String t : terms) {
        Object facet = f == null ? null : f.get("t_" + t);
        Map<String, Long> byValue = new LinkedHashMap<>();
        for (NamedList<?> b : buckets(facet)) {
          byValue.put(String.valueOf(b.get("val")), count(b));
        }
        long missing = facet instanceof NamedList<?> nl ? count(nl.get("missing")) : 0;
        List<FacetCount> all = new ArrayList<>();
        byValue.forEach((label, n) -> all.add(new FacetCount(label, n)));
        all.sort(
            Comparator.comparingLong(FacetCount::count)
                .reversed()
                .thenComparing(FacetCount::label));
        int n = request.facets().topN();
        List<FacetCount> top = all.size() > n ? List.copyOf(all.subList(0, n)) : all;
        long otherCount = 0;
        if (top.size() < all.size()) {
          otherCount = searcher.outsideTop(q, filters, t, top);
        }
        byName.put(t, new FacetResult(t, top, all.size() - top.size(), otherCount, missing));
      }
      if (!dates.isEmpty()) {
        Object facet = f == null ? null : f.get("days");
        Map<Long, Long> days = new LinkedHashMap<>();
        for (NamedList<?> b : buckets(facet)) {
          days.put(((Number) b.get("val")).longValue(), count(b));
        }
        long undated = facet instanceof NamedList<?> nl ? count(nl.get("missing")) : 0;
        for (String d : dates) {
          byName.put(d, SolrBridge.histogram(d, days, undated, request.facets().histogram()));
        }
      }
      Map<String, FacetResult> ordered = new LinkedHashMap<>();
      for (String d : new LinkedHashSet<>(request.facets().dimensions())) {
        ordered.put(d, byName.get(d));
      }
      return ordered;
    }
  }

  /**
   * Counts the matching articles (every filter but the dimension's own) that have values in a
   * keyword field but none of the listed ones: a facet's {@code otherCount}.
   */
  long outsideTop(String q, Map<String, String> filters, String field, List<FacetCount> top)
      throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", q);
    p.set("q.op", "OR");
    p.set("rows", 0);
    filters.forEach(
        (tag, fq) -> {
          if (!tag.equals(field)) {
            p.add("fq", fq);
          }
        });
    StringBuilder fq = new StringBuilder("+" + field + ":[* TO *]");
    for (FacetCount c : top) {
      fq.append(" -").append(field).append(':').append(SolrQueries.escape(SolrBridge.keywordTerm(c.label())));
    }
    p.add("fq", fq.toString());
    return query(p).getResults().getNumFound();
  }

  // ---- cursors ----

  /** Where a page ends: the search's fingerprint, how many hits came before, Solr's mark. */
  private record CursorState(long fingerprint, long position, String mark) {
    String encode() {
      String raw = Long.toHexString(fingerprint) + ":" + position + ":" + mark;
      return CURSOR_PREFIX
          + Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static CursorState decode(SearchRequest request) {
      String c = request.cursor();
      try {
        if (!c.startsWith(CURSOR_PREFIX)) {
          throw new IllegalArgumentException("not a Solr cursor");
        }
        String raw =
            new String(
                Base64.getUrlDecoder().decode(c.substring(CURSOR_PREFIX.length())),
                StandardCharsets.UTF_8);
        String[] parts = raw.split(":", 3);
        long fp = Long.parseUnsignedLong(parts[0], 16);
        if (fp != SolrBridge.fingerprint(request)) {
          throw new IllegalArgumentException(
              "cursor belongs to another search (query, filters or order differ)");
        }
        return new CursorState(fp, Long.parseLong(parts[1]), parts[2]);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "cursor is damaged or comes from another search (got: "
                + (c.length() > 40 ? c.substring(0, 40) + "…" : c)
                + ")",
            e);
      }
    }
  }

  @Override
  public String toString() {
    return "SolrNewsSearcher[" + collection + "]";
  }
}
