package org.dateline;

import java.io.IOException;
import java.util.List;
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
   * @throws CopiesUnavailableException when the request collapses copies or counts stories and
   *     the articles were indexed without copy detection
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
   * Where an article's text also appears: the other articles of its copy group and the articles
   * that reuse part of its text (or whose text it reuses), each with its similarity, earliest
   * first.
   *
   * @param id the article's id
   * @return its provenance, or empty when there is no such article
   * @throws CopiesUnavailableException when the articles were indexed without copy detection (the
   *     default answer: a searcher that does not detect copies)
   * @throws IOException when the articles cannot be read
   */
  default Optional<org.dateline.copies.Provenance> provenance(String id) throws IOException {
    throw new CopiesUnavailableException(
        "provenance needs copy detection, which " + getClass().getSimpleName() + " does not have");
  }

  /**
   * The largest copy groups among the articles a search matches (its query and filters; its
   * order, page and facets are ignored): groups of two or more articles, by how many of them
   * match, ties by group name.
   *
   * @param request the search
   * @param top how many groups, &gt;= 1
   * @return the groups, largest first, each with its outlets and first and last date
   * @throws CopiesUnavailableException when the articles were indexed without copy detection (the
   *     default answer: a searcher that does not detect copies)
   * @throws InvalidQueryException when the query is malformed
   * @throws IOException when the articles cannot be read
   */
  default List<org.dateline.copies.CopyGroup> copyGroups(SearchRequest request, int top)
      throws IOException {
    throw new CopiesUnavailableException(
        "copy groups need copy detection, which " + getClass().getSimpleName() + " does not have");
  }

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
