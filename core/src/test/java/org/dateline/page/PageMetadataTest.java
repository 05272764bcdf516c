package org.dateline.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageMetadataTest {
  private final List<String> problems = new ArrayList<>();

  private PageMetadata read(String html, String url) {
    return PageMetadata.read(Jsoup.parse(html, url == null ? "" : url), url, problems::add);
  }

  @Test
  void jsonLdInsideGraphWinsOverMetaTags() {
    PageMetadata m =
        read(
            """
            <html lang="en-GB"><head><title>Court rules on warrant | The Ledger</title>
            <meta property="og:title" content="OG title">
            <meta property="article:published_time" content="2017-01-20T08:00:00Z">
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"The Ledger"},
              {"@type":["NewsArticle"],"headline":"Court rules on warrant",
               "datePublished":"2017-01-24T10:00:00+01:00","dateModified":"2017-01-25T09:00:00Z",
               "author":[{"@type":"Person","name":"Ann Smith"},{"@type":"Person","name":"Bo Lee"}],
               "publisher":{"@type":"Organization","name":"The Ledger"},
               "description":"A short summary."}]}
            </script></head><body><p>Text</p></body></html>
            """,
            "https://www.ledger.example/2016/05/05/court");
    assertEquals("Court rules on warrant", m.title());
    assertEquals(LocalDate.of(2017, 1, 24), m.published().toLocalDate());
    assertEquals("2017-01-24T09:00:00Z", m.published().toInstant().toString());
    assertEquals("2017-01-25T09:00:00Z", m.modified().toInstant().toString());
    assertEquals(List.of("Ann Smith", "Bo Lee"), m.authors());
    assertEquals("The Ledger", m.source());
    assertEquals("en", m.language());
    assertEquals("A short summary.", m.description());
    assertTrue(problems.isEmpty(), problems::toString);
  }

  @Test
  void openGraphAndSiteNameCutFromTheTitle() {
    PageMetadata m =
        read(
            """
            <html><head><title>Oil prices fall - Daily Wire Service</title>
            <meta property="og:site_name" content="Daily Wire Service">
            <meta name="author" content="Jo Park">
            <link rel="canonical" href="/news/oil">
            </head><body><h1>Oil prices fall</h1></body></html>
            """,
            "https://www.dws.example/x?utm=1");
    assertEquals("Oil prices fall", m.title());
    assertEquals("Daily Wire Service", m.source());
    assertEquals(List.of("Jo Park"), m.authors());
    assertEquals("https://www.dws.example/news/oil", m.url());
    assertNull(m.published(), "nothing gives a date: none is guessed");
  }

  @Test
  void hostWithoutWwwIsTheSourceWhenNothingNamesThePublisher() {
    PageMetadata m = read("<html><body><p>x</p></body></html>", "https://www.example.org/a");
    assertEquals("example.org", m.source());
  }

  @Test
  void timeElementThenUrlGiveTheDate() {
    PageMetadata withTime =
        read(
            "<html><body><article><time datetime=\"2019-03-04T12:00:00Z\">4 March</time>"
                + "</article></body></html>",
            "https://example.org/2018/01/02/story");
    assertEquals(LocalDate.of(2019, 3, 4), withTime.published().toLocalDate());
    PageMetadata fromUrl = read("<html><body><p>x</p></body></html>", "https://example.org/2018/01/02/story");
    assertEquals(LocalDate.of(2018, 1, 2), fromUrl.published().toLocalDate());
    PageMetadata monthOnly = read("<html><body><p>x</p></body></html>", "https://example.org/2018/01/story");
    assertNull(monthOnly.published(), "a year and a month are not a day");
  }

  @Test
  void invalidJsonLdAndImpossibleDatesAreReportedAndPassedOver() {
    PageMetadata m =
        read(
            """
            <html><head>
            <script type="application/ld+json">{"@type":"NewsArticle", "headline": </script>
            <meta property="article:published_time" content="2017-02-30">
            <meta name="date" content="2017-02-28">
            <title>Fallback title</title></head><body></body></html>
            """,
            null);
    assertEquals("Fallback title", m.title());
    assertEquals(LocalDate.of(2017, 2, 28), m.published().toLocalDate());
    assertEquals(2, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("invalid JSON-LD"), problems::toString);
    assertTrue(problems.get(1).contains("2017-02-30"), problems::toString);
  }

  @Test
  void dateLineInTextIsReadWhenMetadataHasNone() {
    PageMetadata m =
        read(
            "<html lang=de><body><div class=\"post-date\">Veröffentlicht am 31. Mai 2012</div>"
                + "<p>Text</p></body></html>",
            null);
    assertEquals(LocalDate.of(2012, 5, 31), m.published().toLocalDate());
    assertEquals("de", m.language());
  }

  @Test
  void theHeadingReadersSeeWinsOverAShortenedOrPrefixedMetadataTitle() {
    PageMetadata m =
        read(
            """
            <html><head><title>Corona-Lockerungen: Autohäuser rechnen mit Flaute | MDR.DE</title>
            <meta property="og:title" content="Corona-Lockerungen: Autohäuser rechnen mit Flaute">
            <meta property="og:site_name" content="MDR.DE"></head>
            <body><h1 class="logo">MDR.DE</h1>
            <h1><span class="kicker">Nach Corona-Lockerungen</span>
            <span class="headline">Autohäuser rechnen mit einer langen Flaute</span></h1>
            <p>Text</p></body></html>
            """,
            null);
    assertEquals("Autohäuser rechnen mit einer langen Flaute", m.title());
  }

  @Test
  void aHeadingThatIsTheSiteNameIsPassedOverForOneThatAgreesWithTheTitle() {
    PageMetadata m =
        read(
            """
            <html><head><title>Was ist Virales Marketing? | DimidoBlog</title></head>
            <body><h1>DimidoBlog</h1><h2>Was ist Virales Marketing?</h2><p>Text</p></body></html>
            """,
            null);
    assertEquals("Was ist Virales Marketing?", m.title());
    PageMetadata hidden =
        read(
            """
            <html><head><meta property="og:site_name" content="Umweltbundesamt">
            <meta property="og:title" content="Atomkraft ist nicht nachhaltig"></head>
            <body><h1 class="hidden">Atomkraft ist nicht nachhaltig | Umweltbundesamt</h1></body>
            </html>
            """,
            null);
    assertEquals("Atomkraft ist nicht nachhaltig", hidden.title(), "site name cut from a heading");
  }

  @Test
  void theDateShownBesideTheHeadlineWinsUnlessItIsAnUpdate() {
    PageMetadata shown =
        read(
            """
            <html><head><meta property="article:published_time" content="2021-11-22T10:00:00Z">
            </head><body><h1>Wellness im Winter</h1><p class="meta">Von Ann Smith | 01.01.23</p>
            <p>Text</p></body></html>
            """,
            null);
    assertEquals(LocalDate.of(2023, 1, 1), shown.published().toLocalDate());
    PageMetadata update =
        read(
            """
            <html><head><meta property="article:published_time" content="2021-11-22T10:00:00Z">
            </head><body><h1>Wellness im Winter</h1><p>Aktualisiert am 01.01.2023</p></body></html>
            """,
            null);
    assertEquals(LocalDate.of(2021, 11, 22), update.published().toLocalDate());
    PageMetadata sameDay =
        read(
            """
            <html><head><meta property="article:published_time" content="2019-07-30T17:16:29Z">
            </head><body><h1>Story</h1><p>July 30, 2019</p></body></html>
            """,
            null);
    assertEquals("2019-07-30T17:16:29Z", sameDay.published().toInstant().toString(),
        "the metadata's time of day stays when it is the day shown");
    PageMetadata epoch =
        read("<html><head><meta property=\"article:published_time\" content=\"1970-01-01T00:00:00Z\">"
            + "</head><body><p>x</p></body></html>", null);
    assertNull(epoch.published(), "a zero timestamp is no date");
  }

  @Test
  void aDateLabelledAsThePublicationsIsRead() {
    PageMetadata m =
        read(
            "<html><body><div><p>Folge 158</p><p>Veröffentlicht am 16.08.2019<br>Dauer: 1 Stunde"
                + "</p></div></body></html>",
            null);
    assertEquals(LocalDate.of(2019, 8, 16), m.published().toLocalDate());
  }

  @Test
  void bylineNamesAreTheAuthorsWhenMetadataNamesNone() {
    PageMetadata m =
        read(
            """
            <html><body><h1>Story</h1><p class="author">Von Fiona Bornhöft und Mariam Hofbeck</p>
            <p>Text</p><div class="comments"><span class="comment-author">Troll42</span></div>
            </body></html>
            """,
            null);
    assertEquals(List.of("Fiona Bornhöft", "Mariam Hofbeck"), m.authors());
    PageMetadata none =
        read("<html><body><div class=\"author-box\">Posted 3 times since 2019</div></body></html>",
            null);
    assertEquals(List.of(), none.authors(), "not a name");
  }
}
