package org.dateline;

import java.util.List;
import java.util.Objects;

/**
 * Counts for one facet dimension over the articles a search matched.
 *
 * <p>Term dimensions (source, extra fields) are ordered by count, then label; date dimensions by
 * time, with empty buckets as 0.
 *
 * @param dimension the dimension's name: {@code source}, {@code year}, {@code month}, {@code
 *     week}, {@code day}, or an extra field's name
 * @param counts the values shown (the top N for term dimensions; every bucket for dates)
 * @param otherValues how many further distinct values were left out of {@code counts}
 * @param otherCount how many matching articles have only values left out of {@code counts}; for a
 *     single-valued dimension, {@code sum(counts) + otherCount + missing == total hits}
 * @param missing how many matching articles have no value in this dimension (no date, no source)
 */
public record FacetResult(
    String dimension, List<FacetCount> counts, long otherValues, long otherCount, long missing) {
  /** Validates and copies. */
  public FacetResult {
    Objects.requireNonNull(dimension, "dimension");
    counts = List.copyOf(counts);
  }
}
