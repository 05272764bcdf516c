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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One searcher shared by threads while a writer adds and deletes; a refresh shows each commit. */
class SearcherConcurrencyTest {
  @TempDir Path dir;

  private static Article extra(int i) {
    return article("extra-" + i, i, "Wire");
  }

  private static Article article(String id, int i, String source) {
    return new Article(
        id,
        "Warrant number " + i,
        false,
        "A search warrant for stored communications, case " + i + ".",
        Instant.parse("2018-03-01T00:00:00Z"),
        source,
        null,
        Map.of());
  }

  private static final int READERS = 4;
  private static final int ROUNDS = 10;
  private static final int ADDED = 20;
  private static final int DELETED = 6;
  private static final int OLD = ROUNDS * DELETED;
  /** The writer's commits: an add and a delete per round. */
  private static final int FINAL = 2 * ROUNDS;
  /** The commit at which the writer waits until every reader has seen it. */
  private static final int HALFWAY = ROUNDS - 1;

  /**
   * Which of the writer's commits a result shows, from its counts: after round k's add, {@code
   * 20k} "Wire" articles and {@code 60 - 6(k-1)} "Old" ones; after its delete, {@code 60 - 6k} Old.
   * Fails when the counts are no commit's (part of one) or disagree with the total.
   */
  private static int commitShown(SearchResult r) {
    Map<String, Long> bySource = new java.util.HashMap<>();
    for (FacetCount c : r.facets().get("source").counts()) {
      bySource.put(c.label(), c.count());
    }
    long wire = bySource.getOrDefault("Wire", 0L);
    long old = bySource.getOrDefault("Old", 0L);
    String counts = "total " + r.total() + ", by source " + bySource;
    assertEquals(r.total(), wire + old, "the facets and the total come from one commit: " + counts);
    assertEquals(0, wire % ADDED, "never part of an add: " + counts);
    assertEquals(0, (OLD - old) % DELETED, "never part of a delete: " + counts);
    long adds = wire / ADDED;
    long deletes = (OLD - old) / DELETED;
    assertTrue(deletes == adds || deletes == adds - 1, "adds and deletes in order: " + counts);
    return (int) (adds + deletes);
  }

  /**
   * Four threads share one searcher, refresh it and search with facets while a writer adds
   * articles and deletes others, one commit each. Every result shows one whole commit, no reader
   * ever sees an older commit after a newer one, and every reader sees commits in the middle of
   * the run (the writer waits half-way until each has), not only the first and the last.
   */
  @Test
  void threadsSearchWhileTheIndexIsWrittenAndSeeEachCommitWholeAndInOrder() throws Exception {
    List<Article> old = new ArrayList<>();
    for (int i = 0; i < OLD; i++) {
      old.add(article("old-" + i, i, "Old"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(READERS);
    try (NewsIndex index = NewsIndex.open(dir);
        NewsSearcher searcher = openAfter(index, old)) {
      CountDownLatch started = new CountDownLatch(READERS);
      CountDownLatch sawHalfway = new CountDownLatch(READERS);
      List<Future<Set<Integer>>> readers = new ArrayList<>();
      for (int t = 0; t < READERS; t++) {
        readers.add(
            pool.submit(
                () -> {
                  started.countDown();
                  Set<Integer> seen = new TreeSet<>();
                  int last = 0;
                  boolean countedHalfway = false;
                  long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                  while (last < FINAL && System.nanoTime() < deadline) {
                    searcher.refresh(); // readers refresh too, concurrently
                    SearchResult r =
                        searcher.search(
                            SearchRequest.of("warrant")
                                .page(0, 10)
                                .snippets(1, 120)
                                .facets(FacetRequest.of("source")));
                    int commit = commitShown(r);
                    assertTrue(
                        commit >= last, "a reader saw commit " + commit + " after commit " + last);
                    last = commit;
                    seen.add(commit);
                    if (commit == HALFWAY && !countedHalfway) {
                      countedHalfway = true;
                      sawHalfway.countDown();
                    }
                  }
                  return seen;
                }));
      }
      assertTrue(started.await(30, TimeUnit.SECONDS), "the readers started");
      for (int round = 1; round <= ROUNDS; round++) {
        List<Article> batch = new ArrayList<>();
        for (int i = 0; i < ADDED; i++) {
          batch.add(extra((round - 1) * ADDED + i));
        }
        index.add(batch);
        if (2 * round - 1 == HALFWAY) {
          assertTrue(
              sawHalfway.await(60, TimeUnit.SECONDS),
              "every reader saw the half-way commit; missing " + sawHalfway.getCount());
        }
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < DELETED; i++) {
          gone.add("old-" + ((round - 1) * DELETED + i));
        }
        assertEquals(DELETED, index.delete(gone));
      }
      for (Future<Set<Integer>> f : readers) {
        Set<Integer> seen = f.get(180, TimeUnit.SECONDS);
        assertTrue(seen.contains(FINAL), "a reader saw the last commit after a refresh: " + seen);
        assertTrue(
            seen.stream().anyMatch(c -> c > 0 && c < FINAL),
            "a reader saw a commit in the middle: " + seen);
      }
      searcher.refresh();
      assertEquals(ROUNDS * ADDED, searcher.search(SearchRequest.of("warrant")).total());
      assertEquals("Warrant number 7", searcher.find("extra-7").orElseThrow().title());
      assertTrue(searcher.find("old-0").isEmpty(), "deleted");
    } finally {
      pool.shutdownNow();
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
