package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Source and date facets counted from the per-segment {@link SourceDayColumn} and the index's
 * {@link GlobalOrdinals} (from a segment's second count on) agree with a plain recount of the
 * articles, on Reuters text spread over several segments, after updates and deletes, with articles
 * that have no source or no date, on one thread and on slices counted in parallel.
 */
class FacetColumnsReutersTest {
  private static final long SEED = 20261127L;
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final FacetRequest FACETS =
      new FacetRequest(List.of("source", "month", "day"), 10_000, DateRange.ALL);

  @Test
  void columnCountsAgreeWithARecountAfterUpdatesAndDeletes() throws IOException {
    Assumptions.assumeTrue(
        RawReuters.available(), "Reuters-21578 not found at " + RawReuters.TARBALL + "; skipped");
    Random random = new Random(SEED);
    List<Article> read = ReutersFixtures.firstVaried(4_000, random);
    Map<String, Article> live = new LinkedHashMap<>();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    // the index owns the directory: it stays open while the reader reads
    try (NewsIndex index = NewsIndex.open(null, dir, IndexConfig.DEFAULT.withThreads(1))) {
      for (int from = 0; from < read.size(); from += 1_000) {
        List<Article> batch = read.subList(from, Math.min(read.size(), from + 1_000));
        index.add(batch); // one segment per batch
        batch.forEach(a -> live.put(a.id(), a));
      }
      List<String> ids = new ArrayList<>(live.keySet());
      List<Article> updates = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        Article a = live.get(ids.get(random.nextInt(ids.size())));
        updates.add(ReutersFixtures.vary(a, random));
      }
      index.add(updates);
      updates.forEach(a -> live.put(a.id(), a));
      Set<String> deleted = new HashSet<>();
      for (int i = 0; i < 200; i++) {
        deleted.add(ids.get(random.nextInt(ids.size())));
      }
      index.delete(deleted);
      deleted.forEach(live::remove);
      countAndCompare(dir, live, pool);
    } finally {
      pool.shutdown();
    }
  }

  private static void countAndCompare(
      ByteBuffersDirectory dir, Map<String, Article> live, ExecutorService pool)
      throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      assertTrue(reader.leaves().size() >= 4, "segments: " + reader.leaves().size());
      assertTrue(reader.hasDeletions());
      IndexSearcher plain = new IndexSearcher(reader);
      IndexSearcher parallel = ReutersFixtures.slicePerSegment(reader, pool);
      List<Query> queries =
          List.of(
              new TermQuery(new Term(Fields.BODY, "oil")),
              new TermQuery(new Term(Fields.BODY, "said")),
              MatchAllDocsQuery.INSTANCE);
      Query courier = FacetTestIndex.keyword(Fields.SOURCE, "Courier");
      for (Query q : queries) {
        // the first count reads doc values, the next ones the columns and global ordinals
        for (int round = 0; round < 3; round++) {
          for (IndexSearcher searcher : List.of(plain, parallel)) {
            Set<String> matching = matching(plain, q);
            assertSame(
                expected(live, matching, matching),
                FacetEngine.count(searcher, q, Map.of(), FACETS),
                q + ", round " + round);
            // drill sideways: the source ignores its own filter, the dates apply it
            Set<String> fromCourier =
                matching(plain, FacetEngine.filtered(q, Map.of(Fields.SOURCE, courier), ""));
            assertSame(
                expected(live, matching, fromCourier),
                FacetEngine.count(searcher, q, Map.of(Fields.SOURCE, courier), FACETS),
                q + " from Courier, round " + round);
          }
        }
      }
      for (LeafReaderContext leaf : reader.leaves()) {
        assertNotNull(SourceDayColumn.of(leaf.reader()), "a column for every segment");
      }
      assertNotNull(GlobalOrdinals.of(reader.leaves().get(0), Fields.SOURCE));
    }
  }

  /**
   * Compares dimension by dimension, date buckets by their non-zero counts (thousands of empty
   * days would drown a failure's message).
   */
  private static void assertSame(
      Map<String, FacetResult> expected, Map<String, FacetResult> actual, String what) {
    assertEquals(expected.keySet(), actual.keySet(), what);
    for (String dimension : expected.keySet()) {
      FacetResult e = expected.get(dimension);
      FacetResult a = actual.get(dimension);
      if (dimension.equals("source")) {
        assertEquals(e, a, what);
        continue;
      }
      assertEquals(nonZero(e), nonZero(a), what + ", " + dimension);
      assertEquals(e.missing(), a.missing(), what + ", undated");
      assertEquals(e.counts().size(), a.counts().size(), what + ", " + dimension + " buckets");
      assertEquals(e, a, what + ", " + dimension);
    }
  }

  private static Map<String, Long> nonZero(FacetResult r) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (FacetCount c : r.counts()) {
      if (c.count() != 0) {
        m.put(c.label(), c.count());
      }
    }
    return m;
  }

  /** The ids a query finds, read from the stored id of every hit. */
  private static Set<String> matching(IndexSearcher searcher, Query q) throws IOException {
    Set<String> ids = new HashSet<>();
    StoredFields stored = searcher.storedFields();
    int n = Math.max(1, searcher.getIndexReader().maxDoc());
    for (ScoreDoc d : searcher.search(q, n).scoreDocs) {
      ids.add(stored.document(d.doc).get(Fields.ID));
    }
    return ids;
  }

  /**
   * The facets recounted from the articles themselves: sources over {@code forSource}, months and
   * days over {@code forDates}, in the form {@link FacetEngine} returns them.
   */
  private static Map<String, FacetResult> expected(
      Map<String, Article> live, Set<String> forSource, Set<String> forDates) {
    Map<String, Long> sources = new HashMap<>();
    long noSource = 0;
    for (String id : forSource) {
      Article a = live.get(id);
      if (a.source() == null || a.source().isEmpty()) {
        noSource++;
      } else {
        sources.merge(a.source(), 1L, Long::sum);
      }
    }
    List<FacetCount> sourceCounts = new ArrayList<>();
    sources.forEach((s, n) -> sourceCounts.add(new FacetCount(s, n)));
    sourceCounts.sort(
        java.util.Comparator.comparingLong(FacetCount::count)
            .reversed()
            .thenComparing(FacetCount::label));
    Map<String, FacetResult> facets = new LinkedHashMap<>();
    facets.put("source", new FacetResult("source", sourceCounts, 0, 0, noSource));
    facets.put("month", dates(live, forDates, "month", MONTH, DateHistogram.MONTH));
    facets.put("day", dates(live, forDates, "day", DAY, DateHistogram.DAY));
    return facets;
  }

  /** Every bucket from the first dated match's to the last's, empty ones as 0. */
  private static FacetResult dates(
      Map<String, Article> live,
      Set<String> ids,
      String name,
      DateTimeFormatter format,
      DateHistogram histogram) {
    TreeMap<Instant, Long> byDate = new TreeMap<>();
    long undated = 0;
    for (String id : ids) {
      Instant date = live.get(id).date();
      if (date == null) {
        undated++;
      } else {
        byDate.merge(date, 1L, Long::sum);
      }
    }
    if (byDate.isEmpty()) {
      return new FacetResult(name, List.of(), 0, 0, undated);
    }
    Map<String, Long> byBucket = new LinkedHashMap<>();
    Instant last = byDate.lastKey();
    for (Instant d = byDate.firstKey(); !d.isAfter(last.plus(Duration.ofDays(1))); ) {
      byBucket.put(format.format(d), 0L);
      d = histogram == DateHistogram.DAY ? d.plus(Duration.ofDays(1)) : d.plus(Duration.ofDays(28));
    }
    byDate.forEach((d, n) -> byBucket.merge(format.format(d), n, Long::sum));
    // the walk above may step one bucket past the last date's: drop buckets after it
    String lastBucket = format.format(last);
    List<FacetCount> counts = new ArrayList<>();
    byBucket.forEach(
        (label, n) -> {
          if (label.compareTo(lastBucket) <= 0) {
            counts.add(new FacetCount(label, n));
          }
        });
    return new FacetResult(name, counts, 0, 0, undated);
  }
}
