package org.dateline;

import java.util.Objects;

/**
 * One value of a facet dimension and how many matching articles have it.
 *
 * @param label the value as written (a source, a topic) or an ISO date label ({@code 2017},
 *     {@code 2017-01}, {@code 2017-W04}, {@code 2017-01-24})
 * @param count matching articles with that value
 */
public record FacetCount(String label, long count) {
  /** Validates. */
  public FacetCount {
    Objects.requireNonNull(label, "label");
    Check.argument(count >= 0, "count must be >= 0 (got: %d)", count);
  }
}
