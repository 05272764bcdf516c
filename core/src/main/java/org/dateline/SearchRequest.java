package org.dateline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to search for: query text, filters, order, page and highlighting. Build one with {@link
 * #of(String)} and the {@code with…} methods, each of which returns a new request:
 *
 * <pre>{@code
 * SearchRequest.of("\"search warrant\" microsoft")
 *     .withSources("Reuters")
 *     .withDates(DateRange.ofLabel("2017-01"))
 *     .sortBy(SortOrder.NEWEST)
 *     .page(0, 20);
 * }</pre>
 *
 * <p>Filters narrow the hits without changing their scores. Each filter matches any of its values;
 * different filters must all match.
 *
 * @param query the query in Lucene's classic syntax (see {@link NewsSearcher}); empty or {@code *}
 *     for every article
 * @param sources keep articles from any of these sources: a value matches the source of that name
 *     when the index has one (a facet value drills down to exactly its source), else every source
 *     whose name holds the value's words in that order ({@code "rte"} finds "RTÉ News"); case and
 *     accents are ignored; empty for no source filter
 * @param dates keep articles dated within these UTC days; {@link DateRange#ALL} for no date filter
 *     (undated articles are then kept too)
 * @param fields keep articles having, for each named extra keyword field, any of its values (case
 *     and accents ignored)
 * @param sort the order of the hits
 * @param offset how many hits to skip; 0 when paging with a cursor
 * @param limit how many hits to return, 1 to {@value #MAX_LIMIT}
 * @param cursor the {@link SearchResult#nextCursor()} of the previous page of the same search, or
 *     null for the first page
 * @param snippets how many body snippets per hit, 0 to {@value #MAX_SNIPPETS}
 * @param snippetLength the length a snippet aims at, in characters, {@value #MIN_SNIPPET_LENGTH} to
 *     {@value #MAX_SNIPPET_LENGTH}
 * @param facets which facet counts to return alongside the hits
 * @param anyWord when true the query is plain text, not syntax: its words are analyzed and an
 *     article matching any of them is a hit (see {@link NewsSearcher}); for natural-language
 *     questions
 * @param collapse when true, one hit per copy group: the group's first hit in the requested order
 *     (the best-scoring by relevance), which says how many other matching copies it stands for;
 *     pages by offset only, not by cursor
 * @param count what {@link SearchResult#stories()} and the facets count
 * @param expansion RM3 query expansion (see {@link #expand(Rm3)}), or null for none
 * @param highlight when true (the default) matches are marked in each hit's title and snippets;
 *     when false nothing is marked: titles come plain and snippets are the start of the body,
 *     which saves the highlighter's work (see {@link #withHighlight(boolean)})
 */
public record SearchRequest(
    String query,
    Set<String> sources,
    DateRange dates,
    Map<String, Set<String>> fields,
    SortOrder sort,
    int offset,
    int limit,
    String cursor,
    int snippets,
    int snippetLength,
    FacetRequest facets,
    boolean anyWord,
    boolean collapse,
    Count count,
    Rm3 expansion,
    boolean highlight) {

  /** What totals and facets count. */
  public enum Count {
    /** Every matching article counts. */
    ARTICLES,
    /**
     * Every matching story counts once: the articles of one copy group (see {@link
     * org.dateline.copies}) are one story; a facet value counts the stories having an article with
     * that value.
     */
    STORIES
  }

  /** Most hits one page may hold. */
  public static final int MAX_LIMIT = 10_000;

  /**
   * Deepest hit offset paging reaches ({@code offset + limit}); page deeper with the cursor, whose
   * cost does not grow with depth.
   */
  public static final int MAX_WINDOW = 100_000;

  /** Most snippets per hit. */
  public static final int MAX_SNIPPETS = 10;

  /** Shortest snippet length. */
  public static final int MIN_SNIPPET_LENGTH = 20;

  /** Longest snippet length. */
  public static final int MAX_SNIPPET_LENGTH = 2000;

  /** Hits per page unless told otherwise. */
  public static final int DEFAULT_LIMIT = 10;

  /** Snippets per hit unless told otherwise. */
  public static final int DEFAULT_SNIPPETS = 3;

  /** Snippet length unless told otherwise. */
  public static final int DEFAULT_SNIPPET_LENGTH = 160;

  private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  /** Validates and copies. */
  public SearchRequest {
    query = query == null ? "" : query;
    sources = Set.copyOf(Objects.requireNonNull(sources, "sources"));
    for (String s : sources) {
      Check.argument(!s.isBlank(), "source filter values must not be blank (got: \"%s\")", s);
    }
    Objects.requireNonNull(dates, "dates");
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : Objects.requireNonNull(fields, "fields").entrySet()) {
      String name = e.getKey();
      Check.argument(
          name != null && FIELD_NAME.matcher(name).matches(),
          "field filter name must match [a-z][a-z0-9_]* (got: %s)",
          name);
      Check.argument(
          !Article.RESERVED_FIELDS.contains(name),
          "field filter name must be an extra keyword field, not %s (use withSources or withDates)",
          name);
      Set<String> values = Set.copyOf(e.getValue());
      Check.argument(!values.isEmpty(), "field filter %s must have at least one value", name);
      for (String v : values) {
        Check.argument(
            !v.isBlank(), "field filter %s values must not be blank (got: \"%s\")", name, v);
      }
      copy.put(name, values);
    }
    fields = java.util.Collections.unmodifiableMap(copy);
    Objects.requireNonNull(sort, "sort");
    Check.argument(offset >= 0, "offset must be >= 0 (got: %d)", offset);
    Check.argument(
        limit >= 1 && limit <= MAX_LIMIT,
        "limit must be between 1 and %d (got: %d)",
        MAX_LIMIT,
        limit);
    Check.argument(
        (long) offset + limit <= MAX_WINDOW,
        "offset + limit must be <= %d (got: %d); page deeper with the cursor",
        MAX_WINDOW,
        (long) offset + limit);
    Check.argument(
        cursor == null || !cursor.isBlank(), "cursor must not be blank (got: \"%s\")", cursor);
    Check.argument(
        cursor == null || offset == 0,
        "offset must be 0 when paging with a cursor (got: %d)",
        offset);
    Check.argument(
        snippets >= 0 && snippets <= MAX_SNIPPETS,
        "snippets must be between 0 and %d (got: %d)",
        MAX_SNIPPETS,
        snippets);
    Check.argument(
        snippetLength >= MIN_SNIPPET_LENGTH && snippetLength <= MAX_SNIPPET_LENGTH,
        "snippetLength must be between %d and %d (got: %d)",
        MIN_SNIPPET_LENGTH,
        MAX_SNIPPET_LENGTH,
        snippetLength);
    Objects.requireNonNull(facets, "facets");
    Objects.requireNonNull(count, "count");
    Check.argument(
        !collapse || cursor == null,
        "a collapsed search pages by offset, not by cursor (got a cursor)");
  }

  /**
   * A request without collapsing, counting articles, without query expansion.
   *
   * @param query see {@link #query()}
   * @param sources see {@link #sources()}
   * @param dates see {@link #dates()}
   * @param fields see {@link #fields()}
   * @param sort see {@link #sort()}
   * @param offset see {@link #offset()}
   * @param limit see {@link #limit()}
   * @param cursor see {@link #cursor()}
   * @param snippets see {@link #snippets()}
   * @param snippetLength see {@link #snippetLength()}
   * @param facets see {@link #facets()}
   * @param anyWord see {@link #anyWord()}
   */
  public SearchRequest(
      String query,
      Set<String> sources,
      DateRange dates,
      Map<String, Set<String>> fields,
      SortOrder sort,
      int offset,
      int limit,
      String cursor,
      int snippets,
      int snippetLength,
      FacetRequest facets,
      boolean anyWord) {
    this(
        query,
        sources,
        dates,
        fields,
        sort,
        offset,
        limit,
        cursor,
        snippets,
        snippetLength,
        facets,
        anyWord,
        false,
        Count.ARTICLES,
        null);
  }

  /**
   * A request that marks the matches, as before {@code highlight} existed.
   *
   * @param query see {@link #query()}
   * @param sources see {@link #sources()}
   * @param dates see {@link #dates()}
   * @param fields see {@link #fields()}
   * @param sort see {@link #sort()}
   * @param offset see {@link #offset()}
   * @param limit see {@link #limit()}
   * @param cursor see {@link #cursor()}
   * @param snippets see {@link #snippets()}
   * @param snippetLength see {@link #snippetLength()}
   * @param facets see {@link #facets()}
   * @param anyWord see {@link #anyWord()}
   * @param collapse see {@link #collapse()}
   * @param count see {@link #count()}
   * @param expansion see {@link #expansion()}
   */
  public SearchRequest(
      String query,
      Set<String> sources,
      DateRange dates,
      Map<String, Set<String>> fields,
      SortOrder sort,
      int offset,
      int limit,
      String cursor,
      int snippets,
      int snippetLength,
      FacetRequest facets,
      boolean anyWord,
      boolean collapse,
      Count count,
      Rm3 expansion) {
    this(
        query,
        sources,
        dates,
        fields,
        sort,
        offset,
        limit,
        cursor,
        snippets,
        snippetLength,
        facets,
        anyWord,
        collapse,
        count,
        expansion,
        true);
  }

  /**
   * Returns a copy that marks the matches in titles and snippets, or marks nothing. Without marks
   * a search does no highlighting at all: each hit's title comes plain and its snippets (when
   * asked for) are the start of its body, as for a hit whose body did not match. The hits,
   * their order, scores and the total are the same either way; a caller that lists or counts hits
   * and shows no marks saves the highlighter's work, about a third of a search without snippets.
   *
   * @param highlight true to mark the matches (the default), false for none
   * @return the new request
   */
  public SearchRequest withHighlight(boolean highlight) {
    Builder b = edit();
    b.highlight = highlight;
    return b.build();
  }

  /**
   * Returns a copy that returns one hit per copy group, or every article.
   *
   * @param collapse true for one hit per group
   * @return the new request
   */
  public SearchRequest withCollapse(boolean collapse) {
    Builder b = edit();
    b.collapse = collapse;
    return b.build();
  }

  /**
   * Returns a copy counting articles or stories.
   *
   * @param count what to count
   * @return the new request
   */
  public SearchRequest withCount(Count count) {
    Builder b = edit();
    b.count = count;
    return b.build();
  }

  /**
   * Returns a copy whose query is expanded with words of its own best hits (pseudo-relevance
   * feedback, see {@link Rm3}) before it is run. The expanded query is built from the index as it is,
   * the same for every page of a search, so totals stay exact and paging (by offset or cursor)
   * stays consistent. Filters stay filters: the feedback comes from the best articles that pass
   * them, and the expanded query is filtered as the original one is. A query in syntax keeps all
   * its clauses (required words, phrases, exclusions) as one required clause, so the hits and the
   * total are the original query's, only reordered by the added words; a plain-words query ({@link
   * #anyWord()}) becomes the weighted words of the original and of the feedback, any of which may
   * match, as Anserini's {@code -rm3} does, so it may find articles that contain none of the words
   * written. Snippets highlight the words written, not the added ones. An empty query or {@code *}
   * is not expanded.
   *
   * @param expansion the RM3 parameters, {@link Rm3#DEFAULT} for Anserini's; null for none
   * @return the new request
   */
  public SearchRequest expand(Rm3 expansion) {
    Builder b = edit();
    b.expansion = expansion;
    return b.build();
  }

  private Builder edit() {
    return new Builder(this);
  }

  /** The request's components, to change a few and build a new request: every with-method's path. */
  private static final class Builder {
    String query;
    Set<String> sources;
    DateRange dates;
    Map<String, Set<String>> fields;
    SortOrder sort;
    int offset;
    int limit;
    String cursor;
    int snippets;
    int snippetLength;
    FacetRequest facets;
    boolean anyWord;
    boolean collapse;
    Count count;
    Rm3 expansion;
    boolean highlight;

    Builder(SearchRequest r) {
      query = r.query;
      sources = r.sources;
      dates = r.dates;
      fields = r.fields;
      sort = r.sort;
      offset = r.offset;
      limit = r.limit;
      cursor = r.cursor;
      snippets = r.snippets;
      snippetLength = r.snippetLength;
      facets = r.facets;
      anyWord = r.anyWord;
      collapse = r.collapse;
      count = r.count;
      expansion = r.expansion;
      highlight = r.highlight;
    }

    SearchRequest build() {
      return new SearchRequest(
          query,
          sources,
          dates,
          fields,
          sort,
          offset,
          limit,
          cursor,
          snippets,
          snippetLength,
          facets,
          anyWord,
          collapse,
          count,
          expansion,
          highlight);
    }
  }

  /**
   * A request in query syntax ({@code anyWord} false), as before {@code anyWord} existed.
   *
   * @param query see {@link #query()}
   * @param sources see {@link #sources()}
   * @param dates see {@link #dates()}
   * @param fields see {@link #fields()}
   * @param sort see {@link #sort()}
   * @param offset see {@link #offset()}
   * @param limit see {@link #limit()}
   * @param cursor see {@link #cursor()}
   * @param snippets see {@link #snippets()}
   * @param snippetLength see {@link #snippetLength()}
   * @param facets see {@link #facets()}
   */
  public SearchRequest(
      String query,
      Set<String> sources,
      DateRange dates,
      Map<String, Set<String>> fields,
      SortOrder sort,
      int offset,
      int limit,
      String cursor,
      int snippets,
      int snippetLength,
      FacetRequest facets) {
    this(
        query,
        sources,
        dates,
        fields,
        sort,
        offset,
        limit,
        cursor,
        snippets,
        snippetLength,
        facets,
        false);
  }

  /**
   * Returns a copy whose query text is read as plain words, any of which may match, or as syntax.
   *
   * @param anyWord true for plain words, false for query syntax
   * @return the new request
   */
  public SearchRequest withAnyWord(boolean anyWord) {
    Builder b = edit();
    b.anyWord = anyWord;
    return b.build();
  }

  /**
   * A request for a query with no filters, by relevance, the first {@value #DEFAULT_LIMIT} hits,
   * {@value #DEFAULT_SNIPPETS} snippets of about {@value #DEFAULT_SNIPPET_LENGTH} characters, no
   * facets.
   *
   * @param query the query text; empty or {@code *} for every article
   * @return the request
   */
  public static SearchRequest of(String query) {
    return new SearchRequest(
        query,
        Set.of(),
        DateRange.ALL,
        Map.of(),
        SortOrder.RELEVANCE,
        0,
        DEFAULT_LIMIT,
        null,
        DEFAULT_SNIPPETS,
        DEFAULT_SNIPPET_LENGTH,
        FacetRequest.NONE);
  }

  /**
   * Returns a copy keeping only articles from any of these sources.
   *
   * @param sources source names or words of them (see {@link #sources()}), ignoring case and
   *     accents; none to drop the filter
   * @return the new request
   */
  public SearchRequest withSources(String... sources) {
    return withSources(Set.of(sources));
  }

  /**
   * Returns a copy keeping only articles from any of these sources.
   *
   * @param sources source names or words of them (see {@link #sources()}), ignoring case and
   *     accents; empty to drop the filter
   * @return the new request
   */
  public SearchRequest withSources(Set<String> sources) {
    Builder b = edit();
    b.sources = sources;
    return b.build();
  }

  /**
   * Returns a copy keeping only articles dated within a range of days.
   *
   * @param dates the days, inclusive; {@link DateRange#ALL} to drop the filter
   * @return the new request
   */
  public SearchRequest withDates(DateRange dates) {
    Builder b = edit();
    b.dates = dates;
    return b.build();
  }

  /**
   * Returns a copy keeping only articles with any of these values in an extra keyword field.
   *
   * @param name the field, e.g. {@code topics}
   * @param values the values, matched ignoring case and accents
   * @return the new request
   */
  public SearchRequest withField(String name, String... values) {
    return withField(name, Set.copyOf(Arrays.asList(values)));
  }

  /**
   * Returns a copy keeping only articles with any of these values in an extra keyword field.
   *
   * @param name the field, e.g. {@code topics}
   * @param values the values, matched ignoring case and accents; empty to drop this field's filter
   * @return the new request
   */
  public SearchRequest withField(String name, Set<String> values) {
    Map<String, Set<String>> f = new LinkedHashMap<>(fields);
    if (values.isEmpty()) {
      f.remove(name);
    } else {
      f.put(name, values);
    }
    Builder b = edit();
    b.fields = f;
    return b.build();
  }

  /**
   * Returns a copy with another order.
   *
   * @param sort the order
   * @return the new request
   */
  public SearchRequest sortBy(SortOrder sort) {
    Builder b = edit();
    b.sort = sort;
    return b.build();
  }

  /**
   * Returns a copy asking for one page by offset (and no cursor).
   *
   * @param offset hits to skip
   * @param limit hits to return
   * @return the new request
   */
  public SearchRequest page(int offset, int limit) {
    Builder b = edit();
    b.offset = offset;
    b.limit = limit;
    b.cursor = null;
    return b.build();
  }

  /**
   * Returns a copy asking for the page after a cursor (offset 0, same limit).
   *
   * @param cursor the previous page's {@link SearchResult#nextCursor()}, or null for the first page
   * @return the new request
   */
  public SearchRequest after(String cursor) {
    Builder b = edit();
    b.offset = 0;
    b.cursor = cursor;
    return b.build();
  }

  /**
   * Returns a copy with other snippet settings.
   *
   * @param count snippets per hit, 0 for none
   * @param length the length each aims at, in characters
   * @return the new request
   */
  public SearchRequest snippets(int count, int length) {
    Builder b = edit();
    b.snippets = count;
    b.snippetLength = length;
    return b.build();
  }

  /**
   * Returns a copy that also counts facets.
   *
   * @param facets the dimensions to count; {@link FacetRequest#NONE} for none
   * @return the new request
   */
  public SearchRequest facets(FacetRequest facets) {
    Builder b = edit();
    b.facets = facets;
    return b.build();
  }
}
