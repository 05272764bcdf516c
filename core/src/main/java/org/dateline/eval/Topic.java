package org.dateline.eval;

import java.util.Objects;

/**
 * One information need of a test collection.
 *
 * @param id the query id, as the qrels write it (e.g. {@code 1}, {@code 301}); not blank
 * @param text the text to search for, whitespace collapsed; not blank
 */
public record Topic(String id, String text) {
  /** Validates and collapses whitespace. */
  public Topic {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    id = id.strip();
    text = text.strip().replaceAll("\\s+", " ");
    if (id.isEmpty() || text.isEmpty()) {
      throw new IllegalArgumentException(
          "topic id and text must not be blank (got: \"" + id + "\", \"" + text + "\")");
    }
  }
}
