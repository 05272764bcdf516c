package org.dateline.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The rules that pick a page's date of publication, each on a hand-made page. */
class PageDatesTest {
  private final List<String> problems = new ArrayList<>();

  private LocalDate published(String html) {
    PageMetadata m =
        PageMetadata.read(Jsoup.parse(html, "https://news.example/story"), "https://news.example/story",
            problems::add);
    return m.published() == null ? null : m.published().toLocalDate();
  }

  @Test
  void itempropDatePublishedOnAnyElement() {
    assertEquals(
        LocalDate.of(2020, 3, 18),
        published(
            """
            <html><body><h2>Podcast: the virus update</h2>
            <div class="subline"><span itemprop="datePublished"
              content="2020-03-18T13:15:00.000+01:00"></span> NDR Info</div>
            <p>Episode text.</p></body></html>
            """));
  }

  @Test
  void aDateInsideASentenceBesideTheHeadlineIsNotTheStorysDate() {
    assertEquals(
        LocalDate.of(2022, 1, 11),
        published(
            """
            <html><head><meta property="article:published_time" content="2022-01-11T09:50:50+01:00">
            </head><body><h1>Fishing show in Rostock in May</h1>
            <p>The date of the next fishing show is set: on 21 May 2022 anglers from all over the
            country will meet in the park, with talks, stands and casting lessons for all.</p>
            </body></html>
            """));
    assertEquals(
        LocalDate.of(2022, 1, 26),
        published(
            """
            <html><head><meta name="date" content="2022-01-26"></head><body>
            <h1>Neue Anforderungen an Nachweise</h1>
            <p>Mit der am 15. Januar 2022 in Kraft getretenen Verordnung ändern sich die
            Anforderungen an Impf- und Genesenennachweise für alle Bürgerinnen und Bürger.</p>
            </body></html>
            """));
  }

  @Test
  void aDateLineOpeningALongParagraphBesideTheHeadlineStillCounts() {
    assertEquals(
        LocalDate.of(2022, 1, 25),
        published(
            """
            <html><head><meta name="date" content="2022-01-20"></head><body>
            <h1>Ministerin besucht Welternährungsprogramm</h1>
            <p>Pressemitteilung vom 25. Januar 2022 | Berlin – Die Ministerin hat heute in Rom
            das Welternährungsprogramm besucht und weitere Hilfe für die Region zugesagt.</p>
            </body></html>
            """));
  }

  @Test
  void slashDatesAreReadDayFirstUnlessThePageIsUsEnglish() {
    String byline =
        """
        <html lang="%s"><body><h1>University halls in lockdown</h1>
        <div class="meta"><span>The Guardian</span> <span>%s</span></div>
        <p>Story.</p></body></html>
        """;
    assertEquals(LocalDate.of(2020, 10, 2), published(byline.formatted("en-GB", "02/10/2020")));
    assertEquals(LocalDate.of(2023, 11, 8), published(byline.formatted("en-US", "11/08/2023")));
    assertEquals(
        LocalDate.of(2020, 12, 31),
        published(byline.formatted("en-GB", "12/31/2020")),
        "31 cannot be a month: the first number is the month");
    assertEquals(
        LocalDate.of(2016, 12, 3),
        published(byline.formatted("de", "Posted: 03/12/16")),
        "a two-digit year is this century's");
  }

  @Test
  void aCompoundWordEndingInUpdateIsNoUpdateLabel() {
    String page =
        """
        <html><body><nav><a href="/corona">Corona-Update</a></nav>
        <figcaption><small>31.01.2022 2. HBL</small>
        <h1>New head coach for Dormagen</h1></figcaption></body></html>
        """;
    assertEquals(LocalDate.of(2022, 1, 31), published(page));
    assertEquals(
        LocalDate.of(2022, 2, 1),
        published(
            """
            <html><head><meta name="date" content="2022-02-01"></head><body>
            <h1>Snow report</h1><p class="x">Updated: 05.02.2022</p></body></html>
            """),
        "a date labelled as an update's is still not taken for the publication's");
  }

  @Test
  void aStoryParagraphOpeningWithADateLineGivesTheDate() {
    assertEquals(
        LocalDate.of(2022, 1, 27),
        published(
            """
            <html><body><div>Menu</div><p>Von Claudia Lindner</p>
            <p>27.1.2022 - Bei der Erinnerung an die Verfolgten des NS-Regimes waren queere
            Opfer lange vergessen.</p></body></html>
            """));
    assertEquals(
        LocalDate.of(2021, 10, 11),
        published(
            """
            <html><body><p>Bonn, 11.10.2021: Das THW würdigt die Frauen in seinen Reihen.</p>
            </body></html>
            """));
    assertNull(
        published(
            """
            <html><body><p>27.1.2022 war ein kalter Tag, an dem viele Menschen
            der Opfer gedachten.</p></body></html>
            """),
        "a date that opens a sentence is not a date line");
  }

  @Test
  void thePagesDateLineAwayFromTheHeadlineBeatsTheMetadata() {
    assertEquals(
        LocalDate.of(2019, 5, 6),
        published(
            """
            <html><head><meta property="article:published_time" content="2016-08-29T10:00:00Z">
            </head><body><div class="hero"><img src="a.jpg"></div>
            <div class="post-date">May 6, 2019</div><p>How to grow hydrangeas.</p></body></html>
            """),
        "readers see the date line's day; the metadata's is often a first draft's");
  }

  @Test
  void aDateBeforeTheWebBesideTheHeadlineIsNotThePagesDate() {
    assertNull(
        published(
            """
            <html><body><h1>The psyop files</h1><p>30 April 1964</p></body></html>
            """));
  }

  @Test
  void badDatesGiveAProblemOrNoDateNeverAnException() {
    assertNull(
        published(
            """
            <html><head><meta property="article:published_time" content="2017-02-30">
            </head><body><p>x</p></body></html>
            """));
    assertTrue(problems.stream().anyMatch(p -> p.contains("2017-02-30")), problems::toString);
    problems.clear();
    assertNull(
        published(
            """
            <html><head><meta property="article:published_time" content="0000-01-01">
            </head><body><p>x</p></body></html>
            """),
        "year 0 is no page's date");
    assertNull(
        published(
            """
            <html><body><h1>Results</h1><div class="date">31/31/2020</div></body></html>
            """));
    assertFalse(problems.stream().anyMatch(p -> p.contains("Exception")), problems::toString);
  }

  @Test
  void aDateStandingAloneInItsElementGivesTheDateWhenNothingElseDoes() {
    String page =
        """
        <html><body><nav><a href="/archive">31.12.2021</a></nav>
        <div class="newsSingleHeader"><b>Synchronschwimmen</b><br>
        <span class="blue">01.02.2022</span> Kategorie: Verband</div>
        <p>Am 03.01.2022 begann die Saison.</p></body></html>
        """;
    assertEquals(LocalDate.of(2022, 2, 1), published(page), "links and sentences are skipped");
    assertEquals(
        LocalDate.of(2023, 11, 1),
        published(
            """
            <html><body><p class="lead">Hybrid battery</p><p><em>
              01.11.2023 11:35
            </em></p><p>Text of the release.</p></body></html>
            """),
        "a date with its time of day stands alone too");
    assertNull(
        published(
            """
            <html><body><label>Aktualisiert:</label><div>05.01.2022</div>
            <p>Text.</p><footer><span>01.01.2022</span></footer></body></html>
            """),
        "an update's date and a footer's are no publication date");
  }

  @Test
  void russianAndUkrainianMonthNames() {
    assertEquals(
        LocalDate.of(2016, 8, 15),
        published(
            """
            <html><body><p class="date">15 августа 2016, 13:43</p>
            <p>Подольски завершил карьеру в сборной.</p></body></html>
            """));
    assertEquals(
        LocalDate.of(2016, 8, 15),
        published(
            """
            <html><body><p class="date">15 серпня 2016</p><p>Текст.</p></body></html>
            """));
  }

  @Test
  void drupalsSubmittedByLineLabelsThePublicationDate() {
    assertEquals(
        LocalDate.of(2017, 7, 24),
        published(
            """
            <html><body><div class="submitted">Gespeichert von <span>rasos</span>
            am 24. Juli 2017 - 18:55</div><p>FairCoin Hackathon in Wien.</p></body></html>
            """));
    assertEquals(
        LocalDate.of(2017, 7, 24),
        published(
            """
            <html><body><div class="submitted">Submitted by Jane Doe on 24 July 2017</div>
            <p>Text.</p></body></html>
            """));
  }

  @Test
  void aPublicationDateInAScriptsDataGivesTheDateWhenNothingElseDoes() {
    assertEquals(
        LocalDate.of(2016, 11, 4),
        published(
            """
            <html><body><p>Great service.</p><script>window.data = {"review":
            {"id":"581c","publishedDate":"2016-11-04T20:37:27Z","updatedDate":"2016-11-05T20:39:47Z"}};
            </script></body></html>
            """));
    assertEquals(
        LocalDate.of(2019, 3, 2),
        published(
            """
            <html><body><p>Bio coffee beans.</p><script>var meta = {"product":
            {"published_at":"2019-03-02T06:22:28+01:00","created_at":"2019-03-01T06:27:24+01:00"}};
            </script></body></html>
            """));
    assertNull(
        published(
            """
            <html><body><p>Text.</p><script>var x = {"updatedAt":"2019-03-02T06:22:28Z",
            "publishDate":""};</script></body></html>
            """),
        "an update's date and an empty one are no publication date");
  }
}
