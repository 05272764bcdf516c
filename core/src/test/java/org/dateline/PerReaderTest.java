package org.dateline;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** A value per open reader: made once, the same on every use, gone when the reader closes. */
class PerReaderTest {
  @Test
  void oneValuePerOpenReaderDroppedWhenItCloses() throws IOException {
    AtomicInteger made = new AtomicInteger();
    PerReader<int[]> perReader = new PerReader<>(() -> new int[] {made.incrementAndGet()});
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (NewsIndex index = NewsIndex.open(null, dir, IndexConfig.DEFAULT.withThreads(1))) {
      index.add(
          List.of(
              new Article(
                  "a1", "Title", false, "Body text.", null, "Courier", null, Map.of())));
      LeafReader leaf;
      int[] first;
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        leaf = reader.leaves().get(0).reader();
        assertNull(perReader.peek(leaf.getReaderCacheHelper()), "made before its first use");
        first = perReader.get(leaf.getReaderCacheHelper());
        assertSame(first, perReader.get(leaf.getReaderCacheHelper()));
        assertSame(first, perReader.peek(leaf.getReaderCacheHelper()));
        assertSame(first, perReader.get(reader.leaves().get(0).reader().getReaderCacheHelper()));
        int[] top = perReader.get(reader.getReaderCacheHelper());
        assertNotSame(first, top, "the top reader and its segment are two readers");
      }
      // closing the reader dropped its values: nothing keeps the segment's memory alive
      assertNull(perReader.peek(leaf.getReaderCacheHelper()));
      try (DirectoryReader again = DirectoryReader.open(dir)) {
        int[] next = perReader.get(again.leaves().get(0).reader().getReaderCacheHelper());
        assertNotSame(first, next, "a new reader gets a new value");
      }
      assertNull(perReader.get(null), "a reader without a cache helper keeps nothing");
    }
  }
}
