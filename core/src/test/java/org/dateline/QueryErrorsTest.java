package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed queries give an {@link InvalidQueryException} with the position, never a Lucene error.
 */
class QueryErrorsTest {
  @TempDir static Path dir;
  static NewsSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(SearchTestSupport.sampleArticles());
    }
    searcher = NewsSearcher.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static InvalidQueryException invalid(String query) {
    InvalidQueryException e =
        assertThrows(
            InvalidQueryException.class,
            () -> searcher.search(SearchRequest.of(query)),
            "query: " + query);
    assertEquals(query, e.query());
    return e;
  }

  private static void assertInvalid(String query, int position, String messagePart) {
    InvalidQueryException e = invalid(query);
    assertEquals(position, e.position(), query + " -> " + e.getMessage());
    assertTrue(
        e.getMessage().contains(messagePart),
        "message of " + query + " should mention \"" + messagePart + "\": " + e.getMessage());
  }

  @Test
  void unbalancedQuoteIsReportedWhereItOpens() {
    assertInvalid("microsoft \"search warrant", 10, "unclosed quote at position 10");
    assertInvalid("\"a\" \"b", 4, "unclosed quote");
  }

  @Test
  void aNegativePhraseSlopIsReportedAtItsTilde() {
    assertInvalid("\"oil prices\"~-2", 12, "phrase slop -2 at position 12");
    assertInvalid("crude AND \"oil prices\"~-1 OR gold", 22, "must be 0 or more");
  }

  @Test
  void unbalancedParenthesisIsReportedWhereItIs() {
    assertInvalid("(search OR warrant", 0, "unclosed ( at position 0");
    assertInvalid("((search) OR warrant", 0, "unclosed (");
    assertInvalid("(search) OR warrant)", 19, "unmatched ) at position 19");
    assertInvalid("search ]", 7, "unmatched ]");
    assertInvalid("date:[2017 TO 2018", 5, "unclosed [");
    assertInvalid("()", 1, "empty");
  }

  @Test
  void danglingOperatorIsReportedAtTheOperator() {
    assertInvalid("search AND", 7, "\"AND\" at position 7 has nothing after it");
    assertInvalid("search OR ", 7, "\"OR\" at position 7 has nothing after it");
    assertInvalid("AND search", 0, "\"AND\" at position 0 has nothing before it");
    assertInvalid("search AND OR warrant", 11, "\"OR\" at position 11");
    assertInvalid("search NOT", 7, "nothing after it");
  }

  @Test
  void badDateIsReportedAtTheDate() {
    assertInvalid(
        "date:[2017-13-01 TO 2017-01-31]",
        6,
        "\"2017-13-01\" at position 6 does not exist: there is no month 13");
    assertInvalid(
        "date:[2017-01-01 TO 2017-02-30]",
        20,
        "\"2017-02-30\" at position 20 does not exist: February 2017 has 28 days");
    assertInvalid("warrant date:yesterday", 13, "\"yesterday\" at position 13 is not a date");
    assertInvalid("date:2017*", 5, "a date cannot be a wildcard");
  }

  @Test
  void leadingWildcardIsRefused() {
    assertInvalid("*arrant", 0, "starts with a wildcard");
    assertInvalid("search title:?arrant", 13, "\"?arrant\" at position 13 starts with a wildcard");
  }

  @Test
  void deepNestingIsRefusedWithoutOverflowingTheStack() {
    String deep = "(".repeat(10_000) + "warrant" + ")".repeat(10_000);
    assertInvalid(deep, QuerySyntax.MAX_DEPTH, "nested deeper than 100 levels");
    String fine = "(".repeat(50) + "warrant" + ")".repeat(50);
    assertDoesNotFail(fine);
  }

  @Test
  void unknownFieldListsTheFieldsThereAre() {
    assertInvalid(
        "search Note: warrant",
        7,
        "unknown field \"Note\" at position 7; fields: title, body, source, date, id");
    assertInvalid("url:x", 0, "cannot be searched");
  }

  @Test
  void tooWideWildcardOrFuzzyTermIsRefusedBeforeItRuns(@TempDir Path small) throws IOException {
    try (NewsIndex index = NewsIndex.open(small)) {
      index.add(SearchTestSupport.sampleArticles());
    }
    // The sample has some 30 words starting with "s" per field; allow 20
    try (Directory d = FSDirectory.open(small);
        NewsSearcher narrow = NewsSearcher.open(d, 20)) {
      InvalidQueryException wide =
          assertThrows(
              InvalidQueryException.class, () -> narrow.search(SearchRequest.of("microsoft s*")));
      assertEquals(10, wide.position());
      assertTrue(
          wide.getMessage().contains("\"s*\" at position 10 matches more than 20 words"),
          wide.getMessage());
      InvalidQueryException fuzzy =
          assertThrows(InvalidQueryException.class, () -> narrow.search(SearchRequest.of("ab~2")));
      assertEquals(0, fuzzy.position());
      assertTrue(
          fuzzy.getMessage().contains("\"ab~\" at position 0 matches more than 20 words"),
          fuzzy.getMessage());
      assertEquals(5, narrow.search(SearchRequest.of("warr*")).total(), "narrow terms still run");
    }
  }

  @Test
  void otherMistakesAreReportedWithAPosition() {
    assertInvalid("warrant^", 7, "boost");
    assertInvalid("title:", 5, "no value");
    assertInvalid("and/or", 3, "unmatched /");
    assertInvalid("warrant\\", 7, "backslash");
    assertInvalid("search /[a/", 7, "\"/[a/\" at position 7 is not a valid regular expression");
  }

  @Test
  void queryWithTooManyTermsIsRefused() {
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < 700; i++) {
      words.append("w").append(i).append(' ');
    }
    InvalidQueryException e = invalid(words.toString());
    assertEquals(-1, e.position(), "it concerns the whole query");
    assertTrue(e.getMessage().contains("too many terms"), e.getMessage());
    assertDoesNotFail("microsoft AND *:*");
  }

  private static void assertDoesNotFail(String query) {
    try {
      searcher.search(SearchRequest.of(query));
    } catch (IOException | RuntimeException e) {
      fail(query + " failed: " + e);
    }
  }

  /**
   * Seeded random strings of query syntax: each either runs or is an InvalidQueryException; no
   * other exception (no Lucene type, no stack overflow) reaches the caller.
   */
  @Test
  void randomSyntaxNeverLeaksALuceneException() throws IOException {
    long seed = Long.getLong("dateline.seed", 20170124L);
    Random random = new Random(seed);
    List<String> pieces =
        List.of(
            "warrant", "search", " ", " ", "AND", "OR", "NOT", "\"", "(", ")", "[", "]", "{", "}",
            "~", "~2", "^", "^2", "*", "?", ":", "title:", "date:", "source:", "topics:", "+", "-",
            "!", "/", "\\", "TO", "2017", "2017-01", "&&", "||", "w*", "é", "\u3000");
    int invalid = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder q = new StringBuilder();
      int n = 1 + random.nextInt(8);
      for (int j = 0; j < n; j++) {
        q.append(pieces.get(random.nextInt(pieces.size())));
      }
      try {
        SearchResult r = searcher.search(SearchRequest.of(q.toString()));
        assertTrue(r.total() >= 0);
      } catch (InvalidQueryException e) {
        invalid++;
        assertTrue(
            e.position() >= -1 && e.position() <= q.length(),
            "position within the query (seed " + seed + "): " + q + " -> " + e.position());
        assertTrue(!e.getMessage().isBlank());
      } catch (RuntimeException | StackOverflowError e) {
        fail("seed " + seed + ": query <" + q + "> leaked " + e, e);
      }
    }
    assertTrue(invalid > 100, "the generator makes malformed queries too (seed " + seed + ")");
  }
}
