package org.dateline.ingest;

import static org.dateline.ingest.Corpora.lenient;
import static org.dateline.ingest.Corpora.readAll;
import static org.dateline.ingest.Corpora.strict;
import static org.dateline.ingest.Corpora.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.dateline.Article;
import org.dateline.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad input: what lenient mode skips or repairs, what strict mode throws. */
class BadInputTest {
  @TempDir Path dir;

  private static List<Article> readFolder(Path dir, ProblemLog log) throws IOException {
    return readAll(ArticleReaders.open(List.of(dir), Format.AUTO, log));
  }

  @Test
  void emptyAndBlankFilesAreSkipped() throws IOException {
    Path empty = write(dir, "empty.txt", "");
    Path blank = write(dir, "blank.txt", " \n\t\n  \n");
    write(dir, "ok.txt", "A story.");
    ProblemLog log = lenient();
    List<Article> all = readFolder(dir, log);
    assertEquals(List.of("ok.txt"), all.stream().map(Article::id).toList());
    assertEquals(
        List.of(
            new Problem(blank.toString(), 0, "empty file"),
            new Problem(empty.toString(), 0, "empty file")),
        log.skips());
  }

  @Test
  void binaryFileIsSkipped() throws IOException {
    byte[] bytes = new byte[100];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i % 7 == 0 ? 0 : 'a' + i % 26);
    }
    Path bin = write(dir, "image.txt", bytes);
    ProblemLog log = lenient();
    assertEquals(List.of(), readFolder(dir, log));
    assertEquals(1, log.skipCount());
    assertEquals(bin.toString(), log.skips().get(0).file());
    assertTrue(log.skips().get(0).reason().startsWith("binary file"), log.skips().get(0).reason());
  }

  @Test
  void invalidUtf8IsReplacedAndCountedAsAWarning() throws IOException {
    // Latin-1 bytes (0xE9 is "é" there) in a UTF-8 corpus, on lines 3 and 5.
    byte[] bytes = latin1("\n\ntitle: Caf\u00e9 opens\n\nThe caf\u00e9 opened today.\n");
    Path file = write(dir, "latin1.txt", bytes);
    ProblemLog log = lenient();
    List<Article> all = readFolder(dir, log);
    assertEquals(1, all.size());
    assertEquals("Caf\uFFFD opens", all.get(0).title());
    assertEquals("The caf\uFFFD opened today.", all.get(0).body());
    assertEquals(
        List.of(new Problem(file.toString(), 3, "invalid UTF-8 replaced")), log.warnings());
    assertEquals(0, log.skipCount());
  }

  private static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void headerDateThatDoesNotParseSkipsTheArticleInLenientMode() throws IOException {
    Path bad = write(dir, "bad.txt", "source: Reuters\ndate: 2017-13-45\n\nBody.\n");
    Path bare = write(dir, "bare.txt", "date 31 Febuary 2017 The court met.\n");
    write(dir, "good.txt", "date: 2017-01-24\n\nBody.\n");
    ProblemLog log = lenient();
    List<Article> all = readFolder(dir, log);
    assertEquals(List.of("good.txt"), all.stream().map(Article::id).toList());
    assertEquals(2, log.skipCount());
    Problem p = log.skips().get(0);
    assertEquals(bad.toString(), p.file());
    assertEquals(2, p.line());
    assertTrue(p.reason().contains("2017-13-45"), p.reason());
    Problem q = log.skips().get(1);
    assertEquals(bare.toString(), q.file());
    assertEquals(1, q.line());
    assertTrue(q.reason().contains("31 Febuary 2017"), q.reason());
  }

  @Test
  void headerDateThatDoesNotParseFailsInStrictMode() throws IOException {
    write(dir, "a.txt", "date: 2017-01-24\n\nFine.\n");
    Path bad = write(dir, "b.txt", "\n\ntitle: T\ndate: yesterday-ish 5\n\nBody.\n");
    ArticleReader reader = ArticleReaders.open(List.of(dir), Format.AUTO, strict());
    try (reader) {
      assertTrue(reader.next().isPresent(), "a.txt comes first");
      CorpusFormatException e = assertThrows(CorpusFormatException.class, reader::next);
      assertEquals(bad.toString(), e.problem().file());
      assertEquals(4, e.problem().line());
      assertTrue(e.getMessage().startsWith(bad + ":4: header date does not parse"), e.getMessage());
    }
  }

  @Test
  void jsonlLineThatIsNotJsonIsSkippedWithItsLineNumber() throws IOException {
    Path file =
        write(
            dir,
            "a.jsonl",
            "{\"id\": \"1\", \"title\": \"One\"}\n\n"
                + "{\"id\": \"2\", title: oops}\n"
                + "{\"id\": \"3\", \"title\": \"Three\"}\n");
    ProblemLog log = lenient();
    List<Article> all = readFolder(dir, log);
    assertEquals(List.of("1", "3"), all.stream().map(Article::id).toList());
    assertEquals(1, log.skipCount());
    assertEquals(file.toString(), log.skips().get(0).file());
    assertEquals(3, log.skips().get(0).line());
    assertTrue(
        log.skips().get(0).reason().startsWith("not valid JSON"), log.skips().get(0).reason());

    CorpusFormatException e =
        assertThrows(CorpusFormatException.class, () -> readFolder(dir, strict()));
    assertEquals(3, e.problem().line());
  }

  @Test
  void articleWithATitleButNoBodyIsKept() throws IOException {
    write(dir, "headline.txt", "Markets close higher on tech rally\n");
    write(dir, "header.txt", "title: Only a title\n");
    ProblemLog log = lenient();
    List<Article> all = readFolder(dir, log);
    assertEquals(2, all.size());
    assertEquals("Only a title", all.get(0).title());
    assertEquals("Markets close higher on tech rally", all.get(1).title());
    all.forEach(a -> assertEquals("", a.body()));
    assertEquals(0, log.skipCount());
  }

  @Test
  void articleWithNoTextAtAllIsSkipped() throws IOException {
    Path file = write(dir, "header-only.txt", "date: 2017-01-24\nsource: Reuters\n");
    ProblemLog log = lenient();
    assertEquals(List.of(), readFolder(dir, log));
    assertEquals(
        List.of(new Problem(file.toString(), 0, "no text (neither a title nor a body)")),
        log.skips());
  }

  @Test
  void pathThatDoesNotExistIsAProblem() throws IOException {
    Path missing = dir.resolve("nope");
    write(dir, "ok.txt", "A story.");
    ProblemLog log = lenient();
    List<Article> all =
        readAll(ArticleReaders.open(List.of(missing, dir.resolve("ok.txt")), Format.AUTO, log));
    assertEquals(1, all.size());
    assertEquals(
        List.of(new Problem(missing.toString(), 0, "no such file or folder")), log.skips());

    ProblemLog textLog = lenient();
    assertEquals(List.of(), readAll(new TextArticleReader(missing, textLog)));
    assertEquals(1, textLog.skipCount());

    // Opening is lazy: the strict failure comes with the first read, not before.
    ArticleReader reader = ArticleReaders.open(List.of(missing), Format.AUTO, strict());
    try (reader) {
      CorpusFormatException e = assertThrows(CorpusFormatException.class, reader::next);
      assertEquals(missing.toString(), e.problem().file());
    }
  }

  @Test
  void symlinkLoopInAFolderIsSkippedNotFollowed() throws IOException {
    write(dir, "a.txt", "A story.");
    Path loop = dir.resolve("loop");
    Path cycle = dir.resolve("x.txt");
    try {
      Files.createSymbolicLink(loop, dir);
      Files.createSymbolicLink(cycle, dir.resolve("y.txt"));
      Files.createSymbolicLink(dir.resolve("y.txt"), cycle);
    } catch (UnsupportedOperationException | IOException e) {
      org.junit.jupiter.api.Assumptions.abort("symbolic links not supported here: " + e);
    }
    ProblemLog log = lenient();
    List<Article> all =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> readFolder(dir, log));
    assertEquals(List.of("a.txt"), all.stream().map(Article::id).toList());
    assertEquals(
        List.of(
            new Problem(loop.toString(), 0, "symbolic link not followed"),
            new Problem(cycle.toString(), 0, "symbolic link not followed"),
            new Problem(dir.resolve("y.txt").toString(), 0, "symbolic link not followed")),
        log.skips());
  }

  @Test
  void corpusWithoutArticlesEndsAtOnce() throws IOException {
    write(dir, "README.md", "Nothing to read here.");
    Files.createDirectories(dir.resolve("empty"));
    ProblemLog log = lenient();
    try (ArticleReader reader = ArticleReaders.open(List.of(dir), Format.AUTO, log)) {
      assertEquals(Optional.empty(), reader.next());
      assertEquals(Optional.empty(), reader.next());
    }
    try (ArticleReader reader = new TextArticleReader(dir.resolve("empty"), log)) {
      assertEquals(Optional.empty(), reader.next());
    }
    assertEquals(0, log.skipCount());
    assertEquals(0, log.warningCount());
  }
}
