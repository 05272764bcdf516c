package org.dateline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One news article, as read from a corpus and as stored in the index.
 *
 * @param id unique key of the article within an index; indexing the same id again replaces it
 * @param title the headline to show; never null (a title derived from the lede where the text had
 *     none, see {@link #titleDerived()})
 * @param titleDerived true when {@code title} was taken from the lede rather than given by the text
 *     or its metadata
 * @param body the article text; may be empty (a headline-only wire item) but never null
 * @param date when the article was published, in UTC; null when unknown
 * @param source who published it, as written (e.g. "Reuters", "IDG News Service"); may be empty
 * @param url where the article lives, or null
 * @param fields extra keyword fields a format brings (e.g. Reuters {@code topics} and {@code
 *     places}), by lower-case field name; values kept in order
 */
public record Article(
    String id,
    String title,
    boolean titleDerived,
    String body,
    Instant date,
    String source,
    String url,
    Map<String, List<String>> fields) {

  /** Whether a name is already of the form {@code [a-z][a-z0-9_]{0,63}}. */
  private static boolean isFieldName(String name) {
    int n = name.length();
    if (n == 0 || n > 64 || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** Field names an extra keyword field may not take, because the index uses them itself. */
  public static final List<String> RESERVED_FIELDS =
      List.of("id", "title", "body", "date", "source", "url", "title_derived", "all");

  /** Validates and copies. */
  public Article {
    Check.notBlank(id, "id");
    Objects.requireNonNull(title, "title");
    body = body == null ? "" : body;
    source = source == null ? "" : source.strip();
    url = url == null || url.isBlank() ? null : url.strip();
    if (fields == null) {
      fields = Map.of();
    } else {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> e : fields.entrySet()) {
        String name = e.getKey();
        Check.argument(
            isFieldName(name),
            "extra field name must match [a-z][a-z0-9_]* (got: %s)",
            name);
        Check.argument(
            !RESERVED_FIELDS.contains(name), "extra field name is reserved (got: %s)", name);
        List<String> values = List.copyOf(e.getValue());
        if (!values.isEmpty()) {
          copy.put(name, values);
        }
      }
      fields = java.util.Collections.unmodifiableMap(copy);
    }
  }

  /**
   * The publication date, if known.
   *
   * @return the date, or empty
   */
  public Optional<Instant> findDate() {
    return Optional.ofNullable(date);
  }

  /**
   * Normalizes a name for use as an extra field name: lower case, other characters to '_'.
   *
   * @param name a field name as a format writes it (e.g. "TOPICS", "story-id")
   * @return the name an {@link Article} accepts in {@link #fields()}
   */
  public static String fieldName(String name) {
    if (isFieldName(name)) {
      return name; // the common case, on every field of every record: no regex
    }
    String lower = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (lower.isEmpty() || !Character.isLetter(lower.charAt(0))) {
      lower = "f_" + lower;
    }
    return lower.length() > 64 ? lower.substring(0, 64) : lower;
  }
}
