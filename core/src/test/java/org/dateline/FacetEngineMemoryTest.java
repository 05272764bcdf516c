package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Faceting cost must not grow with the number of hits held in memory: counting four times as
 * many matching articles by source and month allocates about the same.
 */
class FacetEngineMemoryTest {
  private static final int SMALL = 20_000;
  private static final int LARGE = 4 * SMALL;

  private static List<Article> articles(int n) {
    List<Article> list = new ArrayList<>(n);
    Instant start = Instant.parse("2015-01-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      // 25 sources and three years of days, the same for both sizes, so only the hits grow.
      list.add(
          new Article(
              "m" + i,
              "t",
              false,
              "",
              start.plusSeconds(86_400L * (i % 1095)),
              "source " + (i % 25),
              null,
              Map.of()));
    }
    return list;
  }

  /** Bytes this thread allocates counting every article by source and month, warmed up. */
  private static long allocatedCounting(FacetTestIndex index, FacetRequest request)
      throws IOException {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    // Warm up, then take the least of several runs: the JIT removes allocations as it compiles.
    for (int i = 0; i < 20; i++) {
      index.countAll(request);
    }
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      Map<String, FacetResult> r = index.countAll(request);
      best = Math.min(best, threads.getCurrentThreadAllocatedBytes() - before);
      assertEquals(25, r.get("source").counts().size());
    }
    return best;
  }

  @Test
  void countingBySourceAndMonthAllocatesNothingPerHit() throws IOException {
    Assumptions.assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
        "this JVM does not report allocated bytes per thread");
    FacetRequest request = new FacetRequest(List.of("source", "month"), 25, DateRange.ALL);
    long small;
    long large;
    try (FacetTestIndex index = FacetTestIndex.of(List.of(articles(SMALL)))) {
      small = allocatedCounting(index, request);
    }
    try (FacetTestIndex index = FacetTestIndex.of(List.of(articles(LARGE)))) {
      large = allocatedCounting(index, request);
    }
    // Keeping even one int per hit would add 4 bytes for each of the 60,000 extra hits.
    long extra = large - small;
    assertTrue(
        extra < (LARGE - SMALL),
        "counting "
            + LARGE
            + " hits allocated "
            + large
            + " bytes, "
            + SMALL
            + " hits "
            + small
            + ": "
            + extra
            + " more");
  }
}
