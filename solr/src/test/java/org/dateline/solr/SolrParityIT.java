package org.dateline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.dateline.Article;
import org.dateline.FacetRequest;
import org.dateline.Hit;
import org.dateline.IndexStats;
import org.dateline.NewsIndex;
import org.dateline.NewsSearcher;
import org.dateline.ReutersSample;
import org.dateline.SearchRequest;
import org.dateline.SearchResult;
import org.dateline.Snippet;
import org.dateline.SortOrder;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One article round-trips (upserts counted, found as it went in, keyword filters); then
 * Reuters-21578 in a local index and in a real SolrCloud collection (2 nodes in a JVM of their own,
 * 2 shards x 2 replicas), indexed by the same readers; the same 50 seeded queries must give the
 * same totals, the same top-10 ids in the same order, snippets marking the same words and phrases,
 * and the same facet counts. Then a node is stopped while queries run: they still answer, from
 * the replicas.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrParityIT {
  private static final long SEED = Long.getLong("dateline.seed", 20261127L);
  private static final Map<String, Double> SECONDS = new LinkedHashMap<>();

  @TempDir static Path tmp;
  private static ClusterProcess cluster;
  private static NewsSearcher local;
  private static SolrNewsSearcher solr;
  private static List<Article> sample;
  private static long articles;

  @BeforeAll
  static void indexBoth() throws Exception {
    Path archive = ReutersSample.archive();
    long t = System.nanoTime();
    try (NewsIndex index = NewsIndex.open(tmp.resolve("local"))) {
      ProblemLog log = new ProblemLog(ReadMode.LENIENT);
      try (ArticleReader r = ReutersSample.open(log)) {
        articles = index.add(r, log).indexed();
      }
    }
    local = NewsSearcher.open(tmp.resolve("local"));
    SECONDS.put("local index", since(t));

    t = System.nanoTime();
    cluster = ClusterProcess.start(2, tmp.resolve("cluster.log"));
    SECONDS.put("cluster start (2 nodes)", since(t));
    t = System.nanoTime();
    SolrCollection collection = SolrCollection.connect(cluster.urls(), "reuters");
    SolrCollections.create(collection, 2, 2);
    SECONDS.put("create collection (2 shards x 2 replicas)", since(t));
    t = System.nanoTime();
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    IndexStats stats;
    try (ArticleReader r = ReutersSample.open(log)) {
      stats = SolrNewsIndexer.on(collection).add(r, log);
    }
    SECONDS.put("index Reuters into Solr", since(t));
    assertEquals(articles, stats.indexed(), "Solr indexed as many articles as the local index");
    solr = SolrNewsSearcher.open(collection);
    sample = new ArrayList<>();
    try (ArticleReader r = ReutersSample.open(new ProblemLog(ReadMode.LENIENT))) {
      Optional<Article> a;
      while (sample.size() < 3000 && (a = r.next()).isPresent()) {
        sample.add(a.get());
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (solr != null) {
      solr.close();
    }
    if (local != null) {
      local.close();
    }
    if (cluster != null) {
      long t = System.nanoTime();
      cluster.close();
      SECONDS.put("cluster shutdown", since(t));
    }
    StringBuilder report = new StringBuilder("SolrParityIT timings (seconds, this machine, under load):\n");
    SECONDS.forEach((k, v) -> report.append(String.format(java.util.Locale.ROOT, "  %-45s %7.1f%n", k, v)));
    System.out.print(report);
    Files.writeString(Path.of("target/solr-parity-timings.txt"), report);
  }

  private static double since(long t) {
    return (System.nanoTime() - t) / 1e9;
  }

  @Test
  @Order(0)
  void oneArticleRoundTripsWithUpsertsAndKeywordFilters() throws IOException {
    long t = System.nanoTime();
    try (SolrCollection c = SolrCollection.connect(cluster.urls(), "roundtrip")) {
      SolrCollections.create(c, 1, 1);
      Article a =
          new Article(
              "a-1",
              "Court rules on <b>Stored Communications Act</b>",
              false,
              "The Stored Communications Act governs warrants. Microsoft's emails were in Dublin.",
              java.time.Instant.parse("2016-07-14T10:00:00Z"),
              "RTÉ News",
              "https://example.org/a-1",
              Map.of("topics", List.of("Law", "Privacy")));
      ProblemLog log = new ProblemLog(ReadMode.LENIENT);
      IndexStats first = SolrNewsIndexer.on(c).add(reader(a), log);
      assertEquals(1, first.added());
      IndexStats again = SolrNewsIndexer.on(c).add(reader(a, a), log);
      assertEquals(0, again.added(), "the same id again is a replacement, not a second article");
      assertEquals(2, again.replaced());
      try (SolrNewsSearcher s =
          SolrNewsSearcher.open(SolrCollection.connect(cluster.urls(), "roundtrip"))) {
        assertEquals(a, s.find("a-1").orElseThrow(), "the article comes back as it went in");
        assertEquals(Optional.empty(), s.find("a-2"));
        SearchResult r =
            s.search(SearchRequest.of("\"stored communications act\"").withSources("rte news"));
        assertEquals(1, r.total());
        assertEquals(
            List.of("Stored Communications Act"), r.hits().get(0).snippets().get(0).matchedTexts());
        assertEquals(
            List.of("Stored Communications Act"), r.hits().get(0).titleHighlight().matchedTexts());
        assertEquals(0, s.search(SearchRequest.of("microsoft").withSources("bbc")).total());
        assertEquals(1, s.search(SearchRequest.of("topics:privacy microsoft")).total());
        assertEquals(1, s.summary().articles());
        assertEquals(List.of("topics"), s.summary().extraFields());
      }
    }
    SECONDS.put("round trip (1 shard, upserts, find)", since(t));
  }

  static ArticleReader reader(Article... articles) {
    var it = List.of(articles).iterator();
    return new ArticleReader() {
      @Override
      public Optional<Article> next() {
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
      }

      @Override
      public void close() {}
    };
  }

  @Test
  @Order(1)
  void fiftySeededQueriesAnswerAlikeLocallyAndOnSolr() throws IOException {
    long t = System.nanoTime();
    List<String> queries = queries(new Random(SEED), 50);
    int snippetsCompared = 0;
    int sameMarks = 0;
    int hitsCompared = 0;
    for (String q : queries) {
      SearchRequest request =
          SearchRequest.of(q).facets(FacetRequest.of("source", "topics", "places", "month", "day"));
      SearchResult l = local.search(request);
      SearchResult s = solr.search(request);
      String where = "query " + q + " (seed " + SEED + ")";
      assertEquals(l.total(), s.total(), "total of " + where);
      assertEquals(ids(l), ids(s), "top-10 ids of " + where);
      for (int i = 0; i < l.hits().size(); i++) {
        Hit lh = l.hits().get(i);
        Hit sh = s.hits().get(i);
        assertEquals(lh.score(), sh.score(), Math.abs(lh.score()) * 1e-5, "score of " + lh.id() + " in " + where);
        assertEquals(
            lh.titleHighlight().matchedTexts(),
            sh.titleHighlight().matchedTexts(),
            "title highlight of " + lh.id() + " in " + where);
        // Solr's highlighter picks its own passages (its sentence breaks differ from Lucene
        // 10's), so a passage may be left out; what it marks must be what Dateline marks, and a
        // phrase marked as one span locally is one span on Solr too.
        TreeSet<String> lm = marked(lh.snippets());
        TreeSet<String> sm = marked(sh.snippets());
        assertTrue(lm.containsAll(sm), "snippet marks of " + lh.id() + " in " + where + ": " + lm + " vs " + sm);
        assertEquals(lm.isEmpty(), sm.isEmpty(), "snippet marks of " + lh.id() + " in " + where);
        assertEquals(
            lm.stream().anyMatch(m -> m.contains(" ")),
            sm.stream().anyMatch(m -> m.contains(" ")),
            "phrase spans of " + lh.id() + " in " + where + ": " + lm + " vs " + sm);
        snippetsCompared += lh.snippets().size();
        sameMarks += lm.equals(sm) ? 1 : 0;
        hitsCompared++;
      }
      assertEquals(l.facets(), s.facets(), "facets of " + where);
    }
    assertTrue(snippetsCompared > 100, "enough snippets compared: " + snippetsCompared);
    System.out.printf(
        "SolrParityIT: %d hits compared, %d with exactly the same snippet marks%n",
        hitsCompared, sameMarks);
    SECONDS.put("50 queries, local and Solr", since(t));
  }

  @Test
  @Order(2)
  void filtersSortsCursorsAndDrillSidewaysAnswerAlike() throws IOException {
    long t = System.nanoTime();
    SearchRequest request =
        SearchRequest.of("oil OR gold")
            .withField("places", "usa")
            .withDates(org.dateline.DateRange.ofLabel("1987-03"))
            .facets(FacetRequest.of("places", "topics", "day"));
    for (SortOrder order : SortOrder.values()) {
      SearchRequest r = request.sortBy(order).page(0, 25);
      SearchResult l = local.search(r);
      SearchResult s = solr.search(r);
      assertEquals(l.total(), s.total(), order.toString());
      assertEquals(ids(l), ids(s), order.toString());
      assertEquals(l.facets(), s.facets(), order.toString());
      // three more pages through each side's own cursors
      for (int page = 0; page < 3 && l.hasMore(); page++) {
        l = local.search(r.after(l.nextCursor()));
        s = solr.search(r.after(s.nextCursor()));
        assertEquals(ids(l), ids(s), order + " page " + (page + 2));
      }
    }
    SECONDS.put("filters, sorts, cursors, drill-sideways", since(t));
  }

  @Test
  @Order(3)
  void aNodeStoppedMidQueryStillAnswersFromReplicas() throws Exception {
    long t = System.nanoTime();
    List<String> queries = queries(new Random(SEED + 1), 20);
    Map<String, Long> totals = new LinkedHashMap<>();
    for (String q : queries) {
      totals.put(q, local.search(SearchRequest.of(q)).total());
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicInteger answered = new AtomicInteger();
    Thread searching =
        new Thread(
            () -> {
              try {
                for (int round = 0; round < 4; round++) {
                  for (String q : queries) {
                    assertEquals(totals.get(q), solr.search(SearchRequest.of(q)).total(), q);
                    answered.incrementAndGet();
                  }
                }
              } catch (Throwable e) {
                failure.set(e);
              }
            });
    searching.start();
    while (answered.get() < 5 && searching.isAlive()) {
      Thread.sleep(10);
    }
    cluster.stopNode(1);
    searching.join(300_000);
    if (failure.get() != null) {
      throw new AssertionError("a search failed after node 1 stopped", failure.get());
    }
    assertEquals(80, answered.get());
    for (String q : queries) {
      assertEquals(totals.get(q), solr.search(SearchRequest.of(q)).total(), "after the stop: " + q);
    }
    SECONDS.put("node stopped mid-query, 100 searches", since(t));
  }

  // ---- helpers ----

  private static List<String> ids(SearchResult r) {
    List<String> out = new ArrayList<>();
    for (Hit h : r.hits()) {
      out.add(h.id());
    }
    return out.size() > 10 ? out.subList(0, 10) : out;
  }

  /** The marked words and phrases of a hit's snippets, as a sorted set (Solr lists passages in text order). */
  private static TreeSet<String> marked(List<Snippet> snippets) {
    TreeSet<String> out = new TreeSet<>();
    for (Snippet s : snippets) {
      out.addAll(s.matchedTexts());
    }
    return out;
  }

  /** Words, AND, OR, phrases, sloppy phrases, date ranges and fielded terms drawn from Reuters. */
  private List<String> queries(Random random, int n) {
    List<String> words = new ArrayList<>();
    List<String> pairs = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    List<String> places = new ArrayList<>();
    for (Article a : sample) {
      String[] w = a.body().split("[^A-Za-z]+");
      for (int i = 0; i + 1 < w.length; i++) {
        if (w[i].length() >= 4 && w[i + 1].length() >= 4) {
          words.add(w[i].toLowerCase(java.util.Locale.ROOT));
          if (random.nextInt(20) == 0) {
            pairs.add(w[i] + " " + w[i + 1]);
          }
        }
      }
      topics.addAll(a.fields().getOrDefault("topics", List.of()));
      places.addAll(a.fields().getOrDefault("places", List.of()));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String w1 = pick(random, words);
      String w2 = pick(random, words);
      String pair = pick(random, pairs);
      out.add(
          switch (i % 8) {
            case 0 -> w1;
            case 1 -> w1 + " AND " + w2;
            case 2 -> w1 + " OR " + w2;
            case 3 -> "\"" + pair + "\"";
            case 4 -> "\"" + pair + "\"~3";
            case 5 -> w1 + " date:[1987-03-0" + (1 + random.nextInt(5)) + " TO 1987-03-2" + random.nextInt(10) + "]";
            case 6 -> "topics:" + pick(random, topics) + " " + w1;
            default -> random.nextBoolean() ? "title:" + w1 : "places:" + pick(random, places) + " OR " + w2;
          });
    }
    return out;
  }

  private static String pick(Random random, List<String> list) {
    return list.get(random.nextInt(list.size()));
  }
}
