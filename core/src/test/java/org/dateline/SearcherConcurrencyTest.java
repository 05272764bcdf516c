package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One searcher shared by threads while a writer commits; a refresh shows the new articles. */
class SearcherConcurrencyTest {
  @TempDir Path dir;

  private static Article extra(int i) {
    return new Article(
        "extra-" + i,
        "Warrant number " + i,
        false,
        "A search warrant for stored communications, case " + i + ".",
        Instant.parse("2018-03-01T00:00:00Z"),
        "Wire",
        null,
        Map.of());
  }

  @Test
  void threadsSearchWhileTheIndexIsWrittenAndRefreshShowsNewCommits() throws Exception {
    List<Article> sample = SearchTestSupport.sampleArticles();
    int batches = 10;
    int perBatch = 20;
    try (NewsIndex index = NewsIndex.open(dir);
        NewsSearcher searcher = openAfter(index, sample)) {
      AtomicBoolean writing = new AtomicBoolean(true);
      ConcurrentLinkedQueue<Long> totals = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      CountDownLatch started = new CountDownLatch(4);
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        readers.add(
            pool.submit(
                () -> {
                  started.countDown();
                  int searches = 0;
                  do {
                    SearchResult r =
                        searcher.search(SearchRequest.of("\"search warrant\"").page(0, 50));
                    assertEquals(Math.min(r.total(), 50), r.hits().size());
                    totals.add(r.total());
                    searcher.refresh(); // readers may refresh too, concurrently
                    searches++;
                  } while (writing.get() || searches < 5);
                  return searches;
                }));
      }
      started.await(10, TimeUnit.SECONDS);
      for (int b = 0; b < batches; b++) {
        List<Article> batch = new ArrayList<>();
        for (int i = 0; i < perBatch; i++) {
          batch.add(extra(b * perBatch + i));
        }
        index.add(batch);
      }
      writing.set(false);
      for (Future<Integer> f : readers) {
        assertTrue(f.get(60, TimeUnit.SECONDS) >= 5);
      }
      pool.shutdown();
      long all = sample.size() + (long) batches * perBatch;
      for (long total : totals) {
        assertTrue(total >= 5 && total <= all, "a search sees one whole commit: " + total);
        assertEquals(0, (total - 5) % perBatch, "never part of a commit: " + total);
      }
      searcher.refresh();
      assertEquals(all, searcher.search(SearchRequest.of("\"search warrant\"")).total());
      assertEquals("Warrant number 7", searcher.find("extra-7").orElseThrow().title());
    }
  }

  @Test
  void searcherSeesTheCommitItOpenedOnUntilRefreshed() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir);
        NewsSearcher searcher = openAfter(index, SearchTestSupport.sampleArticles())) {
      index.add(List.of(extra(1)));
      assertEquals(5, searcher.search(SearchRequest.of("")).total(), "not refreshed yet");
      searcher.refresh();
      assertEquals(6, searcher.search(SearchRequest.of("")).total());
      index.delete(List.of("extra-1"));
      searcher.refresh();
      assertEquals(5, searcher.search(SearchRequest.of("")).total());
    }
  }

  @Test
  void openingWhereThereIsNoIndexSaysSo() throws IOException {
    IndexUnavailableException none =
        assertThrows(
            IndexUnavailableException.class, () -> NewsSearcher.open(dir.resolve("nothing")));
    assertEquals(IndexUnavailableException.Reason.MISSING, none.reason());
    Files.createDirectories(dir.resolve("empty"));
    IndexUnavailableException empty =
        assertThrows(
            IndexUnavailableException.class, () -> NewsSearcher.open(dir.resolve("empty")));
    assertEquals(IndexUnavailableException.Reason.MISSING, empty.reason());
    assertTrue(empty.getMessage().contains("no index at"), empty.getMessage());
  }

  @Test
  void openingADamagedIndexSaysItIsCorrupt() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(SearchTestSupport.sampleArticles());
    }
    try (var files = Files.list(dir)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      }
    }
    IndexUnavailableException e =
        assertThrows(IndexUnavailableException.class, () -> NewsSearcher.open(dir));
    assertEquals(IndexUnavailableException.Reason.CORRUPT, e.reason(), e.getMessage());
  }

  private NewsSearcher openAfter(NewsIndex index, List<Article> articles) throws IOException {
    index.add(articles);
    return NewsSearcher.open(dir);
  }
}
