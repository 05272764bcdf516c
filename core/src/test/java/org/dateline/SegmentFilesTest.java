package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;

/**
 * How a batch's segments reach the folder: written at a commit by the indexing threads side by
 * side (not by the committing thread while they wait), as plain files rather than compound files.
 */
class SegmentFilesTest {
  private static final Path WHERE = Path.of("test-index");
  private static final int ARTICLES = 3_000;

  /**
   * Records the thread that created each file a flush wrote; leaves the store open when the index
   * closes, for the test to read.
   */
  static final class RecordingDirectory extends FilterDirectory {
    final Map<String, String> flushedBy = java.util.Collections.synchronizedMap(new TreeMap<>());

    RecordingDirectory(Directory in) {
      super(in);
    }

    @Override
    public void close() {}

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      if (context.context() == IOContext.Context.FLUSH) {
        flushedBy.put(name, Thread.currentThread().getName());
      }
      return super.createOutput(name, context);
    }
  }

  /** The first {@value #ARTICLES} articles of Reuters-21578. */
  private static List<Article> reuters() throws IOException {
    assumeTrue(
        RawReuters.available(), "Reuters-21578 not found at " + RawReuters.TARBALL + ": skipped");
    List<Article> articles = ReutersFixtures.first(ARTICLES);
    assertEquals(ARTICLES, articles.size());
    return articles;
  }

  @Test
  void atACommitTheIndexingThreadsWriteTheSegmentsNotTheCommittingThread() throws IOException {
    List<Article> articles = reuters();
    ByteBuffersDirectory store = new ByteBuffersDirectory();
    RecordingDirectory dir = new RecordingDirectory(store);
    // one commit; the 64 MB buffer never fills, so every segment is written for the commit
    try (NewsIndex index = NewsIndex.open(WHERE, dir, IndexConfig.DEFAULT.withThreads(2))) {
      index.add(articles);
    }
    String me = Thread.currentThread().getName();
    Set<String> writers = new TreeSet<>(dir.flushedBy.values());
    assertFalse(dir.flushedBy.isEmpty(), "the commit flushed segments");
    assertFalse(writers.contains(me), "the committing thread flushed " + dir.flushedBy);
    assertTrue(
        writers.stream().allMatch(t -> t.startsWith("dateline-indexer-")),
        "only indexing threads flush: " + writers);
    try (DirectoryReader reader = DirectoryReader.open(store)) {
      assertEquals(ARTICLES, reader.numDocs());
    }
  }

  @Test
  void segmentsAreWrittenAsPlainFilesNotCompoundFiles() throws IOException {
    List<Article> articles = reuters();
    ByteBuffersDirectory store = new ByteBuffersDirectory();
    // small commits: several flushed segments, and the merges their count brings
    IndexConfig every250 =
        IndexConfig.DEFAULT.withThreads(2).withCommitEvery(250, java.time.Duration.ofHours(1));
    try (NewsIndex index = NewsIndex.open(WHERE, new RecordingDirectory(store), every250)) {
      index.add(articles);
    }
    SegmentInfos infos = SegmentInfos.readLatestCommit(store);
    assertTrue(infos.size() > 1, "several segments: " + infos.size());
    for (SegmentCommitInfo segment : infos) {
      assertFalse(segment.info.getUseCompoundFile(), segment + " is a compound file");
    }
    for (String file : store.listAll()) {
      assertFalse(file.endsWith(".cfs") || file.endsWith(".cfe"), file);
    }
    try (DirectoryReader reader = DirectoryReader.open(store)) {
      assertEquals(ARTICLES, reader.numDocs());
    }
  }
}
