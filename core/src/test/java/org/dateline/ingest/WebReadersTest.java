package org.dateline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.dateline.Article;
import org.dateline.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML, WARC and feed readers on real pages from trafilatura's set and on broken input. */
class WebReadersTest {
  @TempDir Path dir;

  private static final String THREATPOST_URL =
      "https://threatpost.com/android-ransomware-sex-simulation-game-reddit-sms/146888/";

  private static Map<String, byte[]> pages() throws IOException {
    return TrafilaturaPages.read(
        List.of(TrafilaturaPages.THREATPOST, TrafilaturaPages.SCHNEEMS, TrafilaturaPages.PIRATEN));
  }

  private static void assertThreatpost(Article a) {
    assertEquals(
        "Android Ransomware Spreads Via ‘Sex Simulation Game’ Links on Reddit, SMS", a.title());
    assertEquals("2019-07-30T17:16:29Z", a.date().toString());
    assertTrue(a.body().contains("These messages include links to the ransomware"), a.body());
    assertFalse(a.body().contains("Subscribe to our Threatpost Today newsletter"), a.body());
    assertFalse(a.body().contains("Any md5 or sha256"), "a reader's comment: " + a.body());
    assertEquals(List.of("en"), a.fields().get("language"));
  }

  @Test
  void htmlFolderGivesRelativeIdsCanonicalUrlsAndMetadata() throws IOException {
    Map<String, byte[]> pages = pages();
    for (Map.Entry<String, byte[]> p : pages.entrySet()) {
      Corpora.write(dir, "site/" + p.getKey(), p.getValue());
    }
    ProblemLog log = Corpora.lenient();
    List<Article> all =
        Corpora.readAll(ArticleReaders.open(List.of(dir), Format.AUTO, log, ReadOptions.DEFAULT));
    assertEquals(3, all.size(), log.skips()::toString);
    Article t = Corpora.byId(all, "site/" + TrafilaturaPages.THREATPOST);
    assertThreatpost(t);
    assertTrue(t.url().startsWith("https://threatpost.com/"), t.url());
    Article s = Corpora.byId(all, "site/" + TrafilaturaPages.SCHNEEMS);
    assertEquals("Pair With Me: Rubocop Cop that Detects Duplicate Array Allocations", s.title());
    assertEquals("2018-10-09", s.date().toString().substring(0, 10));
    assertTrue(s.body().contains("You might know rubocop"));
    assertFalse(s.body().contains("Join the hundreds of developers"), s.body());
    Article p = Corpora.byId(all, "site/" + TrafilaturaPages.PIRATEN);
    assertTrue(p.body().contains("Diese Seite war gestern nicht erreichbar"), p.body());
    assertFalse(p.body().contains("Klarmachen zum Ändern!"), p.body());
    assertEquals(List.of("de"), p.fields().get("language"));
  }

  @Test
  void keepBoilerplateReadsThePageWhole() throws IOException {
    Path file = Corpora.write(dir, "t.html", pages().get(TrafilaturaPages.THREATPOST));
    List<BlockDecision> decisions = new ArrayList<>();
    List<Article> whole =
        Corpora.readAll(
            ArticleReaders.open(
                List.of(file), Format.HTML, Corpora.lenient(),
                ReadOptions.DEFAULT.withKeepBoilerplate(true).explainingTo(decisions::add)));
    assertTrue(whole.get(0).body().contains("Subscribe to our Threatpost Today newsletter"));
    assertEquals(1, decisions.size());
    assertEquals("boilerplate kept", decisions.get(0).reason());
  }

  @Test
  void explainReportsEveryBlockWithItsReason() throws IOException {
    Path file = Corpora.write(dir, "t.html", pages().get(TrafilaturaPages.THREATPOST));
    List<BlockDecision> decisions = new ArrayList<>();
    Corpora.readAll(
        ArticleReaders.open(
            List.of(file), Format.AUTO, Corpora.lenient(),
            ReadOptions.DEFAULT.explainingTo(decisions::add)));
    assertTrue(
        decisions.stream().anyMatch(d -> d.kept() && d.text().contains("These messages include")));
    assertTrue(
        decisions.stream()
            .anyMatch(d -> !d.kept() && d.text().contains("Any md5 or sha256")),
        "the comment is reported as dropped");
  }

  @Test
  void tarGzOfPagesIsReadEntryByEntry() throws IOException {
    Path tgz = dir.resolve("pages.tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      for (Map.Entry<String, byte[]> p : pages().entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry("crawl/" + p.getKey());
        e.setSize(p.getValue().length);
        tar.putArchiveEntry(e);
        tar.write(p.getValue());
        tar.closeArchiveEntry();
      }
    }
    List<Article> all =
        Corpora.readAll(ArticleReaders.open(List.of(tgz), Format.AUTO, Corpora.lenient()));
    assertEquals(3, all.size());
    assertThreatpost(Corpora.byId(all, "crawl/" + TrafilaturaPages.THREATPOST));
  }

  // ------------------------------------------------------------------ WARC

  private static byte[] record(String type, String uri, String contentType, byte[] block,
      String... extraHeaders) {
    StringBuilder h = new StringBuilder("WARC/1.0\r\n");
    h.append("WARC-Type: ").append(type).append("\r\n");
    h.append("WARC-Record-ID: <urn:uuid:").append(java.util.UUID.nameUUIDFromBytes(
        (type + uri).getBytes(StandardCharsets.UTF_8))).append(">\r\n");
    h.append("WARC-Date: 2020-01-01T00:00:00Z\r\n");
    if (uri != null) {
      h.append("WARC-Target-URI: ").append(uri).append("\r\n");
    }
    for (String x : extraHeaders) {
      h.append(x).append("\r\n");
    }
    h.append("Content-Type: ").append(contentType).append("\r\n");
    h.append("Content-Length: ").append(block.length).append("\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(block);
    out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] http(String headers, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("HTTP/1.1 200 OK\r\n" + headers + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] chunked(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int half = body.length / 2;
    for (byte[] part : new byte[][] {Arrays.copyOf(body, half), Arrays.copyOfRange(body, half, body.length)}) {
      out.writeBytes((Integer.toHexString(part.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(part);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** Records: warcinfo, request, two pages (one chunked and gzip-encoded), an image, a truncated page. */
  private static List<byte[]> warcRecords() throws IOException {
    Map<String, byte[]> pages = pages();
    byte[] threat = pages.get(TrafilaturaPages.THREATPOST);
    byte[] schneems = pages.get(TrafilaturaPages.SCHNEEMS);
    String reqUri = "https://www.schneems.com/2018/10/09/pair-with-me/";
    return List.of(
        record("warcinfo", null, "application/warc-fields", "software: test\r\n".getBytes(StandardCharsets.UTF_8)),
        record("request", THREATPOST_URL, "application/http; msgtype=request",
            "GET / HTTP/1.1\r\nHost: threatpost.com\r\n\r\n".getBytes(StandardCharsets.UTF_8)),
        record("response", THREATPOST_URL, "application/http; msgtype=response",
            http("Content-Type: text/html; charset=UTF-8\r\nContent-Length: " + threat.length + "\r\n", threat)),
        record("response", reqUri, "application/http; msgtype=response",
            http("Content-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
                + "Transfer-Encoding: chunked\r\n", chunked(gzip(schneems)))),
        record("response", "https://threatpost.com/logo.png", "application/http; msgtype=response",
            http("Content-Type: image/png\r\nContent-Length: 4\r\n", new byte[] {1, 2, 3, 4})),
        record("response", "https://threatpost.com/big", "application/http; msgtype=response",
            http("Content-Type: text/html\r\nContent-Length: 9\r\n", "<p>cut</p".getBytes(StandardCharsets.UTF_8)),
            "WARC-Truncated: length"));
  }

  private static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private void assertWarcRead(List<Article> all, ProblemLog log) {
    assertEquals(2, all.size(), log.skips()::toString);
    Article t = all.get(0);
    assertThreatpost(t);
    assertEquals(t.url(), t.id(), "a WARC page's id is its URL");
    assertTrue(t.url().startsWith("https://threatpost.com/android-ransomware"), t.url());
    Article s = all.get(1);
    assertTrue(s.body().contains("You might know rubocop"), "chunked, gzip-encoded body decoded");
    assertEquals(2, log.skipCount(), log.skips()::toString);
    List<String> reasons = log.skips().stream().map(Problem::toString).toList();
    assertTrue(reasons.get(0).contains(":5: record 5 (https://threatpost.com/logo.png): not HTML (image/png)"), reasons::toString);
    assertTrue(reasons.get(1).contains(":6: record 6 (https://threatpost.com/big): truncated by the crawler"), reasons::toString);
    assertTrue(
        log.warnings().stream().anyMatch(w -> w.reason().equals(
            "records that are not pages passed over: 1 request, 1 warcinfo")),
        log.warnings()::toString);
  }

  @Test
  void warcResponsesArePagesAndTheRestIsCounted() throws IOException {
    Path warc = Corpora.write(dir, "crawl.warc", concat(warcRecords()));
    ProblemLog log = Corpora.lenient();
    assertWarcRead(Corpora.readAll(ArticleReaders.open(List.of(warc), Format.AUTO, log)), log);
  }

  @Test
  void warcGzRecordByRecord() throws IOException {
    List<byte[]> members = new ArrayList<>();
    for (byte[] r : warcRecords()) {
      members.add(gzip(r));
    }
    Path warc = Corpora.write(dir, "crawl.warc.gz", concat(members));
    ProblemLog log = Corpora.lenient();
    ArticleReader reader = ArticleReaders.open(List.of(warc), Format.AUTO, log);
    assertWarcRead(Corpora.readAll(reader), log);
  }

  @Test
  void warcCutMidRecordKeepsWhatCameBefore() throws IOException {
    byte[] all = concat(warcRecords().subList(0, 4));
    Path warc = Corpora.write(dir, "cut.warc", Arrays.copyOf(all, all.length - 2000));
    ProblemLog log = Corpora.lenient();
    List<Article> read = Corpora.readAll(ArticleReaders.open(List.of(warc), Format.AUTO, log));
    assertEquals(1, read.size());
    assertThreatpost(read.get(0));
    assertEquals(1, log.skipCount());
    assertTrue(log.skips().get(0).toString().contains("cut.warc:4: WARC damaged or cut off at record 4"),
        log.skips()::toString);
  }

  @Test
  void corruptGzipMemberEndsTheFileWithAProblemAndKeepsWhatWasRead() throws IOException {
    List<byte[]> members = new ArrayList<>();
    for (byte[] r : warcRecords().subList(0, 4)) {
      members.add(gzip(r));
    }
    byte[] last = members.get(3);
    for (int i = 20; i < last.length - 20; i += 7) {
      last[i] ^= 0x5A;
    }
    Path warc = Corpora.write(dir, "bad.warc.gz", concat(members));
    ProblemLog log = Corpora.lenient();
    List<Article> read = Corpora.readAll(ArticleReaders.open(List.of(warc), Format.WARC, log));
    assertEquals(1, read.size());
    assertThreatpost(read.get(0));
    assertEquals(1, log.skipCount(), log.skips()::toString);
    assertTrue(log.skips().get(0).reason().startsWith("WARC damaged or cut off at record 4"));
  }

  // ------------------------------------------------------------------ feeds

  @Test
  void rssItemsWithContentEncodedBeforeDescription() throws IOException {
    byte[] page = pages().get(TrafilaturaPages.PIRATEN);
    String story = org.jsoup.Jsoup.parse(new String(page, StandardCharsets.UTF_8))
        .select("p").outerHtml();
    String rss =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Piraten Marburg</title><link>https://www.piratenpartei-marburg.de/</link>
        <item><title>Wir unterstützen Fridays for Future</title>
          <link>https://www.piratenpartei-marburg.de/2019/09/21/wir-unterstuetzen-fridays-for-future/</link>
          <pubDate>Sat, 21 Sep 2019 10:00:00 +0200</pubDate><dc:creator>flerche</dc:creator>
          <description>Short teaser only.</description>
          <content:encoded><![CDATA[%s<script>alert(1)</script>]]></content:encoded></item>
        <item><title>Second &lt;b&gt;item&lt;/b&gt;</title><link>https://example.org/2</link>
          <description>&lt;p&gt;Only a &lt;b&gt;description&lt;/b&gt; here.&lt;/p&gt;</description></item>
        <item><description>No link, no guid.</description></item>
        </channel></rss>
        """.formatted(story);
    Path file = Corpora.write(dir, "feed.xml", rss);
    ProblemLog log = Corpora.lenient();
    List<Article> all = Corpora.readAll(ArticleReaders.open(List.of(file), Format.AUTO, log));
    assertEquals(2, all.size(), log.skips()::toString);
    Article a = all.get(0);
    assertEquals("Wir unterstützen Fridays for Future", a.title());
    assertEquals("2019-09-21T08:00:00Z", a.date().toString());
    assertEquals("Piraten Marburg", a.source());
    assertEquals(List.of("flerche"), a.fields().get("authors"));
    assertTrue(a.body().contains("Diese Seite war gestern nicht erreichbar"), a.body());
    assertFalse(a.body().contains("Short teaser only") || a.body().contains("alert(1)"), a.body());
    assertEquals("Second item", all.get(1).title());
    assertEquals("Only a description here.", all.get(1).body());
    assertNull(all.get(1).date());
    assertEquals(1, log.skipCount());
    assertTrue(log.skips().get(0).toString().endsWith("feed.xml:3: item 3: no link or guid to use as its id"),
        log.skips()::toString);
  }

  private static String xmlEscaped(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Test
  void feedItemsThatArePagesGetThePageExtractionAndSummariesStayWhole() throws IOException {
    String page = new String(pages().get(TrafilaturaPages.THREATPOST), StandardCharsets.UTF_8);
    String rss =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Threatpost feed</title><link>https://threatpost.com/</link>
        <item><link>%s</link>
          <content:encoded>%s</content:encoded></item>
        <item><title>A summary</title><link>https://example.org/s</link>
          <pubDate>Sat, 21 Sep 2019 10:00:00 +0200</pubDate>
          <description>%s</description></item>
        </channel></rss>
        """
            .formatted(
                THREATPOST_URL,
                xmlEscaped(page),
                xmlEscaped("<p>Short <b>summary</b> of the story.</p><p>Read more</p>"));
    Path file = Corpora.write(dir, "feed.rss", rss);
    ProblemLog log = Corpora.lenient();
    List<Article> all = Corpora.readAll(ArticleReaders.open(List.of(file), Format.AUTO, log));
    assertEquals(2, all.size(), log.skips()::toString);
    Article pageItem = all.get(0);
    // the item gives no title, date or language: the page's metadata does
    assertThreatpost(pageItem);
    assertEquals(THREATPOST_URL, pageItem.id());
    assertEquals("Threatpost feed", pageItem.source());
    Article summary = all.get(1);
    assertEquals("Short summary of the story.\n\nRead more", summary.body(),
        "a summary is short: kept whole, its last line too");
    assertEquals("2019-09-21T08:00:00Z", summary.date().toString());
    assertFalse(FeedArticleReader.isWholePage("<p>Short <b>summary</b>.</p>"));
    assertTrue(FeedArticleReader.isWholePage("<html><body><p>x</p></body></html>"));
  }

  @Test
  void atomFeed() throws IOException {
    String atom =
        """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
        <id>urn:x</id><updated>2020-01-02T00:00:00Z</updated>
        <entry><title>Atom entry</title><link href="https://example.org/a"/><id>urn:a</id>
          <published>2020-01-01T12:00:00Z</published><updated>2020-01-02T00:00:00Z</updated>
          <author><name>Ann</name></author>
          <summary>Summary text.</summary>
          <content type="html">&lt;p&gt;Full text, first paragraph.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</content>
        </entry></feed>
        """;
    Path file = Corpora.write(dir, "news.atom", atom);
    List<Article> all = Corpora.readAll(ArticleReaders.open(List.of(file), Format.AUTO, Corpora.lenient()));
    assertEquals(1, all.size());
    Article a = all.get(0);
    assertEquals("https://example.org/a", a.id());
    assertEquals("Full text, first paragraph.\n\nSecond.", a.body());
    assertEquals("2020-01-01T12:00:00Z", a.date().toString());
    assertEquals(List.of("2020-01-02T00:00:00Z"), a.fields().get("modified"));
    assertEquals(List.of("Ann"), a.fields().get("authors"));
  }

  @Test
  void feedThatIsNotXmlIsOneProblemAndTheRestIsRead() throws IOException {
    Path bad = Corpora.write(dir, "in/broken.rss", "this is { not xml <at all");
    Corpora.write(dir, "in/page.html", pages().get(TrafilaturaPages.SCHNEEMS));
    ProblemLog log = Corpora.lenient();
    List<Article> all = Corpora.readAll(ArticleReaders.open(List.of(dir.resolve("in")), Format.AUTO, log));
    assertEquals(1, all.size());
    assertEquals(1, log.skipCount());
    assertTrue(log.skips().get(0).toString().startsWith(bad + ": not an RSS or Atom feed"), log.skips()::toString);
  }

  @Test
  void xmlThatIsNotAFeedIsPassedOverInAFolder() throws IOException {
    Corpora.write(dir, "in/sitemap-style.xml", "<?xml version=\"1.0\"?><urlset><url/></urlset>");
    Corpora.write(dir, "in/page.html", pages().get(TrafilaturaPages.SCHNEEMS));
    ProblemLog log = Corpora.lenient();
    List<Article> all = Corpora.readAll(ArticleReaders.open(List.of(dir.resolve("in")), Format.AUTO, log));
    assertEquals(1, all.size());
    assertEquals(0, log.skipCount(), log.skips()::toString);
  }

  // ------------------------------------------------------------------ bad pages

  @Test
  void brokenPagesGetCountedProblemsAndTheRestIsIndexed() throws IOException {
    Path in = dir.resolve("in");
    Corpora.write(in, "a-good.html", pages().get(TrafilaturaPages.SCHNEEMS));
    Corpora.write(in, "b-menu-only.html", "<html><body><nav><a href=/>Home</a></nav></body></html>");
    byte[] huge = new byte[50 << 20];
    Arrays.fill(huge, (byte) 'a');
    byte[] head = "<html><body><p>".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, huge, 0, head.length);
    Corpora.write(in, "c-huge.html", huge);
    // Latin-1 bytes declared as such, and a page with no charset whose bytes are not UTF-8
    String story = "<p>" + "Die Straße über den Fluß wurde gesperrt, sagte der Bürgermeister. ".repeat(8) + "</p>";
    Corpora.write(in, "d-latin1.html",
        ("<html><head><meta charset=\"iso-8859-1\"><title>Straße gesperrt</title></head><body><article>"
            + story + "</article></body></html>").getBytes(StandardCharsets.ISO_8859_1));
    Corpora.write(in, "e-nocharset.html",
        ("<html><body><article>" + story + "</article></body></html>").getBytes(StandardCharsets.ISO_8859_1));
    Corpora.write(in, "f-broken.html", "<html><body><div class=story><p>" + story.substring(3)
        + "<p>unclosed <b>bold <table><tr><td>cell");
    ProblemLog log = Corpora.lenient();
    List<Article> all = Corpora.readAll(ArticleReaders.open(List.of(in), Format.AUTO, log));
    List<String> ids = all.stream().map(Article::id).toList();
    assertEquals(List.of("a-good.html", "d-latin1.html", "e-nocharset.html", "f-broken.html"), ids);
    assertTrue(Corpora.byId(all, "d-latin1.html").body().contains("Die Straße über den Fluß"));
    assertEquals("Straße gesperrt", Corpora.byId(all, "d-latin1.html").title());
    assertTrue(Corpora.byId(all, "e-nocharset.html").body().contains("Stra\uFFFDe"),
        "bytes that are not UTF-8 are replaced, not fatal");
    assertEquals(2, log.skipCount(), log.skips()::toString);
    assertEquals(in.resolve("b-menu-only.html") + ": no article text found", log.skips().get(0).toString());
    assertTrue(log.skips().get(1).toString().startsWith(in.resolve("c-huge.html") + ": page too large"));
  }

  @Test
  void strictModeStopsAtTheFirstBadPage() throws IOException {
    Path page = Corpora.write(dir, "menu.html", "<html><body><nav><a href=/>Home</a></nav></body></html>");
    ArticleReader reader = ArticleReaders.open(List.of(page), Format.HTML, Corpora.strict());
    CorpusFormatException e =
        org.junit.jupiter.api.Assertions.assertThrows(CorpusFormatException.class, () -> Corpora.readAll(reader));
    assertTrue(e.getMessage().contains("no article text found"), e.getMessage());
  }
}
