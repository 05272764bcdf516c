package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening an index that fails half-way leaves no writer, lock or open directory behind. */
class OpenFailureTest {
  @TempDir Path dir;

  @Test
  void aNewIndexWhoseFirstCommitFailsReleasesItsLockAndDirectory() throws IOException {
    AtomicBoolean closed = new AtomicBoolean();
    var failing =
        new FilterDirectory(FSDirectory.open(dir)) {
          @Override
          public void sync(Collection<String> names) throws IOException {
            throw new IOException("simulated fsync failure");
          }

          @Override
          public void close() throws IOException {
            closed.set(true);
            super.close();
          }
        };
    IndexUnavailableException e =
        assertThrows(
            IndexUnavailableException.class,
            () -> NewsIndex.open(dir, failing, IndexConfig.DEFAULT));
    assertTrue(e.getMessage().contains("simulated fsync failure"), e.getMessage());
    failing.close();
    assertTrue(closed.get());
    // The lock was released: a writer opens the folder at once, in this process.
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(List.of(SearchTestSupport.sampleArticles().get(0)));
      assertEquals(1, index.count());
    }
  }

  @Test
  void aWriterOpenedOnAnIndexOfAnotherAnalysisReleasesTheLock() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(List.of(SearchTestSupport.sampleArticles().get(0)));
    }
    IndexConfig other = IndexConfig.DEFAULT.withAnalysis(TextAnalysis.ENGLISH_STOPWORDS_PORTER);
    assertThrows(IllegalArgumentException.class, () -> NewsIndex.open(dir, other));
    try (NewsIndex index = NewsIndex.open(dir)) {
      assertEquals(1, index.count());
    }
  }
}
