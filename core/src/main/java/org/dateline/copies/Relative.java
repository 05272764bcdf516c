package org.dateline.copies;

import java.time.Instant;
import java.util.Objects;

/**
 * Another article that shares text with a given one: a copy (same group) or a partial reuse.
 *
 * @param id its id
 * @param title its title
 * @param source its source, as written; may be empty
 * @param date its date, or null when unknown
 * @param similarity the Jaccard similarity of the two articles' shingle sets, 0 to 1
 * @param shareOfThis the share of the given article's shingles found in this one, 0 to 1
 * @param shareOfOther the share of this one's shingles found in the given article, 0 to 1
 */
public record Relative(
    String id,
    String title,
    String source,
    Instant date,
    double similarity,
    double shareOfThis,
    double shareOfOther) {
  /** Validates. */
  public Relative {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(source, "source");
  }
}
