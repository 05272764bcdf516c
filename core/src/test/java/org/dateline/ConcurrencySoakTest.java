package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
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
 * Eight threads search with snippets and facets while one writer changes what they see, for at
 * least {@code dateline.soak.seconds} ({@value #DEFAULT_SECONDS} by default) and two passes.
 *
 * <p>Pass p indexes three quarters of Reuters-21578 (a different three quarters each pass), each
 * article tagged {@code pass:p}, committing every {@value #EVERY} articles, then deletes the
 * articles of pass p-1 it did not rewrite, in one more commit. So totals grow and shrink, and every
 * commit's counts are known in advance. Every result must be exactly one of those commits (its
 * total, its facet counts by pass and by month, all from the same one), and no reader may ever see
 * an older commit after a newer one. The writer waits, once while adding and once after a delete,
 * until every reader has seen that commit, so each reader sees the index change under it.
 */
class ConcurrencySoakTest {
  private static final int EVERY = 500;
  private static final int THREADS = 8;
  private static final long DEFAULT_SECONDS = 30;
  private static final String PASS = "pass";

  @TempDir Path dir;

  /** Reuters ids in reading order. */
  private static List<String> order;

  /** Whether pass p indexes an article: three quarters of them, shifted by the pass. */
  private static boolean kept(int pass, int position) {
    return (position + pass) % 4 != 0;
  }

  /** The ids pass p indexes, in order. */
  private static List<String> indexedBy(int pass) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      if (kept(pass, i)) {
        ids.add(order.get(i));
      }
    }
    return ids;
  }

  /**
   * For pass p: how many of pass p-1's articles the first c of pass p rewrote, for every c. Pass 0
   * indexed nothing.
   */
  private static int[] rewritten(int pass) {
    Set<String> before = pass == 1 ? Set.of() : new HashSet<>(indexedBy(pass - 1));
    List<String> now = indexedBy(pass);
    int[] r = new int[now.size() + 1];
    for (int c = 0; c < now.size(); c++) {
      r[c + 1] = r[c] + (before.contains(now.get(c)) ? 1 : 0);
    }
    return r;
  }

  /**
   * A commit of the writer: pass p, c articles of it written, and whether pass p-1's leftovers are
   * deleted. Ordered as the writer makes them.
   */
  record Commit(int pass, int written, boolean deleted) implements Comparable<Commit> {
    @Override
    public int compareTo(Commit o) {
      return java.util.Comparator.comparingInt(Commit::pass)
          .thenComparingInt(Commit::written)
          .thenComparing(Commit::deleted)
          .compare(this, o);
    }
  }

  /** Known per pass: how many articles it indexes and what it rewrote (cached; pass mod 4). */
  private static final Map<Integer, int[]> REWRITTEN = new java.util.concurrent.ConcurrentHashMap<>();

  private static final Map<Integer, Integer> SIZE = new java.util.concurrent.ConcurrentHashMap<>();

  private static int size(int pass) {
    return pass == 0 ? 0 : SIZE.computeIfAbsent(pass, p -> indexedBy(p).size());
  }

  /**
   * Which commit a result shows; fails when its counts are no commit's, or its facets and total
   * come from different commits.
   */
  static Commit commitShown(SearchResult r) {
    Map<Integer, Long> byPass = new HashMap<>();
    FacetResult passes = r.facets().get(PASS);
    for (FacetCount c : passes.counts()) {
      byPass.put(Integer.parseInt(c.label()), c.count());
    }
    String counts = "total " + r.total() + ", by pass " + byPass;
    assertEquals(0, passes.otherValues(), counts);
    if (byPass.isEmpty()) {
      assertEquals(0, r.total(), counts);
      return new Commit(0, 0, true);
    }
    int p = byPass.keySet().stream().max(Integer::compare).orElseThrow();
    assertTrue(byPass.size() == 1 || byPass.size() == 2 && byPass.containsKey(p - 1), counts);
    int c = byPass.get(p).intValue();
    long leftover = byPass.getOrDefault(p - 1, 0L);
    assertEquals(r.total(), c + leftover, "the facets and the total are of one commit: " + counts);
    int size = size(p);
    assertTrue(c % EVERY == 0 || c == size, "whole commits only: " + counts);
    // what pass p-1 left depends on p mod 4, except after pass 0, which left nothing
    long expected =
        size(p - 1) - REWRITTEN.computeIfAbsent(p == 1 ? -1 : p % 4, q -> rewritten(p))[c];
    boolean deleted = leftover == 0 && expected != 0;
    assertTrue(
        leftover == expected || c == size && deleted,
        "pass " + (p - 1) + " should have " + expected + " left: " + counts);
    FacetResult month = r.facets().get("month");
    long months =
        month.counts().stream().mapToLong(FacetCount::count).sum()
            + month.otherCount()
            + month.missing();
    assertEquals(r.total(), months, "the month counts are of the same commit: " + counts);
    return new Commit(p, c, deleted || expected == 0 && c == size);
  }

  @Test
  void eightThreadsSearchWithSnippetsAndFacetsWhileOneWriterAddsRewritesAndDeletes()
      throws Exception {
    assumeTrue(SharedReutersIndex.available(), "Reuters-21578 not found: skipped");
    order = SharedReutersIndex.readingOrder();
    Duration soak = Duration.ofSeconds(Long.getLong("dateline.soak.seconds", DEFAULT_SECONDS));
    IndexConfig config = IndexConfig.DEFAULT.withCommitEvery(EVERY, Duration.ofHours(1));
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch firstCommit = new CountDownLatch(1);
    CountDownLatch sawAdding = new CountDownLatch(THREADS);
    CountDownLatch sawDelete = new CountDownLatch(THREADS);
    Commit adding = new Commit(1, 2 * EVERY, false);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    long start = System.nanoTime();
    try (NewsIndex index = NewsIndex.open(dir, config);
        NewsSearcher searcher = NewsSearcher.open(dir)) {
      Future<Integer> writer =
          pool.submit(
              () -> {
                int pass = 0;
                long end = System.nanoTime() + soak.toNanos();
                try {
                  do {
                    pass++;
                    write(index, pass, pass == 1 ? firstCommit : null, pass == 1 ? sawAdding : null);
                    if (pass > 1) {
                      index.delete(leftovers(pass));
                    }
                    if (pass == 2) {
                      assertTrue(
                          sawDelete.await(120, TimeUnit.SECONDS),
                          "every reader saw the delete of pass 1's leftovers; missing "
                              + sawDelete.getCount());
                    }
                  } while (pass < 2 || System.nanoTime() < end);
                } finally {
                  writing.set(false);
                }
                return pass;
              });
      // Until the first commit the index has no pass field to count by.
      assertTrue(firstCommit.await(300, TimeUnit.SECONDS), "the writer's first commit");
      List<Future<Reader>> readers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String query = t % 2 == 0 ? "*" : "-zzzzqqq";
        readers.add(
            pool.submit(
                () -> read(searcher, query, writing, adding, sawAdding, sawDelete)));
      }
      int passes;
      try {
        passes = writer.get(soak.toSeconds() + 600, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        // A reader that failed first is why the writer waited in vain: report the reader.
        for (Future<Reader> f : readers) {
          if (f.isDone()) {
            try {
              f.get();
            } catch (java.util.concurrent.ExecutionException readerFailure) {
              readerFailure.addSuppressed(e);
              throw readerFailure;
            }
          }
        }
        throw e;
      }
      Commit last = new Commit(passes, size(passes), true);
      long searches = 0;
      for (Future<Reader> f : readers) {
        Reader r = f.get(120, TimeUnit.SECONDS);
        searches += r.searches;
        assertTrue(
            r.seen.stream().anyMatch(c -> c.pass() > 0 && c.compareTo(last) < 0),
            "a reader saw a commit in the middle: " + r.seen.size() + " commits");
      }
      System.out.printf(
          "soak: %d s, %d passes, %d searches%n",
          (System.nanoTime() - start) / 1_000_000_000, passes, searches);
      searcher.refresh();
      SearchResult all =
          searcher.search(SearchRequest.of("*").facets(FacetRequest.of(PASS, "month")));
      assertEquals(last, commitShown(all));
      assertEquals(size(passes), all.total(), "no duplicates after rewriting");
    } finally {
      pool.shutdownNow();
    }
  }

  /** What one reader saw. */
  record Reader(long searches, Set<Commit> seen) {}

  private static Reader read(
      NewsSearcher searcher,
      String query,
      AtomicBoolean writing,
      Commit adding,
      CountDownLatch sawAdding,
      CountDownLatch sawDelete)
      throws IOException {
    long n = 0;
    Set<Commit> seen = new java.util.TreeSet<>();
    Commit previous = new Commit(0, 0, false);
    boolean countedAdding = false;
    boolean countedDelete = false;
    FacetRequest facets = FacetRequest.of(PASS, "month");
    do {
      searcher.refresh();
      SearchResult r =
          searcher.search(SearchRequest.of(query).page(0, 10).snippets(2, 160).facets(facets));
      Commit shown = commitShown(r);
      assertTrue(
          shown.compareTo(previous) >= 0, "a reader saw " + shown + " after " + previous);
      previous = shown;
      seen.add(shown);
      assertEquals(Math.min(10, r.total()), r.hits().size());
      if (!countedAdding && shown.equals(adding)) {
        countedAdding = true;
        sawAdding.countDown();
      }
      if (!countedDelete && shown.pass() == 2 && shown.deleted()) {
        countedDelete = true;
        sawDelete.countDown();
      }
      n++;
    } while (writing.get());
    return new Reader(n, seen);
  }

  /**
   * Pass p: its share of Reuters, tagged, committing every {@value #EVERY}; in pass 1, signals the
   * first commit, and waits before reading beyond the second until every reader has seen it.
   */
  private static void write(
      NewsIndex index,
      int pass,
      CountDownLatch afterFirstCommit,
      CountDownLatch waitAfterSecondCommit)
      throws IOException, InterruptedException {
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    try (ArticleReader reuters =
            ArticleReaders.open(List.of(CorpusIndexingTest.reutersArchive()), Format.AUTO, log);
        ArticleReader tagged =
            new ArticleReader() {
              int position = -1;
              int handed;

              @Override
              public Optional<Article> next() throws IOException {
                if (handed == EVERY && afterFirstCommit != null) {
                  afterFirstCommit.countDown();
                }
                if (handed == 2 * EVERY && waitAfterSecondCommit != null) {
                  // The second commit is done: the writer reads no further until readers saw it.
                  try {
                    assertTrue(
                        waitAfterSecondCommit.await(120, TimeUnit.SECONDS),
                        "every reader saw the second commit of pass 1; missing "
                            + waitAfterSecondCommit.getCount());
                  } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                  }
                }
                for (Optional<Article> a = reuters.next(); a.isPresent(); a = reuters.next()) {
                  position++;
                  if (kept(pass, position)) {
                    handed++;
                    return Optional.of(tag(a.get(), pass));
                  }
                }
                return Optional.empty();
              }

              @Override
              public void close() {}
            }) {
      IndexStats stats = index.add(tagged, log);
      assertEquals(size(pass), stats.added() + stats.replaced());
    }
  }

  private static Article tag(Article a, int pass) {
    Map<String, List<String>> fields = new HashMap<>(a.fields());
    fields.put(PASS, List.of(Integer.toString(pass)));
    return new Article(
        a.id(), a.title(), a.titleDerived(), a.body(), a.date(), a.source(), a.url(), fields);
  }

  /** The ids pass p-1 indexed and pass p did not: deleted at the end of pass p. */
  private static List<String> leftovers(int pass) {
    if (pass == 1) {
      return List.of();
    }
    Set<String> now = new HashSet<>(indexedBy(pass));
    return indexedBy(pass - 1).stream().filter(id -> !now.contains(id)).toList();
  }
}
