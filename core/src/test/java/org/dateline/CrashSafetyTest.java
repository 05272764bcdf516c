package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of indexing loses at most the articles since the last commit: a separate
 * JVM indexes Reuters-21578, committing every {@value #EVERY} articles, and is killed at a random
 * moment and then inside each step of a commit, on the same index, before a last run finishes.
 * After every kill the index passes {@code CheckIndex}, keeps every commit the test saw, and holds
 * exactly the first n articles read, n being a whole number of commits; the last run adds the rest
 * without duplicates.
 *
 * <p>The seed of the random moment is printed in every failure; run again with {@code
 * -Ddateline.crash.seed=N}.
 */
class CrashSafetyTest {
  private static final int EVERY = 1_000;
  private static final int ARTICLES = 21_578;
  private static final long SEED = Long.getLong("dateline.crash.seed", 19870226L);

  @TempDir Path dir;

  @Test
  void killedAtSeveralPointsTheIndexKeepsEveryCommitSeenAndARerunFinishesWithoutDuplicates()
      throws Exception {
    Path reuters = CorpusIndexingTest.reutersArchive();
    assumeTrue(Files.exists(reuters), "Reuters-21578 not found at " + reuters + ": skipped");
    List<String> order = SharedReutersIndex.readingOrder();
    assertEquals(ARTICLES, order.size());
    assertEquals(ARTICLES, new HashSet<>(order).size(), "Reuters ids are distinct");
    Path index = dir.resolve("index");
    Random random = new Random(SEED);

    int n = killAtARandomMoment(index, 0, random, order);
    for (PausingDirectory.Step step : PausingDirectory.Step.values()) {
      n = killInsideACommit(index, n, step, order);
    }

    Path log = dir.resolve("rerun.log");
    try (IndexingChild rerun = IndexingChild.start(index, EVERY, reuters, null, log)) {
      assertEquals(0, rerun.waitFor(600), rerun.output());
      String out = rerun.output();
      assertTrue(out.contains("added=" + (ARTICLES - n) + " replaced=" + n), out);
    }
    assertHoldsTheFirst(index, ARTICLES, order, "after the rerun");
  }

  /**
   * Kills the child at a seeded random moment after it has committed twice; returns how many
   * articles the index holds then.
   */
  private int killAtARandomMoment(Path index, int before, Random random, List<String> order)
      throws Exception {
    // A new index's first commit is the empty index; batches come after it.
    int empty = IndexingChild.generation(index) == 0 ? 1 : 0;
    long delay = random.nextInt(1_500);
    String at = "killed " + delay + " ms after the second commit (seed " + SEED + ")";
    int seen;
    int after;
    try (IndexingChild child =
        IndexingChild.start(
            index, EVERY, CorpusIndexingTest.reutersArchive(), null, dir.resolve("random.log"))) {
      child.await("two commits", () -> commits(child) >= empty + 2);
      Thread.sleep(delay);
      seen = child.commits() - empty;
      assertTrue(child.isAlive(), at + ": the child finished first: " + child.output());
      child.kill();
      after = child.commits() - empty;
    }
    int n = assertHoldsTheFirst(index, -1, order, at);
    assertTrue(n >= seen * EVERY, at + ": " + seen + " commits seen, " + n + " articles kept");
    // The kill may come between a commit's rename and its report.
    assertTrue(
        n == Math.max(before, after * EVERY) || n == Math.max(before, (after + 1) * EVERY),
        at + ": exactly the last commit, " + after + " reported, " + n + " articles kept");
    assertTrue(n < ARTICLES, at + ": the kill came before the end");
    return n;
  }

  private static int commits(IndexingChild child) {
    try {
      return child.commits();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Kills the child while it is stopped inside a step of the commit that would take the index past
   * what it holds; returns how many articles the index holds then.
   */
  private int killInsideACommit(Path index, int before, PausingDirectory.Step step, List<String> order)
      throws Exception {
    assertTrue(IndexingChild.generation(index) > 0, "an index is there");
    // The commit that would take the index one batch past what it holds.
    int commit = before / EVERY + 2;
    String at = "killed in " + step + " of commit " + commit + " of a run over " + before;
    int seen;
    try (IndexingChild child =
        IndexingChild.start(
            index,
            EVERY,
            CorpusIndexingTest.reutersArchive(),
            step + ":" + commit,
            dir.resolve(step + ".log"))) {
      child.awaitLine("PAUSED " + step);
      seen = child.commits();
      child.kill();
    }
    int committed = step == PausingDirectory.Step.AFTER_RENAME ? commit : commit - 1;
    assertEquals(committed, seen, at + ": the commits the child reported");
    int n = assertHoldsTheFirst(index, -1, order, at);
    assertTrue(n >= seen * EVERY, at + ": " + seen + " commits seen, " + n + " articles kept");
    assertEquals(Math.max(before, committed * EVERY), n, at + ": exactly the last commit");
    return n;
  }

  /**
   * Checks that the index is clean and holds exactly the first n articles read, without
   * duplicates; returns n. With {@code expected} -1, any n.
   */
  private static int assertHoldsTheFirst(Path index, int expected, List<String> order, String at)
      throws IOException {
    try (var d = FSDirectory.open(index);
        CheckIndex check = new CheckIndex(d)) {
      assertTrue(check.checkIndex().clean, at + ": CheckIndex");
    }
    Set<String> ids = new HashSet<>();
    try (var d = FSDirectory.open(index);
        DirectoryReader r = DirectoryReader.open(d)) {
      var stored = r.storedFields();
      var live = MultiBits.getLiveDocs(r); // a rerun's upserts delete the older versions
      for (int i = 0; i < r.maxDoc(); i++) {
        if (live == null || live.get(i)) {
          String id = stored.document(i).get(Fields.ID);
          assertTrue(ids.add(id), at + ": duplicate id " + id);
        }
      }
    }
    int n = ids.size();
    if (expected >= 0) {
      assertEquals(expected, n, at);
    }
    assertTrue(n % EVERY == 0 || n == ARTICLES, at + ": whole commits only, got " + n);
    FailingDirectoryTest.assertSameIds(order.subList(0, n), ids, at + ": exactly the first " + n + " read");
    return n;
  }
}
