package org.dateline.ingest;

import static org.dateline.ingest.Corpora.byId;
import static org.dateline.ingest.Corpora.lenient;
import static org.dateline.ingest.Corpora.readAll;
import static org.dateline.ingest.Corpora.seeds;
import static org.dateline.ingest.Corpora.strict;
import static org.dateline.ingest.Corpora.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dateline.Article;
import org.dateline.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextArticleReaderTest {
  private static final Instant JAN_24 = Instant.parse("2017-01-24T00:00:00Z");

  private static List<Article> seedArticles;
  private static ProblemLog seedLog;

  @TempDir Path dir;

  @TempDir static Path rawSeeds;

  /** The seed texts alone, without the corpus metadata, to test what the text itself gives. */
  @BeforeAll
  static void readSeeds() throws IOException {
    try (var files = Files.list(seeds())) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        Files.copy(p, rawSeeds.resolve(p.getFileName()));
      }
    }
    seedLog = lenient();
    seedArticles = readAll(new TextArticleReader(rawSeeds, seedLog));
  }

  @Test
  void sampleCorpusTakesSourceDateAndTitleFromItsMetadata() throws IOException {
    ProblemLog log = lenient();
    Map<String, Article> read = new java.util.HashMap<>();
    readAll(new TextArticleReader(seeds(), log)).forEach(a -> read.put(a.id(), a));
    assertEquals(0, log.skipCount() + log.warningCount(), () -> "problems: " + log.skips() + log.warnings());
    var rows =
        new com.fasterxml.jackson.dataformat.csv.CsvMapper()
            .readerFor(Map.class)
            .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
            .<Map<String, String>>readValues(seeds().resolve("metadata.csv").toFile())
            .readAll();
    assertEquals(5, rows.size());
    assertEquals(5, read.size());
    for (Map<String, String> row : rows) {
      Article a = read.get(row.get("file"));
      assertEquals(row.get("source"), a.source(), row.get("file"));
      assertEquals(Instant.parse(row.get("date") + "T00:00:00Z"), a.date(), row.get("file"));
      if (!row.get("title").isEmpty()) {
        assertEquals(row.get("title"), a.title(), row.get("file"));
        assertFalse(a.titleDerived());
      } else {
        assertTrue(a.titleDerived(), row.get("file") + " has no headline: title derived");
      }
    }
  }

  private static Article seed(String prefix) {
    return seedArticles.stream()
        .filter(a -> a.id().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no seed " + prefix));
  }

  private List<Article> read(Path path) throws IOException {
    return readAll(new TextArticleReader(path, lenient()));
  }

  private Article readOne(String text) throws IOException {
    List<Article> all = read(write(dir, "one.txt", text));
    assertEquals(1, all.size(), "articles read");
    return all.get(0);
  }

  @Test
  void seedsAreReadInNameOrderWithFileNamesAsIds() throws IOException {
    List<String> expected;
    try (var files = Files.list(rawSeeds)) {
      expected =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".txt"))
              .sorted()
              .toList();
    }
    assertEquals(5, expected.size());
    assertEquals(expected, seedArticles.stream().map(Article::id).toList());
    assertEquals(0, seedLog.skipCount(), () -> "skips: " + seedLog.skips());
  }

  @Test
  void dateOnTheFirstLineOfSeed000IsParsedAndTheRestStartsTheBody() {
    Article a = seed("000_");
    assertEquals(JAN_24, a.date());
    assertTrue(a.body().startsWith("A federal appeals court in the US"), a.body());
    assertFalse(a.body().contains("2017-01-24"));
  }

  @Test
  void seed002HasTheDateAndNoOneWordHeadline() {
    Article a = seed("002_");
    assertEquals(JAN_24, a.date());
    // "News" is one word: not a headline, so it stays in the body and the title is derived.
    assertTrue(a.titleDerived());
    assertTrue(a.body().startsWith("News\n\nCourt denies US government appeal"), a.body());
  }

  @Test
  void headlinesOfSeeds001And003BecomeTitlesAndLeaveTheBody() {
    Article a = seed("001_");
    assertEquals("Microsoft wins in mail sharing case", a.title());
    assertFalse(a.titleDerived());
    assertTrue(a.body().startsWith("POSTMANPATSoftware king of the world"), a.body());
    assertEquals(null, a.date());

    Article b = seed("003_");
    assertEquals("Microsoft keeps offshore emails private after US judgement", b.title());
    assertFalse(b.titleDerived());
    assertTrue(b.body().startsWith("Microsoft has retained the right"), b.body());
  }

  @Test
  void seed004WithoutHeadlineGetsTitleFromItsFirstSentenceCutAtAWord() {
    Article a = seed("004_");
    assertTrue(a.titleDerived());
    assertTrue(a.title().endsWith("\u2026"), a.title());
    String head = a.title().substring(0, a.title().length() - 1);
    assertTrue(head.length() <= Titles.MAX_DERIVED, head);
    assertTrue(head.length() > 60, "cut too early: " + head);
    String firstSentence =
        "Microsoft swings and misses in its attempt to push back against a U.S. warrant"
            + " demanding access to emails stored on its servers.";
    assertTrue(a.body().startsWith(firstSentence), a.body());
    assertTrue(firstSentence.startsWith(head), head);
    assertEquals(' ', firstSentence.charAt(head.length()), "cut inside a word: " + head);
    // The body keeps the sentence the title came from.
    assertTrue(a.body().startsWith("Microsoft swings"));
  }

  @Test
  void paragraphsAreSeparatedByOneBlankLine() {
    Article a = seed("000_");
    assertTrue(a.body().contains("Ireland.\n\nThe case concerned"), a.body());
    assertFalse(a.body().contains("\n\n\n"));
  }

  @Test
  void colonAndBareHeaderFormsAreRead() throws IOException {
    Article a =
        readOne(
            "date: 2017-01-24\n"
                + "source Reuters\n"
                + "Title: Court refuses to reconsider\n"
                + "url https://example.com/story\n"
                + "id: story-1\n"
                + "\n"
                + "The court said no.\n");
    assertEquals(JAN_24, a.date());
    assertEquals("Reuters", a.source());
    assertEquals("Court refuses to reconsider", a.title());
    assertFalse(a.titleDerived());
    assertEquals("https://example.com/story", a.url());
    assertEquals("story-1", a.id());
    assertEquals("The court said no.", a.body());
  }

  @Test
  void rfc1123DatesAreReadInBothForms() throws IOException {
    Instant expected = Instant.parse("2017-01-24T10:00:00Z");
    Article colon = readOne("Date: Tue, 24 Jan 2017 10:00:00 GMT\n\nBody text here.\n");
    assertEquals(expected, colon.date());
    Article bare = readOne("date Tue, 24 Jan 2017 10:00:00 GMT The court ruled today.\n");
    assertEquals(expected, bare.date());
    assertEquals("The court ruled today.", bare.body());
  }

  @Test
  void bareDateTakesTheLongestRunOfWordsThatIsADate() throws IOException {
    Article a = readOne("date January 24, 2017 Microsoft won again.\n");
    assertEquals(JAN_24, a.date());
    assertEquals("Microsoft won again.", a.body());
  }

  @Test
  void bareKeyMustBeLowerCase() throws IOException {
    Article a = readOne("Source Reuters said the talks failed.\n");
    assertEquals("", a.source());
    assertTrue(a.body().startsWith("Source Reuters said"), a.body());
  }

  @Test
  void dateFollowedByAnOrdinaryWordIsBodyText() throws IOException {
    Article a = readOne("date night is back in fashion, says a survey.\n");
    assertEquals(null, a.date());
    assertEquals("date night is back in fashion, says a survey.", a.body());
  }

  @Test
  void headerEndsAtTheFirstLineThatIsNotOne() throws IOException {
    Article a = readOne("title: Real title\nThe story begins.\nsource: not a header\n");
    assertEquals("Real title", a.title());
    assertEquals("", a.source());
    assertEquals("The story begins.\nsource: not a header", a.body());
  }

  @Test
  void headerTitleWinsOverAHeadlineLine() throws IOException {
    Article a = readOne("title: Given title\n\nA line that looks like a headline\n\nBody.\n");
    assertEquals("Given title", a.title());
    assertEquals("A line that looks like a headline\n\nBody.", a.body());
  }

  @Test
  void byteOrderMarkAndCarriageReturnsAreDropped() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text =
        "date 2017-01-24\r\n\r\nLine one.\r\n\r\n\r\nLine two.\r\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(text, 0, all, bom.length, text.length);
    List<Article> read = read(write(dir, "bom.txt", all));
    assertEquals(1, read.size());
    assertEquals(JAN_24, read.get(0).date());
    assertEquals("Line one.\n\nLine two.", read.get(0).body());
  }

  @Test
  void folderTreeIdsAreRelativePathsAndOnlyTextFilesCount() throws IOException {
    write(dir, "b/z.txt", "Second folder story here.");
    write(dir, "a.TXT", "Upper case extension story.");
    write(dir, "b/y.Text", "Another extension story.");
    write(dir, "notes.md", "Not an article.");
    write(dir, ".hidden.txt", "Hidden file.");
    write(dir, ".git/x.txt", "Hidden folder.");
    write(dir, "c/d/e.txt", "Deep story.");
    ProblemLog log = lenient();
    List<Article> all = readAll(new TextArticleReader(dir, log));
    assertEquals(
        List.of("a.TXT", "b/y.Text", "b/z.txt", "c/d/e.txt"),
        all.stream().map(Article::id).toList());
    assertEquals(0, log.skipCount());
  }

  @Test
  void singleFileIdIsItsName() throws IOException {
    List<Article> all = read(write(dir, "sub/story.txt", "A story of one file."));
    assertEquals("story.txt", all.get(0).id());
  }

  @Test
  void metadataCsvOverridesTheTextAndAddsFields() throws IOException {
    write(dir, "a.txt", "date 2017-01-24 Body of a.\n");
    write(dir, "sub/b.txt", "Headline of b goes here\n\nBody of b.\n");
    write(
        dir,
        "metadata.csv",
        "file,title,date,source,section,Story ID\n"
            + "a.txt,Title from metadata,2018-03-01,IDG News Service,world,\n"
            + "sub/b.txt,,,,\"tech, law\",42\n");
    ProblemLog log = lenient();
    List<Article> all = readAll(new TextArticleReader(dir, log));
    assertEquals(2, all.size());
    Article a = byId(all, "a.txt");
    assertEquals("Title from metadata", a.title());
    assertFalse(a.titleDerived());
    assertEquals(Instant.parse("2018-03-01T00:00:00Z"), a.date());
    assertEquals("IDG News Service", a.source());
    assertEquals(Map.of("section", List.of("world")), a.fields());
    assertEquals("Body of a.", a.body());

    Article b = byId(all, "sub/b.txt");
    assertEquals("Headline of b goes here", b.title());
    assertEquals(Map.of("section", List.of("tech, law"), "story_id", List.of("42")), b.fields());
    assertEquals(0, log.skipCount() + log.warningCount(), () -> log.skips() + " " + log.warnings());
  }

  @Test
  void metadataJsonlIsReadToo() throws IOException {
    write(dir, "a.txt", "A short story about courts.");
    write(
        dir,
        "metadata.jsonl",
        "{\"file\": \"a.txt\", \"id\": \"A-1\", \"title\": \"Courts\", \"date\":"
            + " \"2017-01-24T10:00:00Z\", \"url\": \"https://example.com/a\", \"tags\": [\"law\","
            + " \"eu\"], \"extra\": {\"x\": 1}}\n");
    List<Article> all = read(dir);
    assertEquals(1, all.size());
    Article a = all.get(0);
    assertEquals("A-1", a.id());
    assertEquals("Courts", a.title());
    assertEquals(Instant.parse("2017-01-24T10:00:00Z"), a.date());
    assertEquals("https://example.com/a", a.url());
    assertEquals(Map.of("tags", List.of("law", "eu")), a.fields());
  }

  @Test
  void singleFileUsesTheMetadataOfItsFolder() throws IOException {
    Path file = write(dir, "a.txt", "Some text of a story.");
    write(dir, "metadata.csv", "file,title\na.txt,From the folder\nmissing.txt,Nobody\n");
    ProblemLog log = lenient();
    List<Article> all = readAll(new TextArticleReader(file, log));
    assertEquals("From the folder", all.get(0).title());
    assertEquals(0, log.warningCount(), () -> "warnings: " + log.warnings());
  }

  @Test
  void metadataRowForAMissingFileIsAWarning() throws IOException {
    write(dir, "a.txt", "Some text of a story.");
    Path csv = write(dir, "metadata.csv", "file,title\na.txt,A\nmissing.txt,Nobody\n");
    ProblemLog log = lenient();
    List<Article> all = readAll(new TextArticleReader(dir, log));
    assertEquals(1, all.size());
    assertEquals(1, log.warningCount());
    assertEquals(
        new Problem(csv.toString(), 3, "no such file: missing.txt"), log.warnings().get(0));
    assertEquals(0, log.skipCount());
  }

  @Test
  void metadataDateThatDoesNotParseIsAProblemOfThatArticle() throws IOException {
    write(dir, "a.txt", "Story a.");
    write(dir, "b.txt", "Story b.");
    Path csv = write(dir, "metadata.csv", "file,date\na.txt,2017-01-24\nb.txt,someday\n");
    ProblemLog log = lenient();
    List<Article> all = readAll(new TextArticleReader(dir, log));
    assertEquals(List.of("a.txt"), all.stream().map(Article::id).toList());
    assertEquals(1, log.skipCount());
    Problem p = log.skips().get(0);
    assertEquals(csv.toString(), p.file());
    assertEquals(3, p.line());
    assertTrue(p.reason().contains("someday"), p.reason());

    CorpusFormatException e =
        assertThrows(
            CorpusFormatException.class, () -> readAll(new TextArticleReader(dir, strict())));
    assertEquals(new Problem(csv.toString(), 3, p.reason()), e.problem());
  }

  @Test
  void headerKeysFoldCaseTheSameInATurkishLocale() throws IOException {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    try {
      Article a = readOne("ID: story-9\nTITLE: Istanbul\n\nBody.\n");
      assertEquals("story-9", a.id());
      assertEquals("Istanbul", a.title());
    } finally {
      Locale.setDefault(before);
    }
  }
}
