package org.dateline;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Counts facets for a search, drill-sideways: each dimension's counts apply every filter but its
 * own, so selecting one source still shows the other sources' counts while the other dimensions
 * narrow. Counting reads doc values per matching document and never materializes hit lists.
 */
final class FacetEngine {
  private FacetEngine() {}

  /** Filter key shared by the date dimensions (year, month, week, day). */
  static final String DATE_FILTER = Fields.DATE;

  /**
   * Counts the requested dimensions.
   *
   * @param searcher the searcher
   * @param base the parsed text query, without filters
   * @param filters per-dimension filters by filter key: {@code source}, {@code date} (shared by
   *     year, month, week and day), or an extra field name; all of them apply to the hits
   * @param request which dimensions to count
   * @return results by dimension name, in request order
   */
  static Map<String, FacetResult> count(
      IndexSearcher searcher, Query base, Map<String, Query> filters, FacetRequest request)
      throws IOException {
    throw new UnsupportedOperationException("facets: being built (issue 4)");
  }
}
