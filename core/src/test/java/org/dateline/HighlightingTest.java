package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a passage becomes a snippet: cutting, whitespace, spans. */
class HighlightingTest {
  private static int[] span(String content, String part) {
    int at = content.indexOf(part);
    return new int[] {at, at + part.length()};
  }

  @Test
  void shortPassageIsKeptWholeWithWhitespaceCollapsed() {
    String content = "News\n\nThe DOJ  cannot force\tMicrosoft to turn over email.";
    Snippet s =
        Highlighting.snippet(
            content, 0, content.length(), List.of(span(content, "Microsoft")), 160);
    assertEquals("News The DOJ cannot force Microsoft to turn over email.", s.text());
    assertEquals(List.of("Microsoft"), s.matchedTexts());
  }

  @Test
  void longPassageIsCutAtWordsAroundTheDensestMatchesWithEllipses() {
    String content =
        "Circuit Judge Susan Carney said communications held by US service providers on servers"
            + " outside the United States were beyond the reach of domestic search warrants issued"
            + " under a 1986 federal law known as the Stored Communications Act, and more words"
            + " follow here to make the sentence long.";
    List<int[]> matches =
        List.of(span(content, "communications"), span(content, "Stored Communications Act"));
    Snippet s = Highlighting.snippet(content, 0, content.length(), matches, 80);
    assertTrue(s.text().startsWith("… "), s.text());
    assertTrue(s.text().endsWith(" …"), s.text());
    assertTrue(s.text().length() <= 80 + 4, s.text());
    assertEquals(
        List.of("Stored Communications Act"), s.matchedTexts(), "the phrase, not the lone word");
    String inner = s.text().substring(2, s.text().length() - 2);
    int at = content.indexOf(inner);
    assertTrue(at > 0 && content.charAt(at - 1) == ' ', "starts at a word: " + inner);
    assertEquals(' ', content.charAt(at + inner.length()), "ends at a word: " + inner);
  }

  @Test
  void overlappingMatchesMergeIntoOneSpan() {
    String content = "the Stored Communications Act of 1986";
    Snippet s =
        Highlighting.snippet(
            content,
            0,
            content.length(),
            List.of(span(content, "Stored"), span(content, "Stored Communications Act")),
            160);
    assertEquals(List.of("Stored Communications Act"), s.matchedTexts());
  }

  @Test
  void markWrapsEachSpan() {
    Snippet s = new Snippet("a search warrant", List.of(new Span(2, 8), new Span(9, 16)));
    assertEquals("a <mark>search</mark> <mark>warrant</mark>", s.mark("<mark>", "</mark>"));
  }
}
