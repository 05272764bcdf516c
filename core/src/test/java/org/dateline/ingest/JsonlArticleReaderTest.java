package org.dateline.ingest;

import static org.dateline.ingest.Corpora.lenient;
import static org.dateline.ingest.Corpora.readAll;
import static org.dateline.ingest.Corpora.strict;
import static org.dateline.ingest.Corpora.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dateline.Article;
import org.dateline.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlArticleReaderTest {
  @TempDir Path dir;

  private static List<Article> read(String jsonl, ProblemLog log) throws IOException {
    return readAll(
        new JsonlArticleReader(
            "test.jsonl", new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), log));
  }

  @Test
  void knownFieldsAreRead() throws IOException {
    ProblemLog log = lenient();
    List<Article> all =
        read(
            "{\"id\": \"a1\", \"title\": \"Court rules\", \"body\": \"The court ruled.\","
                + " \"date\": \"2017-01-24T10:00:00Z\", \"source\": \"Reuters\","
                + " \"url\": \"https://example.com/a1\"}\n",
            log);
    assertEquals(
        List.of(
            new Article(
                "a1",
                "Court rules",
                false,
                "The court ruled.",
                Instant.parse("2017-01-24T10:00:00Z"),
                "Reuters",
                "https://example.com/a1",
                Map.of())),
        all);
    assertEquals(0, log.skipCount() + log.warningCount());
  }

  @Test
  void bodyMayBeCalledTextOrContent() throws IOException {
    List<Article> all =
        read(
            "{\"id\": \"1\", \"title\": \"T\", \"text\": \"From text.\"}\n"
                + "{\"id\": \"2\", \"title\": \"T\", \"content\": \"From content.\"}\n"
                + "{\"id\": \"3\", \"title\": \"T\", \"content\": \"Loses.\", \"body\": \"Body"
                + " wins.\"}\n",
            lenient());
    assertEquals(
        List.of("From text.", "From content.", "Body wins."),
        all.stream().map(Article::body).toList());
    all.forEach(a -> assertTrue(a.fields().isEmpty(), "aliases are not extra fields"));
  }

  @Test
  void otherFieldsBecomeExtraKeywordFields() throws IOException {
    ProblemLog log = lenient();
    List<Article> all =
        read(
            "{\"id\": 7, \"title\": \"T\", \"Category\": \"Business\", \"tags\": [\"a\", \"b\", 3],"
                + " \"story-id\": 123, \"paywall\": false, \"meta\": {\"deep\": \"x\"},"
                + " \"empty\": \"\", \"nothing\": null, \"all\": \"reserved\"}\n",
            log);
    Article a = all.get(0);
    assertEquals("7", a.id());
    assertEquals(
        Map.of(
            "category", List.of("Business"),
            "tags", List.of("a", "b", "3"),
            "story_id", List.of("123"),
            "paywall", List.of("false")),
        a.fields());
    assertEquals(1, log.warningCount());
    assertTrue(log.warnings().get(0).reason().contains("\"all\""), log.warnings().toString());
  }

  @Test
  void missingTitleIsDerivedFromTheLede() throws IOException {
    Article a =
        read(
                "{\"id\": \"1\", \"body\": \"Shares rose on Monday. Analysts were surprised.\"}\n",
                lenient())
            .get(0);
    assertEquals("Shares rose on Monday.", a.title());
    assertTrue(a.titleDerived());
  }

  @Test
  void recordsThatCannotBeArticlesAreSkippedWithTheirLine() throws IOException {
    ProblemLog log = lenient();
    List<Article> all =
        read(
            "\n"
                + "[1, 2]\n"
                + "{\"title\": \"no id\"}\n"
                + "{\"id\": \"d\", \"title\": \"T\", \"date\": \"soon\"}\n"
                + "   \n"
                + "{\"id\": \"e\"}\n"
                + "{\"id\": \"ok\", \"title\": \"Fine\"} \n"
                + "{\"id\": \"x\"} trailing\n",
            log);
    assertEquals(List.of("ok"), all.stream().map(Article::id).toList());
    List<Problem> skips = log.skips();
    assertEquals(List.of(2L, 3L, 4L, 6L, 8L), skips.stream().map(Problem::line).toList());
    assertEquals("not a JSON object (got: an array)", skips.get(0).reason());
    assertEquals("no id", skips.get(1).reason());
    assertTrue(
        skips.get(2).reason().startsWith("unrecognized date \"soon\""), skips.get(2).reason());
    assertEquals("no text (neither a title nor a body)", skips.get(3).reason());
    assertTrue(skips.get(4).reason().startsWith("not valid JSON"), skips.get(4).reason());
    skips.forEach(p -> assertEquals("test.jsonl", p.file()));
  }

  @Test
  void strictModeThrowsAtTheFirstBadLine() throws IOException {
    ArticleReader reader =
        new JsonlArticleReader(
            "s.jsonl",
            new ByteArrayInputStream(
                "{\"id\": \"1\", \"title\": \"T\"}\n{nope\n".getBytes(StandardCharsets.UTF_8)),
            strict());
    try (reader) {
      assertTrue(reader.next().isPresent());
      CorpusFormatException e = assertThrows(CorpusFormatException.class, reader::next);
      assertEquals("s.jsonl", e.problem().file());
      assertEquals(2, e.problem().line());
    }
  }

  @Test
  void deepNestingIsAnErrorOfItsLineNotACrash() throws IOException {
    int depth = 200_000;
    String deep = "[".repeat(depth) + "]".repeat(depth);
    ProblemLog log = lenient();
    List<Article> all =
        read(
            deep
                + "\n{\"id\": \"1\", \"title\": \"T\", \"x\": "
                + deep
                + "}\n{\"id\": \"2\", \"title\": \"After\"}\n",
            log);
    assertEquals(List.of("2"), all.stream().map(Article::id).toList());
    assertEquals(List.of(1L, 2L), log.skips().stream().map(Problem::line).toList());
    log.skips().forEach(p -> assertTrue(p.reason().startsWith("not valid JSON"), p.reason()));
    assertTrue(log.skips().get(0).reason().contains("nesting depth"), log.skips().get(0).reason());
  }

  @Test
  void invalidUtf8IsReplacedAndWarnedWithItsLine() throws IOException {
    byte[] bytes =
        "{\"id\": \"1\", \"title\": \"ok\"}\n{\"id\": \"2\", \"title\": \"Caf\u00e9\"}\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    ProblemLog log = lenient();
    List<Article> all =
        readAll(new JsonlArticleReader("l1.jsonl", new ByteArrayInputStream(bytes), log));
    assertEquals("Caf\uFFFD", all.get(1).title());
    assertEquals(List.of(new Problem("l1.jsonl", 2, "invalid UTF-8 replaced")), log.warnings());
  }

  @Test
  void fileConstructorReadsAFileAndNamesItInProblems() throws IOException {
    Path file = write(dir, "a.jsonl", "\uFEFF{\"id\": \"1\", \"title\": \"T\"}\r\nnot json\r\n");
    ProblemLog log = lenient();
    List<Article> all = readAll(new JsonlArticleReader(file, log));
    assertEquals(1, all.size());
    assertFalse(all.get(0).titleDerived());
    assertEquals(file.toString(), log.skips().get(0).file());
    assertEquals(2, log.skips().get(0).line());
  }
}
