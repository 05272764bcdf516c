package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads search with snippets and facets while one writer indexes Reuters-21578 over and
 * over, committing every {@value #EVERY} articles, for {@code dateline.soak.seconds} (60 by
 * default). No search may fail, and every result must be consistent with one commit: its total is
 * a whole number of commits, and its facet counts add up to that same total.
 */
class ConcurrencySoakTest {
  private static final int EVERY = 500;
  private static final int THREADS = 8;
  private static final int ARTICLES = 21_578;

  @TempDir Path dir;

  @Test
  void eightThreadsSearchWithSnippetsAndFacetsWhileOneWriterCommits() throws Exception {
    assumeTrue(SharedReutersIndex.available(), "Reuters-21578 not found: skipped");
    Duration soak = Duration.ofSeconds(Long.getLong("dateline.soak.seconds", 60));
    IndexConfig config = IndexConfig.DEFAULT.withCommitEvery(EVERY, Duration.ofHours(1));
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    try (NewsIndex index = NewsIndex.open(dir, config);
        NewsSearcher searcher = NewsSearcher.open(dir)) {
      Future<Integer> writer =
          pool.submit(
              () -> {
                int passes = 0;
                long end = System.nanoTime() + soak.toNanos();
                try {
                  do {
                    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
                    try (ArticleReader r =
                        ArticleReaders.open(
                            List.of(CorpusIndexingTest.reutersArchive()), Format.AUTO, log)) {
                      index.add(r, log);
                    }
                    passes++;
                  } while (System.nanoTime() < end);
                } finally {
                  writing.set(false);
                }
                return passes;
              });
      List<Future<Long>> readers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String query = t % 2 == 0 ? "*" : "oil OR \"interest rates\"";
        readers.add(pool.submit(() -> searchUntilDone(searcher, query, writing)));
      }
      int passes = writer.get(soak.toSeconds() + 300, TimeUnit.SECONDS);
      long searches = 0;
      for (Future<Long> f : readers) {
        searches += f.get(60, TimeUnit.SECONDS);
      }
      System.out.printf("soak: %d s, %d indexing passes, %d searches%n", soak.toSeconds(), passes, searches);
      assertTrue(passes >= 1);
      assertTrue(searches >= THREADS);
      searcher.refresh();
      assertEquals(ARTICLES, searcher.search(SearchRequest.of("*")).total(), "no duplicates after re-indexing");
    } finally {
      pool.shutdownNow();
    }
  }

  private static long searchUntilDone(NewsSearcher searcher, String query, AtomicBoolean writing)
      throws IOException {
    long n = 0;
    FacetRequest facets = FacetRequest.of("source", "month");
    do {
      searcher.refresh();
      SearchResult r =
          searcher.search(SearchRequest.of(query).page(0, 10).snippets(2, 160).facets(facets));
      long total = r.total();
      if (query.equals("*")) {
        assertTrue(
            total % EVERY == 0 || total == ARTICLES,
            "a search sees whole commits only, got a total of " + total);
      }
      for (String dim : List.of("source", "month")) {
        FacetResult f = r.facets().get(dim);
        long sum = f.counts().stream().mapToLong(FacetCount::count).sum();
        assertEquals(total, sum + f.otherCount() + f.missing(), dim + " counts come from the same commit as the total");
      }
      assertEquals(Math.min(10, total), r.hits().size());
      n++;
    } while (writing.get());
    return n;
  }
}
