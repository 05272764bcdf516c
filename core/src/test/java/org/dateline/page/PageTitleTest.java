package org.dateline.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The title rules of {@link MetadataExtractor}, each on a hand-made page shaped as the pages of
 * trafilatura's evaluation set that taught it (issue 10).
 */
class PageTitleTest {

  private static String title(String html, String url) {
    return PageMetadata.read(Jsoup.parse(html, url), url, p -> {}).title();
  }

  @Test
  void aHeadingThatIsTheSiteNameOrLinksHomeIsNotTheHeadline() {
    // a blog theme: the site's name in an h1 (a link home) above the post's own h1; <title> has
    // the post's title and the site's name, the longer part being the site's name
    String html =
        """
        <html><head><title>Fog soup | The Life, the Master and I</title>
        <meta property="og:site_name" content="The Life, the Master and I...">
        </head><body>
        <h1 class="site-title"><a href="https://lifeblog.example/" rel="home">The Life, the Master and I…</a></h1>
        <article><h1 class="entry-title">Fog soup</h1><p>It was foggy all day.</p></article>
        </body></html>
        """;
    assertEquals("Fog soup", title(html, "https://lifeblog.example/2019/01/fog/"));
    // the same without og:site_name: the h1 is only a link to the home page
    String noSiteName = html.replace("<meta property=\"og:site_name\" content=\"The Life, the Master and I...\">", "");
    assertEquals("Fog soup", title(noSiteName, "https://lifeblog.example/2019/01/fog/"));
  }

  @Test
  void aHeadingShowingTheMetadataTitleAfterAKickerElementGivesThatTitle() {
    String html =
        """
        <html><head><title>Weekly session | Medley pyramid with GA2 - SWIM.EXAMPLE</title>
        <script type="application/ld+json">
        {"@type":"BlogPosting","headline":"Medley pyramid with GA2"}
        </script></head><body>
        <h1><span itemprop="headline"><small>Weekly session</small><br>Medley pyramid with GA2</span></h1>
        </body></html>
        """;
    assertEquals("Medley pyramid with GA2", title(html, "https://swim.example/ga2"));
  }

  @Test
  void theMostTrustedTitleAHeadingShowsWinsOverAnEarlierHeadingThatOnlyAgrees() {
    // the h1 agrees with <title> by its words; the h2 is exactly og:title, which is more trusted
    String html =
        """
        <html><head><title>Anna and Ben split: "Idiot"</title>
        <meta property="og:title" content="&quot;Idiot&quot;: Anna and Ben split up for good">
        </head><body>
        <h1>Anna and Ben split: "Idiot"</h1>
        <h2>"Idiot": Anna and Ben split up for good</h2>
        <p>After half a year ...</p>
        </body></html>
        """;
    assertEquals("\"Idiot\": Anna and Ben split up for good", title(html, "https://tonight.example/a"));
  }

  @Test
  void smallPrintAfterTheTitleInTheHeadingIsNotPartOfIt() {
    String html =
        """
        <html><head><title>Crowds return to the clubs | Handball Association</title>
        <meta property="og:title" content="Crowds return to the clubs">
        </head><body>
        <h1>Crowds return to the clubs <br><small>02.02.2022 • Association, Press</small></h1>
        </body></html>
        """;
    assertEquals("Crowds return to the clubs", title(html, "https://hvw.example/news/1"));
  }

  @Test
  void textHiddenFromReadersInAHeadingIsNotPartOfTheTitle() {
    String html =
        """
        <html><head><title>What we do not want to hear | INTERSCENAR.IO</title>
        <meta property="og:site_name" content="INTERSCENAR.IO">
        </head><body>
        <h1 class="title">What we do not want to hear<span class="element-invisible"> | OTHER.NET</span></h1>
        </body></html>
        """;
    assertEquals("What we do not want to hear", title(html, "https://interscenar.example/hoeren"));
  }

  @Test
  void aHiddenHeadingIsPassedOver() {
    String html =
        """
        <html><head><title>Dead bumblebees under lime trees: the explanation | Bumblebees</title>
        <meta property="og:title" content="Dead bumblebees under lime trees: the explanation | Bumblebees">
        </head><body>
        <h2 class="screen-reader-text">Dead bumblebees under lime trees: the explanation | Bumblebees</h2>
        <h1 class="entry-title">Dead bumblebees under lime trees</h1>
        </body></html>
        """;
    assertEquals("Dead bumblebees under lime trees", title(html, "https://bees.example/linden"));
  }

  @Test
  void aHeadingMarkedAsAStraplineIsNotTheHeadline() {
    String html =
        """
        <html><head><title>Strava maps now with more detail - Strava update: POI in the route tool</title>
        </head><body>
        <h1 class="strapline">Strava update: POI in the route tool</h1>
        <h2 class="title">Strava maps now with more detail</h2>
        </body></html>
        """;
    assertEquals("Strava maps now with more detail", title(html, "https://bike.example/strava"));
  }

  @Test
  void aHeadingThatIsAWholePartOfTheTitleAgreesWithIt() {
    // "Section: Headline": the heading is the part after the colon, the shorter part
    String html =
        """
        <html><head><title>Siemens and the Adani coal mine: Kaeser fools Neubauer - taz.example</title>
        <meta property="og:title" content="Siemens and the Adani coal mine: Kaeser fools Neubauer">
        </head><body><h1>Kaeser fools Neubauer</h1><p>Text.</p></body></html>
        """;
    assertEquals("Kaeser fools Neubauer", title(html, "https://taz.example/siemens"));
  }

  @Test
  void thePagesOneH1WinsOverAMetadataTitleItDisagreesWith() {
    String html =
        """
        <html><head><title>The Future of Artificial Intelligence in Healthcare | Appen</title>
        <meta property="og:title" content="The Future of Artificial Intelligence in Healthcare | Appen">
        <meta property="og:site_name" content="Appen">
        </head><body>
        <h1>AI in Patient Care and Operations, and How Major Hospitals Are Already Using AI</h1>
        <h2>Patient care</h2><p>Text.</p></body></html>
        """;
    assertEquals(
        "AI in Patient Care and Operations, and How Major Hospitals Are Already Using AI",
        title(html, "https://appen.example/blog/ai"));
    // two different h1s: neither is the page's heading, the metadata's title stays
    String two = html.replace("<h2>Patient care</h2>", "<h1>Newsletter</h1>");
    assertEquals(
        "The Future of Artificial Intelligence in Healthcare", title(two, "https://appen.example/blog/ai"));
  }

  @Test
  void aPageWithNeitherTitleNorH1TakesItsFirstH2OfTwoWordsOrMore() {
    String html =
        """
        <html><head></head><body>
        <h2 class="post_cat">General</h2>
        <h2 class="post_name">Malaga, the lively metropolis of Andalusia</h2>
        <p>Text.</p></body></html>
        """;
    assertEquals(
        "Malaga, the lively metropolis of Andalusia", title(html, "https://spain.example/malaga"));
  }

  @Test
  void theSiteNameIsCutWhenTheLastPartHoldsTheHostsName() {
    String html =
        """
        <html><head><title>Europe's top athletes fit for Munich 2022 - European Championships Munich 2022</title>
        </head><body><p>Text.</p></body></html>
        """;
    assertEquals(
        "Europe's top athletes fit for Munich 2022",
        title(html, "https://www.munich2022.example/news/fit"));
  }

  @Test
  void theSiteNameIsCutAtAPipeWithoutSpaces() {
    String html =
        """
        <html><head><title>NEWS WEB EASY|A law bans corporal punishment of children</title>
        <meta property="og:site_name" content="NEWS WEB EASY">
        </head><body><p>Text.</p></body></html>
        """;
    assertEquals(
        "A law bans corporal punishment of children", title(html, "https://easy.example/k100"));
  }

  @Test
  void aSitesNameIsNotFoundInsideALongerFirstPart() {
    // og:site_name "Privatkredit" is where the first part starts, but that part is no site name
    String html =
        """
        <html><head><title>Privatkredit-Zinsen: So ermitteln Sie Ihre Kosten | SMAVA</title>
        <meta property="og:site_name" content="Privatkredit">
        </head><body><p>Text.</p></body></html>
        """;
    assertEquals(
        "Privatkredit-Zinsen: So ermitteln Sie Ihre Kosten", title(html, "https://smava.example/z"));
  }

  @Test
  void aLeadingDateIsNotPartOfTheTitle() {
    String html =
        """
        <html><head><title>23.01.2022 - Wierer may still cheer at the finale - Biathlon Antholz</title>
        </head><body><h2 class="headline">23.01.2022 - Wierer may still cheer at the finale</h2>
        </body></html>
        """;
    assertEquals("Wierer may still cheer at the finale", title(html, "https://biathlon.example/n"));
  }

  @Test
  void theTitleIsInComposedUnicode() {
    // U+09DC (Bengali RRA) is excluded from composition: NFC writes it as U+09A1 U+09BC
    String html = "<html><head><title>\u098F\u09AE\u09AA\u09BF\u09B0 \u09AC\u09BE\u09DC\u09BF</title>"
        + "</head><body></body></html>";
    assertEquals("\u098F\u09AE\u09AA\u09BF\u09B0 \u09AC\u09BE\u09A1\u09BC\u09BF",
        title(html, "https://bd.example/1"));
  }

  @Test
  void runsOfSeparatorsCutTheSiteName() {
    String html =
        """
        <html><head><title>mediaarchitecture.example // » Jens Weber</title></head>
        <body><p>Text.</p></body></html>
        """;
    assertEquals("Jens Weber", title(html, "https://mediaarchitecture.example/weber"));
  }

  @Test
  void aHeadingThatLinksToAnotherPageIsATeaserNotTheHeadline() {
    String html =
        """
        <html><head><title>Rates rise again in March | The Ledger</title>
        <meta property="og:title" content="Rates rise again">
        </head><body>
        <h1>Rates rise again in March</h1><p>The bank raised its rates.</p>
        <aside><h2><a href="https://ledger.example/2017/02/rates">Rates rise again</a></h2></aside>
        </body></html>
        """;
    assertEquals("Rates rise again in March", title(html, "https://ledger.example/2017/03/rates"));
  }

  @Test
  void aLowerHeadingRepeatingTheTitleIsNoHeadline() {
    // a slider of teasers whose first one is this story, shortened as <title> is
    String html =
        """
        <html><head><title>Ultium Cells raises gigafactory capacity - Battery-News.example</title>
        <meta property="og:site_name" content="Battery-News.example">
        </head><body>
        <h1>Ultium Cells raises gigafactory capacity in Tennessee</h1><p>Text.</p>
        <div class="slider"><h3 class="entry-title" itemprop="headline">
        <a href="https://battery-news.example/ultium">Ultium Cells raises gigafactory capacity</a></h3></div>
        </body></html>
        """;
    assertEquals(
        "Ultium Cells raises gigafactory capacity in Tennessee",
        title(html, "https://battery-news.example/ultium"));
  }

  @Test
  void aLongLastPartHoldingTheHostsNameIsNoSiteName() {
    String html =
        """
        <html><head><title>Run Windows on Mac - Parallels Desktop 15 Virtual Machine for Mac</title>
        </head><body><h1>Parallels Desktop 15 for Mac</h1><h2>Run Windows on Mac</h2></body></html>
        """;
    assertEquals("Parallels Desktop 15 for Mac", title(html, "https://www.parallels.example/desktop"));
  }
}
