package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.dateline.ingest.TextArticleReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCorpusTest {
  @TempDir Path cache;

  @Test
  void indexesTheFiveSampleArticlesIntoTheCache() throws Exception {
    Path index = SampleCorpus.ensureIndexed(cache);
    assertEquals(cache, index.getParent());
    try (NewsSearcher s = NewsSearcher.open(index)) {
      assertEquals(5, s.summary().articles());
      assertEquals(3, s.search(SearchRequest.of("\"stored communications act\"")).total());
    }
    assertEquals(List.of(index), entries(cache), "no temporary folders left behind");
  }

  @Test
  void aSecondCallReusesTheIndexWithoutRebuilding() throws Exception {
    Path index = SampleCorpus.ensureIndexed(cache);
    FileTime built = Files.getLastModifiedTime(index);
    Thread.sleep(20);
    assertEquals(index, SampleCorpus.ensureIndexed(cache));
    assertEquals(built, Files.getLastModifiedTime(index));
  }

  @Test
  void aChangedArticleIsIndexedAgainAndTheOldIndexRemoved(@TempDir Path classpath)
      throws Exception {
    Path original = SampleCorpus.ensureIndexed(cache);
    // The same corpus with one more word in its last article, on a class path of its own.
    Path folder = Files.createDirectories(classpath.resolve(SampleCorpus.RESOURCES));
    String metadata = resource(SampleCorpus.METADATA);
    Files.writeString(folder.resolve(SampleCorpus.METADATA), metadata);
    List<String> files = SampleCorpus.fileColumn(metadata);
    for (String file : files) {
      String text = resource(file);
      if (file.equals(files.get(files.size() - 1))) {
        text += "\n\nA zeppelin was seen.\n";
      }
      Files.writeString(folder.resolve(file), text);
    }
    Path changed = withClassPath(classpath, () -> SampleCorpus.ensureIndexed(cache));
    assertNotEquals(original, changed);
    try (NewsSearcher s = NewsSearcher.open(changed)) {
      assertEquals(5, s.summary().articles());
      assertEquals(1, s.search(SearchRequest.of("zeppelin")).total());
    }
    assertFalse(Files.exists(original), "the index of the old corpus is removed");
  }

  @Test
  void aNewVersionOfTheTextReaderRebuildsTheCachedIndex() throws Exception {
    // An index cached by the reader before it trimmed scraped debris still holds "SanDisk".
    Path older = SampleCorpus.ensureIndexed(cache, TextArticleReader.VERSION - 1);
    Path current = SampleCorpus.ensureIndexed(cache);
    assertNotEquals(older, current);
    assertEquals(List.of(current), entries(cache), "the older index is removed");
    try (NewsSearcher s = NewsSearcher.open(current)) {
      assertEquals(0, s.search(SearchRequest.of("SanDisk")).total());
    }
  }

  @Test
  void concurrentFirstRunsAllGetTheSameCompleteIndex() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Path>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit(() -> SampleCorpus.ensureIndexed(cache)));
      }
      Path index = runs.get(0).get();
      for (Future<Path> f : runs) {
        assertEquals(index, f.get());
      }
      try (NewsSearcher s = NewsSearcher.open(index)) {
        assertEquals(5, s.summary().articles());
      }
      assertEquals(List.of(index), entries(cache));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theFileColumnIsReadFromQuotedCsv() {
    String csv =
        "title,file,date\r\n\"Comma, inside\",a.txt,2017\n\"Quote \"\"and\"\"\nbreak\",b.txt,\n\n";
    assertEquals(List.of("a.txt", "b.txt"), SampleCorpus.fileColumn(csv));
  }

  @Test
  void aMissingCorpusIsAPackagingError(@TempDir Path empty) {
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class,
            () -> withClassPath(empty, () -> SampleCorpus.ensureIndexed(cache)));
    assertTrue(e.getMessage().contains("dateline-corpus/metadata.csv"), e::getMessage);
  }

  private static String resource(String name) throws Exception {
    try (InputStream in =
        SampleCorpusTest.class.getClassLoader().getResourceAsStream(SampleCorpus.RESOURCES + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static <T> T withClassPath(Path root, Callable<T> action) throws Exception {
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      t.setContextClassLoader(loader);
      return action.call();
    } finally {
      t.setContextClassLoader(before);
    }
  }

  private static List<Path> entries(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
