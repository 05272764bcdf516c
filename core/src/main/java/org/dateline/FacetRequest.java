package org.dateline;

import java.util.List;
import java.util.Objects;

/**
 * Which facet counts a search should return.
 *
 * @param dimensions the dimensions to count, in the order wanted: {@code source}, {@code year},
 *     {@code month}, {@code week}, {@code day}, or an extra field's name ({@code topics})
 * @param topN how many values to list for a term dimension; must be &gt; 0
 * @param histogram the days a date histogram spans; {@link DateRange#ALL} (or an open end) means
 *     the matching articles' own first and last day
 */
public record FacetRequest(List<String> dimensions, int topN, DateRange histogram) {
  /** No facets. */
  public static final FacetRequest NONE = new FacetRequest(List.of(), 10, DateRange.ALL);

  /** Validates and copies. */
  public FacetRequest {
    dimensions = List.copyOf(dimensions);
    Check.argument(topN > 0, "topN must be > 0 (got: %d)", topN);
    Objects.requireNonNull(histogram, "histogram");
  }

  /**
   * Counts the given dimensions, top 10 values each, histograms over the matches' span.
   *
   * @param dimensions dimension names
   * @return the request
   */
  public static FacetRequest of(String... dimensions) {
    return new FacetRequest(List.of(dimensions), 10, DateRange.ALL);
  }

  /** Returns whether no dimension is asked for. */
  public boolean isEmpty() {
    return dimensions.isEmpty();
  }
}
