package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The search fingerprint a cursor carries: a cursor handed out before the fingerprint was made
 * cheaper must still continue its search, so the fingerprint must stay what it was for every kind
 * of request.
 */
class CursorTest {
  /** The requests: with and without each part that goes into the fingerprint. */
  private static List<SearchRequest> requests() {
    SearchRequest plain = SearchRequest.of("oil prices");
    return List.of(
        plain,
        SearchRequest.of(""),
        SearchRequest.of("\"Stored Communications Act\"~2 warrant*"),
        plain.sortBy(SortOrder.NEWEST),
        plain.withSources("Reuters"),
        plain.withSources("RTÉ News", "reuters", "BBC"),
        plain.withDates(new DateRange(LocalDate.of(1987, 3, 1), LocalDate.of(1987, 3, 31))),
        plain.withDates(new DateRange(null, LocalDate.of(2017, 1, 31))),
        plain.withField("topics", "crude"),
        plain.withField("topics", "crude", "Gas").withField("places", "usa"),
        plain.withAnyWord(true),
        plain.expand(Rm3.DEFAULT),
        plain
            .withSources("reuters")
            .withField("topics", "crude")
            .withDates(new DateRange(LocalDate.of(1987, 1, 1), null))
            .sortBy(SortOrder.OLDEST)
            .withAnyWord(true)
            .expand(Rm3.DEFAULT));
  }

  @Test
  void fingerprintIsTheOneEarlierCursorsCarry() throws Exception {
    for (SearchRequest r : requests()) {
      assertEquals(reference(r), Cursor.fingerprint(r), r.toString());
    }
  }

  @Test
  void fingerprintTellsSearchesApartButNotPages() {
    List<SearchRequest> all = requests();
    Set<Long> distinct = new TreeSet<>();
    all.forEach(r -> distinct.add(Cursor.fingerprint(r)));
    assertEquals(all.size(), distinct.size(), "two different searches share a fingerprint");
    SearchRequest r = all.get(5);
    assertEquals(Cursor.fingerprint(r), Cursor.fingerprint(r.page(3, 25)));
    assertEquals(Cursor.fingerprint(r), Cursor.fingerprint(r.withHighlight(false)));
    assertNotEquals(Cursor.fingerprint(r), Cursor.fingerprint(r.withSources("reuters")));
  }

  /** The fingerprint as the first cursors computed it, kept here to hold the format to it. */
  private static long reference(SearchRequest r) throws Exception {
    StringBuilder sb = new StringBuilder();
    sb.append(r.query()).append('\u0000').append(r.sort()).append('\u0000');
    Set<String> sources = new TreeSet<>();
    r.sources().forEach(s -> sources.add(ArticleDocuments.keywordTerm(s)));
    sb.append(sources).append('\u0000').append(r.dates()).append('\u0000');
    Map<String, Set<String>> fields = new TreeMap<>();
    r.fields()
        .forEach(
            (k, v) -> {
              Set<String> terms = new TreeSet<>();
              v.forEach(x -> terms.add(ArticleDocuments.keywordTerm(x)));
              fields.put(k, terms);
            });
    sb.append(fields);
    if (r.anyWord()) {
      sb.append('\u0000').append("any word");
    }
    if (r.expansion() != null) {
      sb.append('\u0000').append(r.expansion());
    }
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(digest).getLong();
  }
}
