package org.dateline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TitlesTest {
  @Test
  void headlineHasThreeToTwentyFiveWordsAndNoClosingPunctuation() {
    assertTrue(Titles.isHeadline("Microsoft wins in mail sharing case"));
    assertTrue(Titles.isHeadline("Court says \"no\""));
    assertTrue(Titles.isHeadline("Markets rally again"));
    assertFalse(Titles.isHeadline("Two words"));
    assertFalse(Titles.isHeadline("word ".repeat(26)));
    assertFalse(Titles.isHeadline("This one ends like a sentence."));
    assertFalse(Titles.isHeadline("He said: \"it ends here.\""));
    assertFalse(Titles.isHeadline("Listed as follows:"));
    assertFalse(Titles.isHeadline("Asked a question here?"));
    assertFalse(Titles.isHeadline("x".repeat(100) + " and " + "y".repeat(100)));
  }

  @Test
  void derivedTitleIsTheFirstSentenceWhenShort() {
    assertEquals(
        "Shares rose on Monday.", Titles.derive("Shares rose on Monday. Analysts cheered."));
    assertEquals("Is it over?", Titles.derive("  Is it over? \"Yes,\" he said."));
    assertEquals("A one-paragraph lede", Titles.derive("A one-paragraph lede\n\nNext paragraph."));
    assertEquals("", Titles.derive("  \n "));
  }

  @Test
  void initialsAndAbbreviationsDoNotEndTheSentence() {
    assertEquals(
        "The U.S. Senate and Mr. Smith met in Washington.",
        Titles.derive("The U.S. Senate and Mr. Smith met in Washington. Then they left."));
    assertEquals(
        "J. Doe won the prize.", Titles.derive("J. Doe won the prize. It was a surprise."));
  }

  @Test
  void longSentenceIsCutAtAWordWithAnEllipsis() {
    String sentence =
        "The committee, meeting for the third time this month, agreed after a long debate that"
            + " the budget would be cut by ten percent.";
    String title = Titles.derive(sentence);
    assertTrue(title.endsWith("\u2026"), title);
    String head = title.substring(0, title.length() - 1);
    assertTrue(head.length() <= Titles.MAX_DERIVED, head);
    assertTrue(sentence.startsWith(head), head);
    assertEquals(' ', sentence.charAt(head.length()));
    assertEquals(
        "The committee, meeting for the third time this month, agreed after a long debate that"
            + " the\u2026",
        title);
  }

  @Test
  void lineWrapsAreSpacesAndIndentedLinesStartParagraphs() {
    assertEquals(
        "Showers continued throughout the week in the Bahia cocoa zone.",
        Titles.derive("Showers continued throughout the week in\nthe Bahia cocoa zone. More."));
    assertEquals(
        "FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26",
        Titles.derive("FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26\n    Two weeks ended Feb 25"));
  }

  @Test
  void wordLongerThanTheLimitIsCutInside() {
    String title = Titles.derive("x".repeat(200));
    assertEquals("x".repeat(Titles.MAX_DERIVED) + "\u2026", title);
  }
}
