package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text analysis kept with the index, BM25 parameters, and any-word requests. */
class RankingOptionsTest {
  static Article article(String id, String title, String body) {
    return new Article(id, title, false, body, null, "", null, Map.of());
  }

  static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  @Test
  void theAnalysisIsKeptWithTheIndexAndUsedForQueries(@TempDir Path dir) throws IOException {
    Path english = dir.resolve("english");
    Path news = dir.resolve("news");
    List<Article> articles =
        List.of(article("a", "", "The Structure of the THE Multiprogramming System"));
    try (NewsIndex index =
        NewsIndex.open(
            english, IndexConfig.DEFAULT.withAnalysis(TextAnalysis.ENGLISH_STOPWORDS_PORTER))) {
      index.add(articles);
    }
    try (NewsIndex index = NewsIndex.open(news)) {
      index.add(articles);
    }
    try (NewsSearcher s = NewsSearcher.open(english)) {
      assertEquals(TextAnalysis.ENGLISH_STOPWORDS_PORTER, s.analysis());
      // "the" is a stop word: dropped from the index and from the query alike
      assertEquals(0, s.search(SearchRequest.of("\"the\"")).total());
      assertEquals(List.of("a"), ids(s.search(SearchRequest.of("structures"))));
    }
    try (NewsSearcher s = NewsSearcher.open(news)) {
      assertEquals(TextAnalysis.NEWS, s.analysis());
      assertEquals(List.of("a"), ids(s.search(SearchRequest.of("\"the\""))));
    }
  }

  @Test
  void anIndexCannotBeReopenedWithAnotherAnalysis(@TempDir Path dir) throws IOException {
    try (NewsIndex index =
        NewsIndex.open(
            dir, IndexConfig.DEFAULT.withAnalysis(TextAnalysis.ENGLISH_STOPWORDS_PORTER))) {
      index.add(List.of(article("a", "", "text")));
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NewsIndex.open(dir));
    assertTrue(e.getMessage().contains("english-stopwords-porter"), e.getMessage());
    // the failed open released the folder: the right analysis still opens it
    try (NewsIndex index =
        NewsIndex.open(
            dir, IndexConfig.DEFAULT.withAnalysis(TextAnalysis.ENGLISH_STOPWORDS_PORTER))) {
      assertEquals(1, index.count());
    }
  }

  @Test
  void analysisLabelsReadBothWays() {
    assertEquals(
        TextAnalysis.ENGLISH_STOPWORDS_PORTER, TextAnalysis.ofLabel("english-stopwords-porter"));
    assertEquals(TextAnalysis.NEWS, TextAnalysis.ofLabel("NEWS"));
    assertEquals("english-stopwords-porter", TextAnalysis.ENGLISH_STOPWORDS_PORTER.label());
    assertThrows(IllegalArgumentException.class, () -> TextAnalysis.ofLabel("french"));
  }

  @Test
  void anyWordMatchesAnyWordAndParsesNoSyntax(@TempDir Path dir) throws IOException {
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(
          List.of(
              article("one", "", "time sharing on IBM computers"),
              article("two", "", "a time sharing system"),
              article("three", "", "compilers")));
    }
    String topic = "What deals with TSS (Time Sharing System), an OS for IBM: \"computers?";
    try (NewsSearcher s = NewsSearcher.open(dir)) {
      assertThrows(InvalidQueryException.class, () -> s.search(SearchRequest.of(topic)));
      SearchResult r = s.search(SearchRequest.of(topic).withAnyWord(true));
      assertEquals(List.of("one", "two"), ids(r));
      assertEquals(0, s.search(SearchRequest.of("?? !!").withAnyWord(true)).total());
    }
  }

  @Test
  void aWordWrittenTwiceWeighsTwice(@TempDir Path dir) throws IOException {
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(List.of(article("x", "", "parsing"), article("y", "", "grammars")));
    }
    try (NewsSearcher s = NewsSearcher.open(dir)) {
      List<Hit> once = s.search(SearchRequest.of("parsing grammars").withAnyWord(true)).hits();
      assertEquals(once.get(0).score(), once.get(1).score(), 1e-6);
      List<Hit> twice =
          s.search(SearchRequest.of("parsing grammars parsing").withAnyWord(true)).hits();
      assertEquals("x", twice.get(0).id());
      assertEquals(2 * once.get(0).score(), twice.get(0).score(), 1e-5);
    }
  }

  @Test
  void bm25ParametersChangeTheRanking(@TempDir Path dir) throws IOException {
    String filler = " and then some more words about other matters".repeat(20);
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(
          List.of(
              article("short", "", "a warrant"),
              article("long", "", "warrant warrant warrant" + filler)));
    }
    // without length normalization the three occurrences win; with full normalization the length
    // of "long" outweighs them
    try (NewsSearcher s = NewsSearcher.open(dir, new Bm25(1.2f, 0f))) {
      assertEquals(List.of("long", "short"), ids(s.search(SearchRequest.of("warrant"))));
    }
    try (NewsSearcher s = NewsSearcher.open(dir, new Bm25(1.2f, 1f))) {
      assertEquals(List.of("short", "long"), ids(s.search(SearchRequest.of("warrant"))));
    }
    assertThrows(IllegalArgumentException.class, () -> new Bm25(-1f, 0.5f));
    assertThrows(IllegalArgumentException.class, () -> new Bm25(1f, 1.5f));
  }

  @Test
  void requestsBuiltTheOldWayAreSyntaxRequests() {
    SearchRequest r = SearchRequest.of("a b");
    assertFalse(r.anyWord());
    assertTrue(r.withAnyWord(true).page(0, 5).snippets(0, 100).anyWord());
    assertFalse(
        new SearchRequest(
                "a",
                java.util.Set.of(),
                DateRange.ALL,
                Map.of(),
                SortOrder.RELEVANCE,
                0,
                10,
                null,
                0,
                100,
                FacetRequest.NONE)
            .anyWord());
  }
}
