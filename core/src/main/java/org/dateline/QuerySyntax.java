package org.dateline;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Checks a query's brackets, quotes and slashes before the parser sees it, so that an unmatched one
 * is reported where it is (the parser would only notice at the end of the query) and deep nesting
 * is refused before it can exhaust the parser's stack.
 *
 * <p>Follows the classic parser's lexer: a backslash escapes the next character; inside quotes
 * only a backslash and a quote count; {@code [} or <code>&#123;</code> opens a range that the next
 * {@code ]} or <code>&#125;</code> closes; an unescaped {@code /} starts a regular expression that
 * the next unescaped {@code /} ends.
 */
final class QuerySyntax {
  private QuerySyntax() {}

  /** Deepest nesting of parentheses accepted. */
  static final int MAX_DEPTH = 100;

  /**
   * Checks a query.
   *
   * @param q the query text
   * @throws InvalidQueryException at the first unmatched character or too deep nesting
   */
  static void check(String q) {
    Deque<Integer> open = new ArrayDeque<>();
    int n = q.length();
    for (int i = 0; i < n; i++) {
      char c = q.charAt(i);
      switch (c) {
        case '\\' -> {
          if (i + 1 >= n) {
            throw new InvalidQueryException(
                q,
                i,
                "a backslash at the end of the query escapes nothing; remove it or write \\\\");
          }
          i++;
        }
        case '"' ->
            i = closing(q, i, '"', "unclosed quote at position " + i + "; add the closing \"");
        case '/' ->
            i =
                closing(
                    q,
                    i,
                    '/',
                    "unmatched / at position "
                        + i
                        + ": a slash starts a regular expression /…/; to search for a slash, write"
                        + " \\/ or put the words in quotes");
        case '[', '{' -> i = rangeEnd(q, i);
        case ']', '}' ->
            throw new InvalidQueryException(
                q,
                i,
                "unmatched "
                    + c
                    + " at position "
                    + i
                    + ": a range is written [from TO to], e.g. date:[2017-01-01 TO 2017-01-31]");
        case '(' -> {
          open.push(i);
          if (open.size() > MAX_DEPTH) {
            throw new InvalidQueryException(
                q, i, "parentheses nested deeper than " + MAX_DEPTH + " levels at position " + i);
          }
        }
        case ')' -> {
          if (open.isEmpty()) {
            throw new InvalidQueryException(
                q, i, "unmatched ) at position " + i + "; remove it or add the ( it closes");
          }
          open.pop();
        }
        default -> {
          // ordinary character
        }
      }
    }
    if (!open.isEmpty()) {
      int at = open.peek();
      throw new InvalidQueryException(
          q, at, "unclosed ( at position " + at + "; add the ) that closes it");
    }
  }

  /** Returns the index of the unescaped {@code close} after {@code start}, or throws. */
  private static int closing(String q, int start, char close, String message) {
    for (int i = start + 1; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == close) {
        return i;
      }
    }
    throw new InvalidQueryException(q, start, message);
  }

  /** Returns the index of the closing bracket of a range opened at start. */
  private static int rangeEnd(String q, int start) {
    for (int i = start + 1; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '"') {
        // a quoted bound: "\"" escapes a quote, as in the lexer's RANGE_QUOTED
        for (i++; i < q.length() && q.charAt(i) != '"'; i++) {
          if (q.charAt(i) == '\\') {
            i++;
          }
        }
      } else if (c == ']' || c == '}') {
        return i;
      }
    }
    throw new InvalidQueryException(
        q,
        start,
        "unclosed "
            + q.charAt(start)
            + " at position "
            + start
            + ": a range is written [from TO to], e.g. date:[2017-01-01 TO 2017-01-31]");
  }
}
