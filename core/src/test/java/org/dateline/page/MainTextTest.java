package org.dateline.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dateline.ingest.BlockDecision;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MainTextTest {
  private static final String PAGE =
      """
      <html><body>
      <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/tech">Tech</a></nav>
      <div class="layout">
        <div class="story">
          <h1>Court sides with Microsoft</h1>
          <p>A federal appeals court ruled on Thursday that the government cannot force the
             company to hand over emails stored on servers abroad, a decision with wide reach.</p>
          <p>The judges said the Stored Communications Act does not reach data held outside the
             United States, and they sent the case back to the lower court, which had ruled.</p>
          <blockquote>"This is a major victory for privacy," the company's lawyer said.</blockquote>
          <ul><li>First point of the ruling, written out.</li><li>Second point, also.</li></ul>
          <div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a></div>
          <p><a href="/a">Related: Deal Alert 34% off SanDisk</a></p>
        </div>
        <aside class="sidebar"><p>Most popular: a story about cats, with many words in it here.</p></aside>
      </div>
      <div class="comments"><p>First comment! This is great news for everyone, I think so.</p></div>
      <footer>Copyright 2017 The Ledger</footer>
      </body></html>
      """;

  @Test
  void keepsTheStoryWithItsParagraphBreaksAndDropsTheFurniture() {
    List<BlockDecision> decisions = new ArrayList<>();
    String text = MainText.extract(Jsoup.parse(PAGE), decisions::add);
    assertTrue(text.contains("a decision with wide reach.\n\nThe judges said"), text);
    assertTrue(text.contains("\"This is a major victory for privacy,\""), text);
    assertTrue(text.contains("First point of the ruling, written out.\nSecond point, also."), text);
    for (String debris : List.of("Home", "Share", "Tweet", "SanDisk", "cats", "First comment", "Copyright")) {
      assertFalse(text.contains(debris), debris + " in: " + text);
    }
    assertTrue(
        decisions.stream().anyMatch(d -> !d.kept() && d.text().contains("SanDisk")
            && d.reason().startsWith("link density")),
        decisions::toString);
    assertTrue(
        decisions.stream().anyMatch(d -> !d.kept() && d.text().contains("First comment")
            && d.reason().contains("boilerplate by its name")),
        decisions::toString);
    assertTrue(decisions.stream().anyMatch(d -> d.kept() && d.text().startsWith("The judges")));
  }

  @Test
  void wholeKeepsEverythingButScripts() {
    Document doc = Jsoup.parse(PAGE.replace("<nav>", "<script>var x = 1;</script><nav>"));
    String text = MainText.whole(doc);
    assertTrue(text.contains("SanDisk") && text.contains("First comment") && text.contains("Home"));
    assertFalse(text.contains("var x"));
  }

  @Test
  void pageWithoutStoryGivesNoText() {
    String text =
        MainText.extract(
            Jsoup.parse("<html><body><nav><a href=/>Home</a></nav><ul><li><a href=/a>A</a></li>"
                + "<li><a href=/b>B</a></li></ul></body></html>"),
            null);
    assertEquals("", text);
  }

  @Test
  void brokenMarkupIsRepairedNotFatal() {
    String text =
        MainText.extract(
            Jsoup.parse("<html><body><div class=article><p>Unclosed paragraph with enough words"
                + " to be a story paragraph, and a comma, and more words that follow on. ".repeat(4)
                + "<p>Second <b>bold <i>nested sentence.</p></div><table><tr><td>cell"),
            null);
    assertTrue(text.startsWith("Unclosed paragraph"), text);
    assertTrue(text.endsWith("\n\nSecond bold nested sentence."), text);
  }

  /** A sentence long enough (about 160 characters) to count as a story paragraph. */
  private static String sentence(String subject) {
    return subject + " told the court on Thursday that the ruling, which the appeals judges wrote"
        + " over several months, reaches data held on servers abroad, and the case goes back.";
  }

  private static String reasonFor(List<BlockDecision> decisions, String text) {
    return decisions.stream()
        .filter(d -> d.text().contains(text))
        .map(d -> (d.kept() ? "kept: " : "dropped: ") + d.reason())
        .findFirst()
        .orElse("no decision");
  }

  @Test
  void longParagraphsAfterAMarkedArticleBodyAreNotStoryButALedeBeforeItIs() {
    String page =
        "<html><body><div class=wrap><div class=box><p>" + sentence("The lede box") + "</p></div>"
            + "<div itemprop=articleBody><p>" + sentence("The company") + "</p><p>"
            + sentence("Its lawyer") + "</p><p>" + sentence("The government") + "</p></div>"
            + "<div class=box><p>Jane Doe is a staff writer who covers courts, privacy and the"
            + " technology industry from Washington, and has done so since the year 2009.</p></div>"
            + "</div></body></html>";
    List<BlockDecision> decisions = new ArrayList<>();
    String text = MainText.extract(Jsoup.parse(page), decisions::add);
    assertTrue(text.startsWith("The lede box told the court"), text);
    assertTrue(text.contains("The government told the court"), text);
    assertFalse(text.contains("Jane Doe"), text);
    assertEquals("dropped: outside the story's container", reasonFor(decisions, "Jane Doe"));
    assertEquals(
        "kept: long paragraph beside the story's container", reasonFor(decisions, "The lede box"));
  }

  @Test
  void aTeaserCutOffWithAnEllipsisBesideTheStoryIsDropped() {
    String page =
        "<html><body><div class=wrap><div class=main><p>" + sentence("The company") + "</p><p>"
            + sentence("Its lawyer") + "</p><p>" + sentence("The government") + "</p></div>"
            + "<div class=more><p>Elsewhere in the news: the city council voted on Tuesday to close"
            + " two libraries and a swimming pool, saying that the budget for next year…</p></div>"
            + "</div></body></html>";
    List<BlockDecision> decisions = new ArrayList<>();
    String text = MainText.extract(Jsoup.parse(page), decisions::add);
    assertTrue(text.contains("The government told the court"), text);
    assertFalse(text.contains("city council"), text);
    assertEquals("dropped: outside the story's container", reasonFor(decisions, "city council"));
  }

  @Test
  void labelLinesBeforeTheStorysFirstSentenceAreDroppedButHeadingsAndListsStay() {
    String page =
        "<html><body><div itemprop=articleBody><p>4 min read</p><div>By Jane Doe</div>"
            + "<h2>The ruling</h2><ul><li>Emails abroad</li><li>Back to the lower court</li></ul>"
            + "<p>" + sentence("The company") + "</p><p>Short, but a sentence.</p><p>"
            + sentence("Its lawyer") + "</p><p>" + sentence("The government") + "</p></div>"
            + "</body></html>";
    List<BlockDecision> decisions = new ArrayList<>();
    String text = MainText.extract(Jsoup.parse(page), decisions::add);
    assertFalse(text.contains("4 min read"), text);
    assertFalse(text.contains("Jane Doe"), text);
    assertTrue(text.startsWith("The ruling\nEmails abroad\nBack to the lower court"), text);
    assertTrue(text.contains("Short, but a sentence."), text);
    assertEquals("dropped: short line before the story's start", reasonFor(decisions, "4 min"));
    assertEquals("dropped: short line before the story's start", reasonFor(decisions, "Jane Doe"));
  }

  @Test
  void hiddenIsBoilerplateOnlyAsAWholeClassAndWidgetsAreNot() {
    String page =
        "<html><body><div class=story><p>" + sentence("The company") + "</p>"
            + "<div class=elementor-widget-container><p>" + sentence("Its lawyer") + "</p></div>"
            + "<table class='table hidden-xs'><tr><td>Court</td><td>Second Circuit</td></tr></table>"
            + "<div class=hidden><p>" + sentence("A copy for printing") + "</p></div><p>"
            + sentence("The government") + "</p></div></body></html>";
    List<BlockDecision> decisions = new ArrayList<>();
    String text = MainText.extract(Jsoup.parse(page), decisions::add);
    assertTrue(text.contains("\n\nIts lawyer told the court"), text);
    assertTrue(text.contains("Court | Second Circuit"), text);
    assertFalse(text.contains("A copy for printing"), text);
    assertTrue(reasonFor(decisions, "A copy for printing").contains("boilerplate by its name"));
  }

  @Test
  void aHeadingWithNoTextUnderItIsDropped() {
    String page =
        "<html><body><div itemprop=articleBody><p>" + sentence("The company") + "</p><p>"
            + sentence("Its lawyer") + "</p><h2>Where to go next</h2><ul><li><a href=/a>Court"
            + " news</a></li><li><a href=/b>Privacy news</a></li></ul><h2>What the judges said</h2>"
            + "<p>" + sentence("The government") + "</p></div></body></html>";
    List<BlockDecision> decisions = new ArrayList<>();
    String text = MainText.extract(Jsoup.parse(page), decisions::add);
    assertFalse(text.contains("Where to go next"), text);
    assertTrue(text.contains("What the judges said\n\nThe government told"), text);
    assertEquals(
        "dropped: heading with no text under it", reasonFor(decisions, "Where to go next"));
  }

  /** A part of a story, nested as page builders nest their sections: six levels deep. */
  private static String section(String... paragraphs) {
    StringBuilder html =
        new StringBuilder("<div class=section><div><div><div><div><div class=text>");
    for (String p : paragraphs) {
      html.append("<p>").append(p).append("</p>");
    }
    return html.append("</div></div></div></div></div></div>").toString();
  }

  @Test
  void aStorySplitIntoSectionsBetweenPicturesIsKeptWhole() {
    String page =
        "<html><body><div class=page><div class=wrap>"
            + section(sentence("The company"), sentence("Its lawyer"))
            + "<figure><img src=a.jpg><figcaption>The court in New York</figcaption></figure>"
            + section(sentence("The government"), sentence("The judge"))
            + "<div class=ad>Anzeige</div>"
            + section(sentence("A professor"), sentence("The ministry"))
            + section(sentence("The appeals court"), sentence("The senator"))
            + "</div><div class=more><ul><li><a href=/a>Other news of the day</a></li>"
            + "<li><a href=/b>More news from the courts</a></li></ul></div></div></body></html>";
    List<BlockDecision> decisions = new ArrayList<>();
    String text = MainText.extract(Jsoup.parse(page), decisions::add);
    for (String part : List.of("The company", "The government", "A professor", "The senator")) {
      assertTrue(text.contains(part + " told the court"), part + " missing from: " + text);
    }
    assertFalse(text.contains("Other news"), text);
    assertEquals(
        "kept: p in the container holding the best-scoring parts of a split story",
        reasonFor(decisions, "A professor"));
  }

  @Test
  void theHeadlineIsTheTitleNotALineOfTheText() {
    String page =
        "<html><body><div itemprop=articleBody><h1>Court sides with Microsoft</h1><p>"
            + sentence("The company") + "</p><h2>What the judges said</h2><p>"
            + sentence("Its lawyer") + "</p><p>" + sentence("The government") + "</p>"
            + "<h1>Support our journalism</h1></div></body></html>";
    List<BlockDecision> decisions = new ArrayList<>();
    String text = MainText.extract(Jsoup.parse(page), decisions::add);
    assertTrue(text.startsWith("The company told the court"), text);
    assertTrue(text.contains("What the judges said\n\nIts lawyer"), text);
    assertFalse(text.contains("Court sides with Microsoft"), text);
    assertFalse(text.contains("Support our journalism"), text);
    assertEquals(
        "dropped: h1, the page's headline, not its text", reasonFor(decisions, "Court sides"));
  }

  @Test
  void aShortLedeBeforeTheStorysContainerIsKeptButNotACreditLine() {
    String page =
        "<html><body><div class=wrap><div class=intro><p>The appeals court sided with Microsoft"
            + " in the email case on Thursday.</p></div><div class=pic><p>The courthouse in Lower"
            + " Manhattan, seen from Foley Square (Photo: Getty)</p></div><div class=main><p>"
            + sentence("The company") + "</p><p>" + sentence("Its lawyer") + "</p><p>"
            + sentence("The government") + "</p></div></div></body></html>";
    List<BlockDecision> decisions = new ArrayList<>();
    String text = MainText.extract(Jsoup.parse(page), decisions::add);
    assertTrue(text.startsWith("The appeals court sided with Microsoft"), text);
    assertFalse(text.contains("Foley Square"), text);
    assertEquals(
        "kept: sentence before the story's container, its lede",
        reasonFor(decisions, "The appeals court sided"));
  }

  @Test
  void copyrightLinesAndCreditsAreDroppedByTheirSignOrTheirName() {
    String page =
        "<html><body><div itemprop=articleBody><p>" + sentence("The company") + "</p>"
            + "<div class=pic><img src=a.jpg><p>The courthouse in Lower Manhattan, where the case"
            + " was argued. \u00A9 Jane Doe/Reuters</p></div><p>" + sentence("Its lawyer") + "</p>"
            + "<p class=wp-caption-text>The judges of the Second Circuit in session last year</p>"
            + "<div><span class=image-copyright>Jane Doe/Reuters</span></div>"
            + "<p>" + sentence("The government") + "</p><div>\u00A9 2017 The Ledger. All rights"
            + " reserved.</div></div></body></html>";
    List<BlockDecision> decisions = new ArrayList<>();
    String text = MainText.extract(Jsoup.parse(page), decisions::add);
    assertTrue(text.contains("The government told the court"), text);
    for (String debris : List.of("Lower Manhattan", "in session", "Jane Doe", "All rights")) {
      assertFalse(text.contains(debris), debris + " in: " + text);
    }
    assertEquals(
        "dropped: copyright line or picture credit (\u00A9)",
        reasonFor(decisions, "Lower Manhattan"));
    assertEquals(
        "dropped: in <p wp-caption-text>, a picture's caption or credit by its name",
        reasonFor(decisions, "in session"));
  }

  @Test
  void callsToSubscribeFollowOrSupportAreDroppedButStorySentencesLikeThemStay() {
    String page =
        "<html><body><div itemprop=articleBody><p>" + sentence("The company") + "</p><p>"
            + "Subscribe now to our print edition for the full story.</p><p>"
            + sentence("Its lawyer") + "</p><p>Supporters of the ruling followed the hearing from"
            + " the gallery.</p><p>" + sentence("The government") + "</p><p>For the latest news"
            + " download our free app for iOS and Android.</p><p>Folgen Sie uns auf Facebook und"
            + " Twitter.</p></div></body></html>";
    List<BlockDecision> decisions = new ArrayList<>();
    String text = MainText.extract(Jsoup.parse(page), decisions::add);
    assertTrue(text.contains("Supporters of the ruling followed the hearing"), text);
    assertTrue(text.endsWith("and the case goes back."), text);
    for (String debris : List.of("Subscribe now", "free app", "Folgen Sie")) {
      assertFalse(text.contains(debris), debris + " in: " + text);
    }
    assertEquals(
        "dropped: a call to subscribe, follow or support", reasonFor(decisions, "Subscribe now"));
  }

  @Test
  void theAuthorsBoxInsideTheArticleBodyIsDropped() {
    String page =
        "<html><body><div itemprop=articleBody><p>" + sentence("The company") + "</p><p>"
            + sentence("Its lawyer") + "</p><p>" + sentence("The government") + "</p>"
            + "<div class=herald-author><p>Jane Doe is a professor of public law at the University"
            + " of Bonn and writes about privacy, courts and the technology industry.</p></div>"
            + "</div></body></html>";
    List<BlockDecision> decisions = new ArrayList<>();
    String text = MainText.extract(Jsoup.parse(page), decisions::add);
    assertTrue(text.endsWith("and the case goes back."), text);
    assertFalse(text.contains("Jane Doe"), text);
    assertEquals(
        "dropped: in <div herald-author>, boilerplate by its name",
        reasonFor(decisions, "Jane Doe"));
  }
}
