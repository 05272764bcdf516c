package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchRequestTest {
  private static void assertRejected(String message, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertEquals(message, e.getMessage());
  }

  @Test
  void defaultsAreRelevanceFirstPageThreeSnippets() {
    SearchRequest r = SearchRequest.of("warrant");
    assertEquals(SortOrder.RELEVANCE, r.sort());
    assertEquals(0, r.offset());
    assertEquals(10, r.limit());
    assertNull(r.cursor());
    assertEquals(3, r.snippets());
    assertEquals(160, r.snippetLength());
    assertEquals(DateRange.ALL, r.dates());
    assertEquals(FacetRequest.NONE, r.facets());
    assertEquals("", SearchRequest.of(null).query());
  }

  @Test
  void pageLimitsAreChecked() {
    assertRejected(
        "limit must be between 1 and 10000 (got: 0)", () -> SearchRequest.of("x").page(0, 0));
    assertRejected(
        "limit must be between 1 and 10000 (got: 10001)",
        () -> SearchRequest.of("x").page(0, 10_001));
    assertRejected("offset must be >= 0 (got: -1)", () -> SearchRequest.of("x").page(-1, 10));
    assertRejected(
        "offset + limit must be <= 100000 (got: 100010); page deeper with the cursor",
        () -> SearchRequest.of("x").page(100_000, 10));
  }

  @Test
  void offsetAndCursorAreNotBothSet() {
    SearchRequest r = SearchRequest.of("x").page(20, 10).after("abc");
    assertEquals(0, r.offset(), "after() pages by cursor from offset 0");
    assertEquals(10, r.limit());
    assertNull(r.page(20, 10).cursor(), "page() drops the cursor");
    assertRejected(
        "offset must be 0 when paging with a cursor (got: 5)",
        () ->
            new SearchRequest(
                "x",
                Set.of(),
                DateRange.ALL,
                Map.of(),
                SortOrder.RELEVANCE,
                5,
                10,
                "abc",
                3,
                160,
                FacetRequest.NONE));
  }

  @Test
  void snippetSettingsAreChecked() {
    assertRejected(
        "snippets must be between 0 and 10 (got: 11)",
        () -> SearchRequest.of("x").snippets(11, 160));
    assertRejected(
        "snippetLength must be between 20 and 2000 (got: 19)",
        () -> SearchRequest.of("x").snippets(3, 19));
    assertEquals(0, SearchRequest.of("x").snippets(0, 20).snippets());
  }

  @Test
  void filtersAreChecked() {
    assertRejected(
        "field filter name must be an extra keyword field, not source (use withSources or"
            + " withDates)",
        () -> SearchRequest.of("x").withField("source", "Reuters"));
    assertRejected(
        "field filter name must match [a-z][a-z0-9_]* (got: Topics)",
        () -> SearchRequest.of("x").withField("Topics", "crude"));
    assertRejected(
        "source filter values must not be blank (got: \" \")",
        () -> SearchRequest.of("x").withSources(" "));
    SearchRequest r =
        SearchRequest.of("x").withField("topics", "crude").withField("topics", Set.of());
    assertEquals(Map.of(), r.fields(), "an empty set drops the field's filter");
  }
}
