package org.dateline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One article a search found, with its highlights.
 *
 * @param id the article's id
 * @param title the article's title
 * @param titleDerived true when the title was taken from the lede
 * @param source the publisher, as written; may be empty
 * @param date the publication date in UTC, or null when unknown
 * @param url the article's address, or null
 * @param score the BM25 relevance score (computed whatever the sort order)
 * @param titleHighlight the whole title with the query's matches in it; its text equals {@code
 *     title}
 * @param snippets the best passages of the body, best first; when only the title matched, the
 *     body's opening; empty when snippets were not asked for or the body is empty
 * @param fields the article's extra keyword fields (Reuters {@code topics}, {@code places}, ...)
 * @param copies the article's copy group, and in a collapsed search how many matching copies this
 *     hit stands for
 */
public record Hit(
    String id,
    String title,
    boolean titleDerived,
    String source,
    Instant date,
    String url,
    float score,
    Snippet titleHighlight,
    List<Snippet> snippets,
    Map<String, List<String>> fields,
    org.dateline.copies.CopyInfo copies) {
  /** Validates and copies. */
  public Hit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(titleHighlight, "titleHighlight");
    snippets = List.copyOf(snippets);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    fields = java.util.Collections.unmodifiableMap(copy);
    Objects.requireNonNull(copies, "copies");
  }

  /**
   * A hit that is a group of its own.
   *
   * @param id see {@link #id()}
   * @param title see {@link #title()}
   * @param titleDerived see {@link #titleDerived()}
   * @param source see {@link #source()}
   * @param date see {@link #date()}
   * @param url see {@link #url()}
   * @param score see {@link #score()}
   * @param titleHighlight see {@link #titleHighlight()}
   * @param snippets see {@link #snippets()}
   * @param fields see {@link #fields()}
   */
  public Hit(
      String id,
      String title,
      boolean titleDerived,
      String source,
      Instant date,
      String url,
      float score,
      Snippet titleHighlight,
      List<Snippet> snippets,
      Map<String, List<String>> fields) {
    this(
        id,
        title,
        titleDerived,
        source,
        date,
        url,
        score,
        titleHighlight,
        snippets,
        fields,
        org.dateline.copies.CopyInfo.alone(id));
  }

  /** Returns the publication date, if known. */
  public Optional<Instant> findDate() {
    return Optional.ofNullable(date);
  }

  /** Returns the address, if known. */
  public Optional<String> findUrl() {
    return Optional.ofNullable(url);
  }
}
