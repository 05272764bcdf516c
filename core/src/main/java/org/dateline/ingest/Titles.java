package org.dateline.ingest;

import java.util.Locale;
import java.util.Set;

/**
 * Titles for articles whose text has none: whether a first line is a headline, and a title taken
 * from the lede. Shared by the readers so that every format derives titles the same way.
 */
final class Titles {
  private Titles() {}

  /** Longest derived title, before the ellipsis. */
  static final int MAX_DERIVED = 90;

  static final int MIN_HEADLINE_WORDS = 3;
  static final int MAX_HEADLINE_WORDS = 25;
  static final int MAX_HEADLINE_CHARS = 200;

  private static final String CLOSERS = "\"'\u201D\u2019\u00BB)]";
  private static final String OPENERS = "\"'\u201C\u2018\u00AB([";

  /** Words that end with a period without ending the sentence. */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "co", "corp", "ltd", "no", "gov", "sen",
          "rep", "gen", "lt", "col", "capt", "prof", "vs", "mt", "ft", "jan", "feb", "mar", "apr",
          "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

  /**
   * Whether a line reads as a headline: 3 to 25 words, at most 200 characters, not ending like a
   * sentence or a clause (. ! ? : ; , before any closing quotes). The caller checks that a blank
   * line or the end follows it.
   */
  static boolean isHeadline(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.length() > MAX_HEADLINE_CHARS) {
      return false;
    }
    int words = s.split("\\s+").length;
    if (words < MIN_HEADLINE_WORDS || words > MAX_HEADLINE_WORDS) {
      return false;
    }
    int end = s.length();
    while (end > 0 && CLOSERS.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return end > 0 && ".!?:;,".indexOf(s.charAt(end - 1)) < 0;
  }

  /**
   * A title from the lede: the first sentence of the text, whitespace collapsed, cut at a word
   * boundary to at most {@value #MAX_DERIVED} characters with "…" when cut.
   *
   * @param body the article text
   * @return the title, empty when the text is blank
   */
  static String derive(String body) {
    String text = body.strip();
    // Only the start matters: a sentence longer than the window is cut anyway.
    String window = text.substring(0, Math.min(text.length(), MAX_DERIVED * 4));
    String sentence = collapse(window.substring(0, sentenceEnd(window)));
    if (sentence.length() <= MAX_DERIVED) {
      return sentence;
    }
    int cut = sentence.lastIndexOf(' ', MAX_DERIVED);
    if (cut <= 0) {
      cut = MAX_DERIVED;
      if (Character.isHighSurrogate(sentence.charAt(cut - 1))) {
        cut--;
      }
    }
    String head = sentence.substring(0, cut).strip();
    int end = head.length();
    while (end > 0 && ",;:-\u2013\u2014".indexOf(head.charAt(end - 1)) >= 0) {
      end--;
    }
    return head.substring(0, end).strip() + "\u2026";
  }

  /**
   * Where the first sentence ends: after . ! or ? (and any closing quotes) followed by whitespace
   * and a capital, a digit or an opening quote; or at a paragraph break (a blank line, or a new
   * line indented by two or more spaces or a tab, as Reuters marks paragraphs).
   */
  private static int sentenceEnd(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\n' && paragraphBreak(s, i + 1)) {
        return i;
      }
      if (c != '.' && c != '!' && c != '?') {
        continue;
      }
      int j = i + 1;
      while (j < n && CLOSERS.indexOf(s.charAt(j)) >= 0) {
        j++;
      }
      if (j == n) {
        return n;
      }
      if (!Character.isWhitespace(s.charAt(j))) {
        continue;
      }
      int k = j;
      while (k < n && Character.isWhitespace(s.charAt(k))) {
        k++;
      }
      if (k == n) {
        return j;
      }
      char next = s.charAt(k);
      boolean starts =
          Character.isUpperCase(next) || Character.isDigit(next) || OPENERS.indexOf(next) >= 0;
      if (starts && !(c == '.' && abbreviation(s, i))) {
        return j;
      }
    }
    return n;
  }

  private static boolean paragraphBreak(String s, int lineStart) {
    int i = lineStart;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    if (i == s.length() || s.charAt(i) == '\n' || s.charAt(i) == '\r') {
      return true;
    }
    return i - lineStart >= 2 || (i > lineStart && s.charAt(lineStart) == '\t');
  }

  /** Whether the period at {@code dot} ends an initial ("J.", "U.S.") or a known abbreviation. */
  private static boolean abbreviation(String s, int dot) {
    int start = dot;
    while (start > 0 && !Character.isWhitespace(s.charAt(start - 1))) {
      start--;
    }
    while (start < dot && OPENERS.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    String word = s.substring(start, dot);
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return true;
    }
    if (word.indexOf('.') >= 0) {
      return true;
    }
    return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static String collapse(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }
}
