package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of indexing loses at most the articles since the last commit. */
class CrashSafetyTest {
  @TempDir Path dir;

  private Process start(Path index, int every, Path corpus) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(IndexingProcess.class.getName());
    cmd.add(index.toString());
    cmd.add(Integer.toString(every));
    cmd.add(corpus.toString());
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  /** The generation of the newest commit, or -1. */
  private static long generation(Path index) {
    try (var d = FSDirectory.open(index)) {
      return SegmentInfos.getLastCommitGeneration(d);
    } catch (IOException e) {
      return -1;
    }
  }

  private static Set<String> ids(Path index) throws IOException {
    Set<String> ids = new HashSet<>();
    try (var d = FSDirectory.open(index);
        DirectoryReader r = DirectoryReader.open(d)) {
      var stored = r.storedFields();
      for (int i = 0; i < r.maxDoc(); i++) {
        assertTrue(ids.add(stored.document(i).get(Fields.ID)), "duplicate id");
      }
    }
    return ids;
  }

  @Test
  void killedMidIndexingTheIndexHoldsItsLastCommitAndARerunFinishesWithoutDuplicates()
      throws Exception {
    Path reuters = CorpusIndexingTest.reutersArchive();
    assumeTrue(Files.exists(reuters), "Reuters-21578 not found at " + reuters + ": skipped");
    Path index = dir.resolve("index");
    int every = 1_000;

    Process child = start(index, every, reuters);
    // Creating the index is commit 1; wait until at least two batches are committed.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (generation(index) < 3 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(child.isAlive(), "the child finished before it could be killed: " + Files.readString(dir.resolve("child.log")));
    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertTrue(generation(index) >= 3);

    try (var d = FSDirectory.open(index);
        CheckIndex check = new CheckIndex(d)) {
      CheckIndex.Status status = check.checkIndex();
      assertTrue(status.clean, "CheckIndex after kill -9");
    }
    Set<String> afterCrash = ids(index);
    int n = afterCrash.size();
    assertTrue(n > 0 && n % every == 0, "whole batches only, got " + n);
    assertTrue(n < 21_578, "the crash came before the end");

    Process rerun = start(index, every, reuters);
    assertTrue(rerun.waitFor(300, TimeUnit.SECONDS), "rerun finished");
    assertEquals(0, rerun.exitValue(), Files.readString(dir.resolve("child.log")));
    String log = Files.readString(dir.resolve("child.log"));
    assertTrue(log.contains("added=" + (21_578 - n) + " replaced=" + n), log);
    Set<String> finalIds = ids(index);
    assertEquals(21_578, finalIds.size());
    assertTrue(finalIds.containsAll(afterCrash));
  }
}
