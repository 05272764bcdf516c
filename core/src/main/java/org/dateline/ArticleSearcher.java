package org.dateline;

import java.io.IOException;
import java.util.Optional;

/**
 * What a searcher over articles answers, wherever the articles are: {@link NewsSearcher} on a local
 * index, or a searcher over a SolrCloud collection ({@code dateline-solr}). Code written against
 * this interface runs against either: the same query language, filters, sorts (ties by id), exact
 * totals, cursors, snippets and facets, in the same records.
 *
 * <p>Implementations are thread-safe and meant to be shared; close them when done.
 */
public interface ArticleSearcher extends AutoCloseable {
  /**
   * Searches.
   *
   * @param request what to search for
   * @return one page of hits, the exact total, and facets when asked for
   * @throws InvalidQueryException when the query is malformed or too wide, with the position
   * @throws IllegalArgumentException when the request's cursor is damaged or comes from another
   *     search
   * @throws IOException when the articles cannot be read
   */
  SearchResult search(SearchRequest request) throws IOException;

  /**
   * Finds an article by id.
   *
   * @param id the article's id
   * @return the article as indexed, or empty
   * @throws IOException when the articles cannot be read
   */
  Optional<Article> find(String id) throws IOException;

  /**
   * Summarizes what the searcher's articles hold.
   *
   * @return counts, date span, extra fields and size
   * @throws IOException when the articles cannot be read
   */
  IndexSummary summary() throws IOException;

  /**
   * Releases what the searcher holds.
   *
   * @throws IOException when releasing fails
   */
  @Override
  void close() throws IOException;
}
