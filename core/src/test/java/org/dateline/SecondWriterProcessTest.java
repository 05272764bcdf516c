package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second writer in another process is refused by the operating system's file lock (in one JVM,
 * Lucene's own bookkeeping refuses it before the OS is asked), at once, both while the first
 * writer indexes and while it is inside a commit; and the first goes on to the end.
 */
class SecondWriterProcessTest {
  @TempDir Path dir;

  @Test
  void aWriterInAnotherProcessIsRefusedAtOnceAndTheFirstIndexesToTheEnd() throws Exception {
    Path reuters = CorpusIndexingTest.reutersArchive();
    assumeTrue(Files.exists(reuters), "Reuters-21578 not found at " + reuters + ": skipped");
    Path index = dir.resolve("index");
    Path release = dir.resolve("release");
    // The first writer stops inside its fourth commit until the test lets it go on.
    try (IndexingChild first =
        IndexingChild.start(index, 1_000, reuters, "SYNC:4:" + release, dir.resolve("first.log"))) {
      first.await("the first batch committed", () -> IndexingChild.generation(index) >= 2);
      assertRefused(index, "while the first writer indexes");
      first.awaitLine("PAUSED SYNC");
      assertRefused(index, "while the first writer is inside a commit");
      assertTrue(first.isAlive(), first.output());

      Files.createFile(release);
      assertEquals(0, first.waitFor(600), first.output());
      assertTrue(first.output().contains("added=21578 replaced=0"), first.output());
    }
    try (var d = FSDirectory.open(index)) {
      try (CheckIndex check = new CheckIndex(d)) {
        assertTrue(check.checkIndex().clean, "CheckIndex");
      }
      try (DirectoryReader r = DirectoryReader.open(d)) {
        assertEquals(21_578, r.numDocs(), "the first writer indexed everything");
      }
    }
    try (NewsIndex after = NewsIndex.open(index)) {
      assertEquals(21_578, after.count(), "once the first is done, the index can be written");
    }
  }

  private static void assertRefused(Path index, String when) {
    long start = System.nanoTime();
    IndexUnavailableException e =
        assertThrows(IndexUnavailableException.class, () -> NewsIndex.open(index), when);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertEquals(IndexUnavailableException.Reason.LOCKED, e.reason(), when + ": " + e.getMessage());
    assertTrue(
        e.getMessage().contains("is being written by another process"), when + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(index.toString()), "names the index: " + e.getMessage());
    assertTrue(ms < 5_000, when + ": refused at once, not after " + ms + " ms");
  }
}
