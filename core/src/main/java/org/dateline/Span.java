package org.dateline;

/**
 * A highlighted stretch of a {@link Snippet}'s text: character offsets in UTF-16 units, as {@link
 * String#substring(int, int)} takes them.
 *
 * @param start the first character of the match
 * @param end one past the last character of the match
 */
public record Span(int start, int end) {
  /** Validates. */
  public Span {
    Check.argument(start >= 0, "start must be >= 0 (got: %d)", start);
    Check.argument(end > start, "end must be > start (got: %d, start %d)", end, start);
  }

  /** Returns the number of characters covered. */
  public int length() {
    return end - start;
  }
}
