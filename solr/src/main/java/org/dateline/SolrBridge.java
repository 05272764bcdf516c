package org.dateline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * What {@code dateline-solr} needs from core's internals: the field names and limits, the query
 * parser, keyword normalization, snippet cutting and date histograms, so that a SolrCloud
 * collection is written, queried, highlighted and counted by the very code the local index uses.
 *
 * <p>It lives in core's package, in the {@code dateline-solr} jar, to reach those package-private
 * classes without widening core's public API; it is not meant for other callers. Query objects are
 * core's Lucene 10 ones: SolrJ brings no Lucene of its own into this JVM.
 */
public final class SolrBridge {
  private SolrBridge() {}

  /** The id field: the upsert key and the tie-break of every sort. */
  public static final String ID = Fields.ID;

  /** The analyzed title field. */
  public static final String TITLE = Fields.TITLE;

  /** The analyzed body field. */
  public static final String BODY = Fields.BODY;

  /** The publication date field. */
  public static final String DATE = Fields.DATE;

  /** The source field (a keyword field). */
  public static final String SOURCE = Fields.SOURCE;

  /** The stored address field. */
  public static final String URL = Fields.URL;

  /** The stored marker of a title taken from the lede. */
  public static final String TITLE_DERIVED = Fields.TITLE_DERIVED;

  /** Tokens longer than this are dropped from title and body. */
  public static final int MAX_TOKEN_CHARS = Fields.MAX_TOKEN_CHARS;

  /** Longest id accepted. */
  public static final int MAX_ID_CHARS = Fields.MAX_ID_CHARS;

  /** How much more a title match weighs than a body match. */
  public static final float TITLE_BOOST = NewsQueryParser.TITLE_BOOST;

  /**
   * Parses a query as {@link NewsSearcher} does, with the {@link TextAnalysis#NEWS} analysis.
   *
   * @param request the request whose query to parse
   * @param extraFields the extra keyword fields the collection has
   * @return the Lucene query
   * @throws InvalidQueryException when the query is malformed, with the position
   */
  public static Query parse(SearchRequest request, Set<String> extraFields) {
    var analyzer = NewsQueryParser.analyzer(TextAnalysis.NEWS);
    return request.anyWord()
        ? NewsQueryParser.anyWord(request.query(), analyzer).query()
        : NewsQueryParser.parse(request.query(), analyzer, extraFields).query();
  }

  /**
   * Returns the indexed term of a keyword value: trimmed, cut, lower case, accents folded.
   *
   * @param value the value as written
   * @return the term
   */
  public static String keywordTerm(String value) {
    return ArticleDocuments.keywordTerm(value);
  }

  /**
   * Returns a keyword value as kept for facets and display: trimmed and cut.
   *
   * @param value the value as written
   * @return the value
   */
  public static String keyword(String value) {
    return ArticleDocuments.keyword(value);
  }

  /**
   * Returns whether a field name is an extra keyword field rather than one of Dateline's own.
   *
   * @param field the name
   * @return true for {@code topics}, false for {@code title}
   */
  public static boolean isExtra(String field) {
    return Fields.isExtra(field);
  }

  /**
   * Builds a body snippet from a passage exactly as the local highlighter does.
   *
   * @param content the field's text
   * @param start the passage's start offset
   * @param end the passage's end offset (exclusive)
   * @param matches match offsets in {@code content}, {@code {start, end}} each
   * @param goal the snippet length to aim at
   * @return the snippet
   */
  public static Snippet snippet(String content, int start, int end, List<int[]> matches, int goal) {
    return Highlighting.snippet(content, start, end, matches, goal);
  }

  /**
   * Builds a whole-field snippet (a title) with its matches merged.
   *
   * @param content the field's text
   * @param matches match offsets in {@code content}
   * @return the snippet
   */
  public static Snippet whole(String content, List<int[]> matches) {
    List<Span> spans = new ArrayList<>();
    for (int[] m : Highlighting.merge(matches)) {
      spans.add(new Span(m[0], m[1]));
    }
    return new Snippet(content, spans);
  }

  /**
   * Returns whether a facet dimension is a date histogram ({@code year}, {@code month}, {@code
   * week}, {@code day}).
   *
   * @param dimension the dimension name
   * @return true for a date dimension
   */
  public static boolean isDateDimension(String dimension) {
    return DateHistogram.forDimension(dimension) != null;
  }

  /**
   * Rolls day counts up into a date dimension's result, as the local facets do.
   *
   * @param dimension {@code year}, {@code month}, {@code week} or {@code day}
   * @param days matching articles per UTC epoch day
   * @param undated matching articles without a date
   * @param range the histogram's range
   * @return the buckets, empty ones included
   */
  public static FacetResult histogram(
      String dimension, Map<Long, Long> days, long undated, DateRange range) {
    DayCounts counts = new DayCounts();
    days.forEach(counts::add);
    return DateHistogram.forDimension(dimension).result(counts, undated, range);
  }

  /**
   * Returns the epoch day of an article's date, the key of the date histograms.
   *
   * @param epochMillis the date
   * @return the UTC day
   */
  public static long epochDay(long epochMillis) {
    return Math.floorDiv(epochMillis, 86_400_000L);
  }

  /**
   * Fails when a histogram over the given days would have too many buckets, as locally.
   *
   * @param dimension a date dimension
   * @param from the first day
   * @param to the last day
   */
  public static void requireBuckets(String dimension, LocalDate from, LocalDate to) {
    DateHistogram.forDimension(dimension).requireBuckets(from.toEpochDay(), to.toEpochDay());
  }

  /**
   * Returns the fingerprint of a search (query, filters, order) that cursors carry, so that a
   * cursor of one search is refused by another.
   *
   * @param request the search
   * @return the fingerprint
   */
  public static long fingerprint(SearchRequest request) {
    return Cursor.fingerprint(request);
  }
}
