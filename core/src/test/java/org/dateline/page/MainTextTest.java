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
}
