package org.dateline;

import java.util.Set;

/**
 * The index's field names and what each is for, in one place.
 *
 * <ul>
 *   <li>{@link #ID}: keyword, stored, sorted doc values. The upsert key, and the tie-breaker that
 *       makes equal scores come back in the same order every time.
 *   <li>{@link #TITLE}, {@link #BODY}: text analyzed by {@link NewsAnalyzer}, stored, positions in
 *       the postings but no offsets: the highlighter analyzes the shown hits' text again to find
 *       where they matched (indexes made before keep their offsets, and the highlighter reads
 *       them).
 *   <li>{@link #DATE}: epoch milliseconds UTC as a {@code LongField}: points for range filters,
 *       numeric doc values for sorting and date facets, stored for display.
 *   <li>{@link #SOURCE} and every extra keyword field (Reuters {@code topics}, {@code places},
 *       ...): the term is the value in lower case ({@code Locale.ROOT}) so filters ignore case;
 *       sorted-set doc values hold the value as written, for facets; stored as written.
 *   <li>{@link #URL}: stored only.
 *   <li>{@link #TITLE_DERIVED}: stored marker, present when the title was taken from the lede.
 * </ul>
 */
final class Fields {
  private Fields() {}

  static final String ID = "id";
  static final String TITLE = "title";
  static final String BODY = "body";
  static final String DATE = "date";
  static final String SOURCE = "source";
  static final String URL = "url";
  static final String TITLE_DERIVED = "title_derived";

  /** Fields that are not extra keyword fields. */
  static final Set<String> RESERVED = Set.copyOf(Article.RESERVED_FIELDS);

  /** Longest keyword value kept (source, extra fields); longer ones are cut, with a warning. */
  static final int MAX_KEYWORD_CHARS = 512;

  /** Longest id accepted; an article with a longer one is skipped. */
  static final int MAX_ID_CHARS = 512;

  /** Tokens longer than this many characters are dropped from title and body. */
  static final int MAX_TOKEN_CHARS = 255;

  /** Returns whether a field name in the index is an extra keyword field. */
  static boolean isExtra(String field) {
    return !RESERVED.contains(field) && !field.startsWith("$");
  }
}
