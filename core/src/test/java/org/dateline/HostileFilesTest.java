package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files in a batch: each one is indexed or gives a clear per-file problem, and the rest of
 * the batch goes on.
 */
class HostileFilesTest {
  @TempDir Path corpus;
  @TempDir Path index;

  private static final String GOOD = "date: 2017-01-24\nsource: Test\n\nA good article about oil prices.\n";

  private IndexStats indexAll(List<Path> paths) throws IOException {
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    try (NewsIndex writer = NewsIndex.open(index);
        ArticleReader reader = ArticleReaders.open(paths, Format.AUTO, log)) {
      return writer.add(reader, log);
    }
  }

  private long hits(String query) throws IOException {
    try (NewsSearcher s = NewsSearcher.open(index)) {
      return s.search(SearchRequest.of(query)).total();
    }
  }

  private static String reasons(IndexStats stats) {
    return stats.firstSkips().stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void fiftyMegabyteArticleIsIndexedBesideTheOthers() throws IOException {
    Path big = corpus.resolve("big.txt");
    try (BufferedWriter w = Files.newBufferedWriter(big)) {
      w.write("title: A very long article\n\n");
      String sentence = "The committee heard testimony about pipelines and tariffs again. ";
      for (long written = 0; written < 50L * 1024 * 1024; written += sentence.length()) {
        w.write(sentence);
      }
      w.write("Finally the zanzibar clause.\n");
    }
    Files.writeString(corpus.resolve("good.txt"), GOOD);
    IndexStats stats = indexAll(List.of(corpus));
    assertEquals(2, stats.added(), reasons(stats));
    assertEquals(1, hits("zanzibar"), "the last words of a 50 MB article are searchable");
    assertEquals(1, hits("\"oil prices\""));
  }

  @Test
  void hundredMegabyteJsonLineIsAClearSkipAndTheOtherLinesAreIndexed() throws IOException {
    Path jsonl = corpus.resolve("news.jsonl");
    try (OutputStream out = Files.newOutputStream(jsonl)) {
      out.write("{\"id\":\"a\",\"title\":\"Before\",\"body\":\"oil prices\"}\n".getBytes(StandardCharsets.UTF_8));
      out.write("{\"id\":\"huge\",\"title\":\"Huge\",\"body\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "word ".repeat(200_000).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 100; i++) {
        out.write(chunk);
      }
      out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
      out.write("{\"id\":\"b\",\"title\":\"After\",\"body\":\"oil prices\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    IndexStats stats = indexAll(List.of(jsonl));
    assertEquals(2, stats.added(), reasons(stats));
    assertEquals(1, stats.skipped(), "the 100 MB line is refused, not indexed");
    Problem p = stats.firstSkips().get(0);
    assertTrue(p.file().endsWith("news.jsonl") && p.line() == 2, p.toString());
    System.out.println("100 MB JSON line: " + p);
    assertEquals(2, hits("\"oil prices\""), "the lines around the huge one are indexed");
  }

  @Test
  void nulBytesNewlineInAFileNameAndASymlinkLoopDoNotStopTheBatch() throws IOException {
    Files.write(corpus.resolve("nul.txt"), new byte[] {'o', 'i', 'l', 0, 0, 0, 'x'});
    Files.writeString(corpus.resolve("line\nbreak.txt"), GOOD.replace("good", "newline-named"));
    Path loop = corpus.resolve("loop");
    Files.createDirectories(loop);
    Files.createSymbolicLink(loop.resolve("again"), loop);
    Files.writeString(corpus.resolve("good.txt"), GOOD);
    IndexStats stats = indexAll(List.of(corpus, corpus.resolve("does-not-exist")));
    assertEquals(2, stats.added(), reasons(stats));
    String reasons = reasons(stats);
    assertTrue(reasons.contains("nul.txt"), reasons);
    assertTrue(reasons.contains("does-not-exist"), reasons);
    assertEquals(1, hits("\"newline named article\""));
  }

  @Test
  void folderWithHundredThousandTinyFilesIndexesThemAll() throws IOException {
    Path many = corpus.resolve("many");
    Files.createDirectories(many);
    for (int i = 0; i < 100_000; i++) {
      Files.writeString(many.resolve(String.format("%06d.txt", i)), "Tiny note number " + i + " about oil.\n");
    }
    IndexStats stats = indexAll(List.of(many));
    assertEquals(100_000, stats.added(), reasons(stats));
    assertEquals(100_000, hits("oil"));
    assertEquals(1, hits("99999"));
  }
}
