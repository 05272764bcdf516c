package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A write that fails part-way (disk full, I/O error) leaves the previous commit intact. */
class FailingDirectoryTest {

  /** Fails every write once a byte budget is spent, as a full disk does. */
  static final class DiskFullDirectory extends FilterDirectory {
    final AtomicLong budget = new AtomicLong(Long.MAX_VALUE);

    DiskFullDirectory(Directory in) {
      super(in);
    }

    /** Leaves the underlying store open so the test can inspect it after the index closes. */
    @Override
    public void close() {}

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      return wrap(super.createOutput(name, context));
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
        throws IOException {
      return wrap(super.createTempOutput(prefix, suffix, context));
    }

    private IndexOutput wrap(IndexOutput out) {
      return new IndexOutput(out.toString(), out.getName()) {
        private void spend(long n) throws IOException {
          if (budget.addAndGet(-n) < 0) {
            throw new IOException("No space left on device");
          }
        }

        @Override
        public void writeByte(byte b) throws IOException {
          spend(1);
          out.writeByte(b);
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) throws IOException {
          spend(length);
          out.writeBytes(b, offset, length);
        }

        @Override
        public long getFilePointer() {
          return out.getFilePointer();
        }

        @Override
        public long getChecksum() throws IOException {
          return out.getChecksum();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }
  }

  private static List<Article> articles(String prefix, int n) {
    List<Article> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(
          new Article(
              prefix + i,
              "Headline " + i,
              false,
              ("Oil prices rose in trading number " + i + ". ").repeat(20),
              Instant.parse("1987-03-01T00:00:00Z"),
              "Reuters",
              null,
              Map.of()));
    }
    return list;
  }

  @ParameterizedTest(name = "{0} indexing threads")
  @ValueSource(ints = {1, 2, 4})
  void diskFullDuringABatchKeepsThePreviousCommitIntactAndSearchable(int threads)
      throws IOException {
    ByteBuffersDirectory store = new ByteBuffersDirectory();
    DiskFullDirectory disk = new DiskFullDirectory(store);
    Path where = Path.of("test-index");
    NewsIndex index = NewsIndex.open(where, disk, IndexConfig.DEFAULT.withThreads(threads));
    index.add(articles("first-", 100));

    disk.budget.set(20_000); // the next batch runs out of space part-way
    IndexUnavailableException e =
        assertThrows(IndexUnavailableException.class, () -> index.add(articles("second-", 2_000)));
    assertEquals(IndexUnavailableException.Reason.NOT_WRITABLE, e.reason());
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertTrue(e.getMessage().contains("test-index"), "names the index: " + e.getMessage());
    disk.budget.set(Long.MAX_VALUE);
    index.close();

    try (DirectoryReader reader = DirectoryReader.open(store)) {
      assertEquals(100, reader.numDocs(), "exactly the articles of the last commit");
    }
    try (CheckIndex check = new CheckIndex(store)) {
      check.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_CHECKSUM_CHECKS);
      assertTrue(check.checkIndex().clean, "CheckIndex finds the index clean");
    }
  }
}
