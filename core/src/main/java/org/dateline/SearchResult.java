package org.dateline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a search's hits.
 *
 * @param query the query text as given
 * @param total the exact number of articles the search matched (all pages together)
 * @param hits this page's hits, in the requested order
 * @param nextCursor pass it to {@link SearchRequest#after(String)} for the next page; null when
 *     this page is the last
 * @param facets facet counts by dimension, in the order requested; empty when none were asked for
 * @param took how long the search took, highlighting included
 * @param count what {@code stories} and the facets count, as the request asked
 * @param stories how many stories (copy groups) the matched articles make; -1 when the request
 *     neither counted stories nor collapsed
 * @param collapsed whether each hit stands for its whole copy group ({@link
 *     SearchRequest#collapse()})
 */
public record SearchResult(
    String query,
    long total,
    List<Hit> hits,
    String nextCursor,
    Map<String, FacetResult> facets,
    Duration took,
    SearchRequest.Count count,
    long stories,
    boolean collapsed) {
  /** Validates and copies. */
  public SearchResult {
    Objects.requireNonNull(query, "query");
    Check.argument(total >= 0, "total must be >= 0 (got: %d)", total);
    hits = List.copyOf(hits);
    facets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facets));
    Objects.requireNonNull(took, "took");
    Objects.requireNonNull(count, "count");
    Check.argument(stories >= -1, "stories must be >= -1 (got: %d)", stories);
  }

  /**
   * A result counting articles, not collapsed, with no story count.
   *
   * @param query see {@link #query()}
   * @param total see {@link #total()}
   * @param hits see {@link #hits()}
   * @param nextCursor see {@link #nextCursor()}
   * @param facets see {@link #facets()}
   * @param took see {@link #took()}
   */
  public SearchResult(
      String query,
      long total,
      List<Hit> hits,
      String nextCursor,
      Map<String, FacetResult> facets,
      Duration took) {
    this(query, total, hits, nextCursor, facets, took, SearchRequest.Count.ARTICLES, -1, false);
  }

  /** Returns the cursor for the next page, or empty when this page is the last. */
  public Optional<String> findNextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  /** Returns whether more hits follow this page. */
  public boolean hasMore() {
    return nextCursor != null;
  }
}
