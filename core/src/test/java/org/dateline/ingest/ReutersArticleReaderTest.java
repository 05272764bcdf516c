package org.dateline.ingest;

import static org.dateline.ingest.Corpora.byId;
import static org.dateline.ingest.Corpora.lenient;
import static org.dateline.ingest.Corpora.readAll;
import static org.dateline.ingest.Corpora.sharedData;
import static org.dateline.ingest.Corpora.strict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.dateline.Article;
import org.dateline.Problem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReutersArticleReaderTest {
  private static final String SAMPLE =
      """
      <!DOCTYPE lewis SYSTEM "lewis.dtd">
      <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
      <DATE>26-FEB-1987 15:01:01.79</DATE>
      <TOPICS><D>cocoa</D><D>grain</D></TOPICS>
      <PLACES><D>el-salvador</D><D>usa</D></PLACES>
      <PEOPLE></PEOPLE>
      <ORGS></ORGS>
      <EXCHANGES><D>nyse</D></EXCHANGES>
      <COMPANIES></COMPANIES>
      <UNKNOWN>\s
      &#5;&#5;&#5;C T
      &#22;&#22;&#1;f0704&#31;reute
      u f BC-BAHIA-COCOA-REVIEW   02-26 0105</UNKNOWN>
      <TEXT>&#2;
      <TITLE>BAHIA &lt;COCOA> REVIEW &amp; MORE</TITLE>
      <DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in
      the Bahia cocoa zone &lt;BCZ>, said Mueller&#127;.
          Second paragraph.
       Reuter
      &#3;</BODY></TEXT>
      </REUTERS>
      <REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5573" NEWID="30">
      <DATE>27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM</DATE>
      <TOPICS></TOPICS>
      <PLACES></PLACES>
      <PEOPLE></PEOPLE>
      <ORGS></ORGS>
      <EXCHANGES></EXCHANGES>
      <COMPANIES></COMPANIES>
      <TEXT TYPE="BRIEF">&#2;
      ******<TITLE>ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK
      </TITLE>Blah blah blah.
      &#3;

      </TEXT>
      </REUTERS>
      <REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5595" NEWID="55">
      <DATE>31-MAR-1987 605:12:19.12</DATE>
      <TOPICS></TOPICS>
      <PLACES><D>usa</D></PLACES>
      <TEXT TYPE="UNPROC">&#2;
      FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26
          Two weeks ended Feb 25      daily avgs-mlns
       Net free reserves.............644 vs.....1,337
      &#3;

      </TEXT>
      </REUTERS>
      <REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1762" NEWID="56">
      <DATE> 9-APR-1987 11:09:05.79    # date added by S Finch as guesswork </DATE>
      <TEXT TYPE="UNPROC">&#2;
      &#3;

      </TEXT>
      </REUTERS>
      """;

  private static List<Article> readSample(ProblemLog log) throws IOException {
    return readAll(
        new ReutersArticleReader(
            "sample.sgm",
            new ByteArrayInputStream(SAMPLE.getBytes(StandardCharsets.ISO_8859_1)),
            log));
  }

  @Test
  void documentFieldsAreRead() throws IOException {
    Article a = byId(readSample(lenient()), "1");
    assertEquals("BAHIA <COCOA> REVIEW & MORE", a.title());
    assertFalse(a.titleDerived());
    assertEquals(Instant.parse("1987-02-26T15:01:01.790Z"), a.date());
    assertEquals("Reuters", a.source());
    assertEquals(null, a.url());
    assertEquals(
        Map.of(
            "topics", List.of("cocoa", "grain"),
            "places", List.of("el-salvador", "usa"),
            "exchanges", List.of("nyse"),
            "dateline", List.of("SALVADOR, Feb 26")),
        a.fields());
    assertEquals(
        "Showers continued throughout the week in\nthe Bahia cocoa zone <BCZ>, said Mueller.\n"
            + "    Second paragraph.\n Reuter",
        a.body());
  }

  @Test
  void briefItemHasATitleAndNoBody() throws IOException {
    Article a = byId(readSample(lenient()), "30");
    assertEquals(
        "ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK", a.title());
    assertEquals("", a.body());
    assertEquals(Instant.parse("1987-03-27T00:02:59.130Z"), a.date());
  }

  @Test
  void unprocessedTextIsTheBodyAndItsFirstLineTheTitle() throws IOException {
    ProblemLog log = lenient();
    Article a = byId(readSample(log), "55");
    assertTrue(a.titleDerived());
    assertEquals("FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26", a.title());
    assertTrue(
        a.body().startsWith("FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26\n    Two weeks"), a.body());
    assertTrue(a.body().endsWith("644 vs.....1,337"), a.body());
  }

  @Test
  void impossibleTimeKeepsTheDayWithAWarning() throws IOException {
    ProblemLog log = lenient();
    List<Article> all = readSample(log);
    assertEquals(Instant.parse("1987-03-31T00:00:00Z"), byId(all, "55").date());
    assertEquals(Instant.parse("1987-04-09T11:09:05.790Z"), byId(all, "56").date());
    assertEquals(
        new Problem(
            "sample.sgm", 37, "DATE \"31-MAR-1987 605:12:19.12\" has no valid time; kept the day"),
        log.warnings().get(0));
  }

  @Test
  void documentWithoutTextIsKeptWithAWarning() throws IOException {
    ProblemLog log = lenient();
    Article a = byId(readSample(log), "56");
    assertEquals("", a.title());
    assertEquals("", a.body());
    assertEquals(0, log.skipCount());
    assertEquals(2, log.warningCount(), log.warnings()::toString);
  }

  @Test
  void documentWithoutNewIdOrEndIsSkipped() throws IOException {
    String sgm =
        "<REUTERS OLDID=\"1\">\n<TEXT><TITLE>NO ID</TITLE></TEXT>\n</REUTERS>\n"
            + "<REUTERS NEWID=\"2\">\n<TEXT><TITLE>CUT SHORT</TITLE>\n";
    ProblemLog log = lenient();
    List<Article> all =
        readAll(
            new ReutersArticleReader(
                "bad.sgm",
                new ByteArrayInputStream(sgm.getBytes(StandardCharsets.ISO_8859_1)),
                log));
    assertEquals(List.of(), all);
    assertEquals(
        List.of(
            new Problem("bad.sgm", 1, "document without a NEWID"),
            new Problem("bad.sgm", 4, "document not closed by </REUTERS>")),
        log.skips());
    assertThrows(
        CorpusFormatException.class,
        () ->
            readAll(
                new ReutersArticleReader(
                    "bad.sgm",
                    new ByteArrayInputStream(sgm.getBytes(StandardCharsets.ISO_8859_1)),
                    strict())));
  }

  // ---- The real collection, from the shared data folder. ----

  private static Path archive() {
    Path tgz = sharedData().resolve("reuters21578/reuters21578.tar.gz");
    Assumptions.assumeTrue(
        Files.isRegularFile(tgz), "Reuters-21578 not found at " + tgz + "; skipping its tests");
    return tgz;
  }

  /** What our own scan of the raw SGML says, to compare the reader with. */
  private record Raw(
      int documents,
      int titles,
      Map<String, Integer> topicCounts,
      int usaPlaces,
      int escapedLessThanInText,
      String umlautDocumentId) {}

  private static List<Article> articles;
  private static ProblemLog log;
  private static Raw raw;

  @BeforeAll
  static void readCollectionOnce() throws IOException {
    Path tgz = sharedData().resolve("reuters21578/reuters21578.tar.gz");
    if (!Files.isRegularFile(tgz)) {
      return;
    }
    log = lenient();
    articles = readAll(ArticleReaders.open(List.of(tgz), Format.AUTO, log));
    raw = scan(tgz);
  }

  private static Raw scan(Path tgz) throws IOException {
    Pattern doc = Pattern.compile("<REUTERS[^>]*NEWID=\"(\\d+)\"(.*?)</REUTERS>", Pattern.DOTALL);
    Pattern topics = Pattern.compile("<TOPICS>(.*?)</TOPICS>", Pattern.DOTALL);
    Pattern d = Pattern.compile("<D>(.*?)</D>");
    Pattern text = Pattern.compile("<TEXT[^>]*>(.*?)</TEXT>", Pattern.DOTALL);
    int documents = 0;
    int titles = 0;
    int usa = 0;
    int lt = 0;
    String umlaut = null;
    Map<String, Integer> topicCounts = new LinkedHashMap<>();
    try (InputStream in =
            new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(tgz))));
        TarArchiveInputStream tar = (TarArchiveInputStream) in) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (!e.getName().endsWith(".sgm")) {
          continue;
        }
        String sgm = new String(tar.readAllBytes(), StandardCharsets.ISO_8859_1);
        Matcher m = doc.matcher(sgm);
        while (m.find()) {
          documents++;
          String body = m.group(2);
          if (body.contains("<TITLE>")) {
            titles++;
          }
          if (body.indexOf('\u00FC') >= 0) {
            umlaut = m.group(1);
          }
          Matcher t = topics.matcher(body);
          if (t.find()) {
            Matcher v = d.matcher(t.group(1));
            while (v.find()) {
              topicCounts.merge(v.group(1), 1, Integer::sum);
            }
          }
          if (body.matches("(?s).*<PLACES>[^\n]*<D>usa</D>.*")) {
            usa++;
          }
          Matcher x = text.matcher(body);
          if (x.find()) {
            lt += count(x.group(1), "&lt;");
          }
        }
      }
    }
    return new Raw(documents, titles, topicCounts, usa, lt, umlaut);
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
      n++;
    }
    return n;
  }

  @Test
  void everyDocumentOfTheCollectionComesThroughOnce() {
    archive();
    assertEquals(21_578, raw.documents());
    assertEquals(21_578, articles.size());
    BitSet seen = new BitSet();
    for (Article a : articles) {
      int id = Integer.parseInt(a.id());
      assertFalse(seen.get(id), "id twice: " + id);
      seen.set(id);
    }
    assertEquals(21_578, seen.cardinality());
    assertEquals(1, seen.nextSetBit(0));
    assertEquals(21_578, seen.length() - 1);
    assertEquals(0, log.skipCount(), () -> "skipped: " + log.skips());
  }

  @Test
  void firstDocumentMatchesTheRawFile() {
    archive();
    Article a = articles.get(0);
    assertEquals("1", a.id());
    assertEquals("BAHIA COCOA REVIEW", a.title());
    assertEquals(Instant.parse("1987-02-26T15:01:01.790Z"), a.date());
    assertEquals(List.of("cocoa"), a.fields().get("topics"));
    assertEquals(List.of("el-salvador", "usa", "uruguay"), a.fields().get("places"));
    assertEquals(List.of("SALVADOR, Feb 26"), a.fields().get("dateline"));
    assertTrue(
        a.body().startsWith("Showers continued throughout the week in\nthe Bahia cocoa zone"));
    assertTrue(a.body().endsWith("Reuter"), a.body());
  }

  @Test
  void messyDatesAreReadAsFarAsTheyGo() {
    archive();
    // reut2-010.sgm: "27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM"
    assertEquals(Instant.parse("1987-03-27T00:02:59.130Z"), byId(articles, "10279").date());
    // reut2-015.sgm: "9-APR-1987 00:00:00.00    # date added by S Finch as guesswork "
    assertEquals(Instant.parse("1987-04-09T00:00:00Z"), byId(articles, "15370").date());
    // reut2-017.sgm: "31-MAR-1987 605:12:19.12", a three-digit hour: the day is kept.
    assertEquals(Instant.parse("1987-03-31T00:00:00Z"), byId(articles, "17192").date());
    Instant first = Instant.parse("1987-02-26T00:00:00Z");
    Instant last = Instant.parse("1987-10-21T00:00:00Z");
    for (Article a : articles) {
      assertNotNull(a.date(), a.id());
      assertTrue(!a.date().isBefore(first) && a.date().isBefore(last), a.id() + " " + a.date());
    }
  }

  @Test
  void latin1ByteIsDecoded() {
    archive();
    assertNotNull(raw.umlautDocumentId(), "the raw files hold one 0xFC byte");
    Article a = byId(articles, raw.umlautDocumentId());
    assertTrue(a.body().contains("world economic growth.\u00FCside measures"), a.body());
  }

  @Test
  void entitiesAreDecodedAndControlCharactersDropped() {
    archive();
    int lessThan = 0;
    for (Article a : articles) {
      for (String s : List.of(a.title(), a.body())) {
        assertFalse(s.contains("&lt;") || s.contains("&amp;") || s.contains("&#"), a.id());
        assertTrue(
            s.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'), a.id());
      }
      // A derived title repeats the start of the body: count each escaped '<' once.
      lessThan += count(a.body(), "<") + (a.titleDerived() ? 0 : count(a.title(), "<"));
      for (String dateline : a.fields().getOrDefault("dateline", List.of())) {
        lessThan += count(dateline, "<");
      }
    }
    assertEquals(raw.escapedLessThanInText(), lessThan);
  }

  @Test
  void titlesAndCategoriesMatchTheRawFiles() {
    archive();
    assertEquals(raw.titles(), articles.stream().filter(a -> !a.titleDerived()).count());
    Map<String, Integer> topics = new LinkedHashMap<>();
    int usa = 0;
    for (Article a : articles) {
      for (String t : a.fields().getOrDefault("topics", List.of())) {
        topics.merge(t, 1, Integer::sum);
      }
      if (a.fields().getOrDefault("places", List.of()).contains("usa")) {
        usa++;
      }
    }
    assertEquals(raw.topicCounts(), topics);
    assertEquals(3_987, topics.get("earn"));
    assertEquals(raw.usaPlaces(), usa);
  }

  @Test
  void explicitReutersFormatReadsTheSameArchive() throws IOException {
    Path tgz = archive();
    ProblemLog explicit = lenient();
    List<String> ids = new ArrayList<>();
    try (ArticleReader r = ArticleReaders.open(List.of(tgz), Format.REUTERS, explicit)) {
      for (var a = r.next(); a.isPresent(); a = r.next()) {
        ids.add(a.get().id());
      }
    }
    assertEquals(articles.stream().map(Article::id).toList(), ids);
  }
}
