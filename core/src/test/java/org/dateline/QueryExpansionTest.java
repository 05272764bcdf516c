package org.dateline;

import static org.dateline.SearchTestSupport.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RM3 expansion ({@link SearchRequest#expand(Rm3)}) on Reuters-21578: what it may change (the
 * order; for plain words, the hits) and what it must not (exact totals, paging, filters, phrases).
 */
class QueryExpansionTest {
  @TempDir static Path dir;
  static NewsSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    Path archive = SearchTestSupport.reutersArchive();
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    try (NewsIndex index = NewsIndex.open(dir);
        ArticleReader reader = ArticleReaders.open(List.of(archive), Format.AUTO, log)) {
      index.add(reader, log);
    }
    searcher = NewsSearcher.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    if (searcher != null) {
      searcher.close();
    }
  }

  /** Every hit of a search, paged with the cursor 100 at a time, in order. */
  static List<String> allHits(SearchRequest request) throws IOException {
    List<String> out = new ArrayList<>();
    String cursor = null;
    SearchRequest paged = request.page(0, 100).snippets(0, 20);
    do {
      SearchResult page = searcher.search(paged.after(cursor));
      out.addAll(ids(page));
      cursor = page.nextCursor();
    } while (cursor != null);
    return out;
  }

  @Test
  void aQueryInSyntaxKeepsItsHitsAndTotalAndOnlyChangesTheirOrder() throws IOException {
    SearchRequest plain = SearchRequest.of("opec oil output").page(0, 10);
    SearchResult before = searcher.search(plain);
    SearchResult after = searcher.search(plain.expand(Rm3.DEFAULT));
    assertTrue(before.total() > 50, "enough hits to reorder: " + before.total());
    assertEquals(before.total(), after.total());
    assertNotEquals(ids(before), ids(after), "expansion reorders the best hits");
    List<String> all = allHits(plain.expand(Rm3.DEFAULT));
    assertEquals(after.total(), all.size(), "paging by cursor reaches exactly the total");
    assertEquals(new HashSet<>(allHits(plain)), new HashSet<>(all), "the same articles");
    assertEquals(all.size(), new HashSet<>(all).size(), "no article twice across pages");
  }

  @Test
  void phrasesStayRequiredAndFiltersStayFilters() throws IOException {
    SearchRequest phrase =
        SearchRequest.of("\"interest rates\" bank").withField("places", "usa").page(0, 10);
    SearchResult before = searcher.search(phrase);
    SearchResult after = searcher.search(phrase.expand(Rm3.DEFAULT));
    assertTrue(before.total() > 50, "enough hits: " + before.total());
    assertEquals(before.total(), after.total());
    assertEquals(new HashSet<>(allHits(phrase)), new HashSet<>(allHits(phrase.expand(Rm3.DEFAULT))));
    for (Hit h : after.hits()) {
      Article a = searcher.find(h.id()).orElseThrow();
      assertTrue(
          a.fields().getOrDefault("places", List.of()).stream().anyMatch("usa"::equalsIgnoreCase),
          h.id() + " passes the filter");
    }
  }

  @Test
  void plainWordsMayFindMoreArticlesWithExactTotalsAndConsistentPages() throws IOException {
    SearchRequest words =
        SearchRequest.of("which countries cut crude oil production").withAnyWord(true);
    SearchResult before = searcher.search(words);
    SearchRequest expanded = words.expand(Rm3.DEFAULT);
    SearchResult after = searcher.search(expanded);
    assertTrue(after.total() >= before.total(), after.total() + " vs " + before.total());
    List<String> all = allHits(expanded);
    assertEquals(after.total(), all.size(), "paging by cursor reaches exactly the total");
    assertEquals(all.size(), new HashSet<>(all).size(), "no article twice across pages");
    List<String> byOffset = new ArrayList<>();
    for (int offset = 0; offset < 30; offset += 10) {
      byOffset.addAll(ids(searcher.search(expanded.page(offset, 10))));
    }
    assertEquals(all.subList(0, 30), byOffset, "offset pages agree with cursor pages");
    SearchResult again = searcher.search(expanded);
    assertEquals(ids(after), ids(again), "the same expansion every time");
    assertEquals(after.hits().get(0).score(), again.hits().get(0).score());
  }

  @Test
  void aCursorOfTheUnexpandedSearchIsRefused() throws IOException {
    SearchRequest plain = SearchRequest.of("opec oil output").page(0, 10);
    String cursor = searcher.search(plain).nextCursor();
    assertThrows(
        IllegalArgumentException.class,
        () -> searcher.search(plain.expand(Rm3.DEFAULT).after(cursor)));
  }

  @Test
  void nothingToLearnFromLeavesTheQueryAsItWas() throws IOException {
    assertEquals(
        0, searcher.search(SearchRequest.of("zzyzxnotaword").expand(Rm3.DEFAULT)).total());
    SearchRequest all = SearchRequest.of("").sortBy(SortOrder.NEWEST).page(0, 5);
    assertEquals(
        ids(searcher.search(all)), ids(searcher.search(all.expand(Rm3.DEFAULT))));
  }

  /**
   * The query expansion of a plain-words query, made on a searcher of the index that ranks with
   * other BM25 parameters.
   */
  static BooleanQuery expandedOn(IndexReader reader, BM25Similarity ranking, String words)
      throws IOException {
    IndexSearcher s = new IndexSearcher(reader);
    s.setSimilarity(ranking);
    Analyzer analyzer = new NewsAnalyzer();
    NewsQueryParser.Parsed parsed = NewsQueryParser.anyWord(words, analyzer);
    Query q =
        QueryExpansion.expand(
            s,
            analyzer,
            parsed.query(),
            NewsQueryParser.anyWordTerms(words, analyzer, true),
            true,
            parsed.query(),
            Rm3.DEFAULT);
    return (BooleanQuery) q;
  }

  @Test
  void theFeedbackRunRanksWithAnserinisBm25WhateverTheSearchersParameters() throws IOException {
    try (Directory d = FSDirectory.open(dir);
        IndexReader reader = DirectoryReader.open(d)) {
      String words = "which countries cut crude oil production";
      BooleanQuery lucene = expandedOn(reader, new BM25Similarity(1.2f, 0.75f), words);
      BooleanQuery other = expandedOn(reader, new BM25Similarity(2.0f, 1.0f), words);
      assertTrue(lucene.clauses().size() > 10, "feedback words added: " + lucene);
      assertEquals(lucene, other, "the same feedback words with the same weights");
    }
  }

  @Test
  void theExpandedQueryWeighsAWordTheSameInTitleAndBody() throws IOException {
    try (Directory d = FSDirectory.open(dir);
        IndexReader reader = DirectoryReader.open(d)) {
      BooleanQuery q = expandedOn(reader, new BM25Similarity(), "opec oil output");
      Map<String, Map<String, Float>> weights = new HashMap<>();
      for (BooleanClause c : q.clauses()) {
        BoostQuery b = (BoostQuery) c.query();
        Term t = ((TermQuery) b.getQuery()).getTerm();
        weights.computeIfAbsent(t.field(), f -> new HashMap<>()).put(t.text(), b.getBoost());
      }
      assertTrue(weights.get(Fields.BODY).size() > 3, "words added: " + q);
      assertEquals(weights.get(Fields.BODY), weights.get(Fields.TITLE));
    }
  }

  @Test
  void parametersAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> new Rm3(0, 10, 0.5f));
    assertThrows(IllegalArgumentException.class, () -> new Rm3(10, 0, 0.5f));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Rm3(10, 10, 1.5f));
    assertEquals("originalQueryWeight must be between 0 and 1 (got: 1.5)", e.getMessage());
  }
}
