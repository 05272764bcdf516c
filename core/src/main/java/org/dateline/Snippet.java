package org.dateline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A piece of an article's text with the matches of the query marked, as plain text plus spans, so
 * that callers render it as they like (HTML {@code <mark>}, terminal colours, JSON).
 *
 * @param text the text shown; whitespace runs collapsed to one space, and a cut at either end
 *     marked with "…"
 * @param spans the matches in {@code text}, in order, not overlapping; a quoted phrase is one span
 */
public record Snippet(String text, List<Span> spans) {
  /** Validates and copies. */
  public Snippet {
    Objects.requireNonNull(text, "text");
    spans = List.copyOf(spans);
    int last = 0;
    for (Span s : spans) {
      Check.argument(
          s.start() >= last, "spans must be in order and not overlap (got: %s after %d)", s, last);
      Check.argument(
          s.end() <= text.length(),
          "span must end within the text (got: %s, text length %d)",
          s,
          text.length());
      last = s.end();
    }
  }

  /**
   * A snippet without matches.
   *
   * @param text the text
   * @return the snippet
   */
  public static Snippet plain(String text) {
    return new Snippet(text, List.of());
  }

  /** Returns whether any part of the text matched the query. */
  public boolean hasMatches() {
    return !spans.isEmpty();
  }

  /**
   * Returns the matched parts of the text, in order.
   *
   * @return one string per span
   */
  public List<String> matchedTexts() {
    List<String> out = new ArrayList<>(spans.size());
    for (Span s : spans) {
      out.add(text.substring(s.start(), s.end()));
    }
    return out;
  }

  /**
   * Returns the text with each match wrapped in the given markers. Nothing is escaped: for HTML,
   * escape the pieces yourself using {@link #spans()}.
   *
   * @param before inserted before each match, e.g. {@code "["}
   * @param after inserted after each match, e.g. {@code "]"}
   * @return the marked text
   */
  public String mark(String before, String after) {
    StringBuilder out = new StringBuilder(text.length() + spans.size() * 8);
    int at = 0;
    for (Span s : spans) {
      out.append(text, at, s.start()).append(before).append(text, s.start(), s.end()).append(after);
      at = s.end();
    }
    return out.append(text, at, text.length()).toString();
  }
}
