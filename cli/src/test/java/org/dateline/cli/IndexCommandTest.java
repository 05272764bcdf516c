package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.dateline.NewsIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dateline index}: summary, strict mode, default source, --replace, and its errors. */
class IndexCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path index;
  private Path feed;
  private Cli cli;

  @BeforeEach
  void setUp() throws Exception {
    index = tmp.resolve("index");
    feed = tmp.resolve("feed.jsonl");
    Files.writeString(
        feed,
        """
        {"id": "a1", "title": "Oil prices rise", "body": "Crude oil rose on Monday.", "date": "1987-03-02", "source": "Wire"}
        {"id": "a2", "title": "Cocoa talks stall", "body": "Cocoa producers met in London.", "date": "1987-03-09"}
        {"id": "a3", "title": "Oil output cut", "body": "Producers agreed to cut oil output.", "date": "1987-04-01", "source": "Wire"}
        {"title": "No id here", "body": "This line has no id."}
        """);
    cli = Cli.withCache(tmp.resolve("cache"));
  }

  @Test
  void indexingPrintsWhatWasAddedAndTheFirstSkippedRecords() {
    Cli.Run r = cli.run("index", feed.toString(), "--index", index.toString());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().startsWith("Indexed 3 articles into " + index + " in "), r::toString);
    assertTrue(r.out().matches("(?s).*added +3\n.*replaced +0\n.*skipped +1\n.*"), r::toString);
    assertTrue(r.out().contains("First skipped records:\n  " + feed + ":4: "), r::toString);
    assertEquals("", r.err(), "no progress bar when stderr is not a terminal: " + r);
  }

  @Test
  void indexingTheSameInputAgainReplaces() {
    cli.run("index", feed.toString(), "--index", index.toString());
    Cli.Run r = cli.run("index", feed.toString(), "--index", index.toString());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().matches("(?s).*added +0\n.*replaced +3\n.*"), r::toString);
  }

  @Test
  void theIndexVariableNamesTheFolder() {
    Cli.Run r = cli.env(Environment.INDEX_VARIABLE, index.toString()).run("index", feed.toString());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(Files.isDirectory(index));
  }

  @Test
  void strictStopsAtTheFirstBadRecordAndIndexesNothing() throws Exception {
    Cli.Run r = cli.run("index", feed.toString(), "--index", index.toString(), "--strict");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().startsWith("dateline: bad input: " + feed + ":4: "), r::toString);
    assertFalse(r.err().contains("\tat "), r::toString);
    assertFalse(Files.exists(index), "a new index that got nothing is not left behind");
  }

  @Test
  void sourceFillsInArticlesThatHaveNone() throws Exception {
    cli.run("index", feed.toString(), "--index", index.toString(), "--source", "Agency");
    JsonNode doc =
        JSON.readTree(
            cli.run("search", "cocoa", "--index", index.toString(), "--json").out());
    assertEquals("Agency", doc.get("hits").get(0).get("source").asText(), doc::toString);
    doc = JSON.readTree(cli.run("search", "oil", "--index", index.toString(), "--json").out());
    assertEquals("Wire", doc.get("hits").get(0).get("source").asText(), "given sources stay");
  }

  @Test
  void formatTextReadsAJsonFileAsText() throws Exception {
    Cli.Run r = cli.run("index", feed.toString(), "--index", index.toString(), "--format", "text");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().startsWith("Indexed 1 article into "), r::toString);
  }

  @Test
  void anUnknownFormatExitsTwo() {
    Cli.Run r = cli.run("index", feed.toString(), "--index", index.toString(), "--format", "xml");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("--format"), r::toString);
  }

  @Test
  void replaceSwapsInAnIndexOfTheNewInputAlone() throws Exception {
    cli.run("index", feed.toString(), "--index", index.toString());
    Path other = tmp.resolve("other.jsonl");
    Files.writeString(other, "{\"id\": \"b1\", \"title\": \"Gold\", \"body\": \"Gold fell.\"}\n");
    Cli.Run r = cli.run("index", other.toString(), "--index", index.toString(), "--replace");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    JsonNode stats = JSON.readTree(cli.run("stats", "--index", index.toString(), "--json").out());
    assertEquals(1, stats.get("articles").asLong(), stats::toString);
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(
          0, s.filter(p -> p.getFileName().toString().startsWith("index.")).count(),
          "no sibling folders left");
    }
  }

  @Test
  void replaceRefusesAFolderThatHoldsOtherFiles() throws Exception {
    Path mine = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(mine.resolve("notes.txt"), "keep me");
    Cli.Run r = cli.run("index", feed.toString(), "--index", mine.toString(), "--replace");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("holds files but no index"), r::toString);
    assertEquals("keep me", Files.readString(mine.resolve("notes.txt")));
  }

  @Test
  void aFailedReplaceLeavesTheOldIndex() throws Exception {
    cli.run("index", feed.toString(), "--index", index.toString());
    Cli.Run r = cli.run("index", feed.toString(), "--index", index.toString(), "--replace", "--strict");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    JsonNode stats = JSON.readTree(cli.run("stats", "--index", index.toString(), "--json").out());
    assertEquals(3, stats.get("articles").asLong(), stats::toString);
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith("index.")).count());
    }
  }

  @Test
  void withoutAnIndexFolderItExitsTwoAndWritesNothing() {
    Cli.Run r = cli.run("index", feed.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("name an index folder with --index DIR or DATELINE_INDEX"), r::toString);
    assertFalse(Files.exists(tmp.resolve("cache")), "the sample cache is never written by index");
  }

  @Test
  void aMissingInputExitsTwo() {
    Cli.Run r = cli.run("index", tmp.resolve("nope.jsonl").toString(), "--index", index.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("no such file or folder: " + tmp.resolve("nope.jsonl")), r::toString);
    assertFalse(Files.exists(index), "no index made for nothing");
  }

  @Test
  void inputWithNoArticlesExitsTwo() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Cli.Run r = cli.run("index", empty.toString(), "--index", index.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("nothing was indexed"), r::toString);
  }

  @Test
  void aLockedIndexExitsThree() throws Exception {
    try (NewsIndex writer = NewsIndex.open(index)) {
      Cli.Run r = cli.run("index", feed.toString(), "--index", index.toString());
      assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code(), r::toString);
      assertTrue(r.err().contains("another process"), r::toString);
    }
  }

  @Test
  void anIndexFolderThatIsAFileExitsThreeAndSaysSo() throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
    Cli.Run r = cli.run("index", feed.toString(), "--index", file.toString());
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code(), r::toString);
    assertTrue(r.err().contains("is a file, not an index folder"), r::toString);
  }

  @Test
  void noPathExitsTwo() {
    Cli.Run r = cli.run("index", "--index", index.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("Missing required parameter"), r::toString);
  }

  /** A .tar.gz of HTML documents, as CACM comes. */
  private Path htmlArchive() throws Exception {
    Path archive = tmp.resolve("docs.tar.gz");
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(archive)))) {
      String[][] docs = {
        {"DOC-1.html", "<html><pre>\nThe Oil Market\nCrude oil prices &amp; output rose.\n</pre></html>"},
        {"DOC-2.html", "<html><pre>\nCocoa Talks\nThe producers of cocoa met.\n</pre></html>"}
      };
      for (String[] d : docs) {
        byte[] bytes = d[1].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry("docs/" + d[0]);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
    return archive;
  }

  @Test
  void formatHtmlTakesTheFirstLineAsTitleAndTheFileNameAsId() throws Exception {
    Cli.Run r = cli.run("index", htmlArchive().toString(), "--format", "trec-html", "--index", index.toString());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().startsWith("Indexed 2 articles into "), r::toString);
    JsonNode doc = JSON.readTree(cli.run("show", "DOC-1", "--index", index.toString(), "--json").out());
    assertEquals("The Oil Market", doc.get("title").asText(), doc::toString);
    assertEquals("Crude oil prices & output rose.", doc.get("body").asText(), doc::toString);
  }

  @Test
  void htmlTitleNonePutsAllTheTextInTheBody() throws Exception {
    Cli.Run r =
        cli.run(
            "index", htmlArchive().toString(), "--format", "trec-html", "--html-title", "none",
            "--index", index.toString());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    JsonNode doc = JSON.readTree(cli.run("show", "DOC-2", "--index", index.toString(), "--json").out());
    assertTrue(doc.get("body").asText().startsWith("Cocoa Talks\nThe producers"), doc::toString);
    assertEquals("", doc.get("title").asText(), doc::toString);
  }

  @Test
  void htmlTitleWithoutFormatHtmlExitsTwo() {
    Cli.Run r = cli.run("index", feed.toString(), "--index", index.toString(), "--html-title", "none");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("--html-title applies to --format trec-html only"), r::toString);
    assertFalse(Files.exists(index), r::toString);
  }

  @Test
  void formatHtmlOnAFolderExitsTwo() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("pages"));
    Cli.Run r = cli.run("index", folder.toString(), "--format", "trec-html", "--index", index.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("--format trec-html reads .tar.gz archives of .html files; " + folder + " is a folder"), r::toString);
  }

  @Test
  void formatHtmlOnAFileThatIsNoArchiveExitsTwoNamingIt() {
    Cli.Run r = cli.run("index", feed.toString(), "--format", "trec-html", "--index", index.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains(feed + " is not a .tar.gz archive of .html files"), r::toString);
  }

  @Test
  void analysisIsKeptWithTheIndexAndAnotherOneExitsTwo() throws Exception {
    Cli.Run r =
        cli.run("index", feed.toString(), "--index", index.toString(), "--analysis", "english-stopwords-porter");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    // "the" is an English stop word: with that analysis it is not indexed.
    assertEquals(ExitCodes.NO_MATCH, cli.run("search", "the", "--index", index.toString()).code());
    r = cli.run("index", feed.toString(), "--index", index.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(
        r.err().startsWith(
            "dateline: index " + index + " was created with analysis english-stopwords-porter and"
                + " cannot be written with news"),
        r::toString);
    assertTrue(r.err().contains("pass the analysis it was created with to --analysis"), r::toString);
    r = cli.run("index", feed.toString(), "--index", index.toString(), "--analysis", "ENGLISH_STOPWORDS_PORTER");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
  }

  @Test
  void theNewsAnalysisKeepsStopWords() {
    cli.run("index", feed.toString(), "--index", index.toString());
    assertEquals(ExitCodes.OK, cli.run("search", "on", "--index", index.toString()).code());
  }

  @Test
  void anUnknownAnalysisExitsTwo() {
    Cli.Run r = cli.run("index", feed.toString(), "--index", index.toString(), "--analysis", "klingon");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("analysis must be one of news, english-stopwords-porter (got: klingon)"), r::toString);
  }

  @Test
  void commitIntervalsAreConfigurableAndTheSummaryCountsTheCommits() {
    Cli.Run once = cli.run("index", feed.toString(), "--index", index.toString());
    assertTrue(once.out().matches("(?s).*commits +1\n.*"), once::toString);
    Cli.Run each =
        cli.run("index", feed.toString(), "--index", tmp.resolve("each").toString(), "--commit-every", "1");
    assertEquals(ExitCodes.OK, each.code(), each::toString);
    assertTrue(each.out().matches("(?s).*commits +3\n.*"), "one commit per article: " + each);
  }

  @Test
  void aCommitIntervalBelowOneExitsTwo() {
    Cli.Run r = cli.run("index", feed.toString(), "--index", index.toString(), "--commit-every", "0");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("--commit-every and --commit-seconds must be at least 1"), r::toString);
  }
}
