package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The source filter, as the README promises it: a source's whole name picks exactly that source;
 * otherwise words of the name, in order, pick every source holding them ({@code rte} finds "RTÉ
 * News"). Over the five sample articles (RTÉ News, TechEye, CSO (IDG News Service), IDM, News
 * Ledge) plus two wire articles from "Reuters" and "Thomson Reuters Foundation", each batch its own
 * segment, so that a name that only one segment holds still decides for all of them.
 */
class SourceFilterTest {
  private static NewsIndex index;
  private static NewsSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    index = NewsIndex.open(null, dir, IndexConfig.DEFAULT.withThreads(1));
    index.add(SearchTestSupport.sampleArticles());
    index.add(List.of(wire("wire-1", "Reuters", "1987-02-26T15:01:01Z")));
    index.add(List.of(wire("wire-2", "Thomson Reuters Foundation", "2016-07-18T10:00:00Z")));
    searcher = NewsSearcher.open(dir, NewsSearcher.DEFAULT_MAX_EXPANSIONS);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
    index.close();
  }

  private static Article wire(String id, String source, String date) {
    return new Article(
        id,
        "Court rules on a search warrant for emails",
        false,
        "A court ruled on a search warrant for emails stored overseas.",
        Instant.parse(date),
        source,
        null,
        Map.of());
  }

  /** The sources of every article a source filter keeps. */
  private static Set<String> sources(String... filter) throws IOException {
    SearchRequest r = SearchRequest.of("").withSources(Set.of(filter)).page(0, 100);
    return sourcesOf(searcher.search(r));
  }

  private static Set<String> sourcesOf(SearchResult result) {
    Set<String> out = new TreeSet<>();
    result.hits().forEach(h -> out.add(h.source()));
    return out;
  }

  private static Set<String> queried(String query) throws IOException {
    return sourcesOf(searcher.search(SearchRequest.of(query).page(0, 100)));
  }

  @Test
  void aWordOfTheNameFindsTheSourceIgnoringCaseAndAccents() throws IOException {
    assertEquals(Set.of("RTÉ News"), sources("rte"));
    assertEquals(Set.of("RTÉ News"), sources("RTÉ"));
    assertEquals(Set.of("CSO (IDG News Service)"), sources("idg"));
  }

  @Test
  void theWholeNameStillWorksInAnyCase() throws IOException {
    assertEquals(Set.of("RTÉ News"), sources("rte news"));
    assertEquals(Set.of("RTÉ News"), sources("RTÉ News"));
    assertEquals(Set.of("CSO (IDG News Service)"), sources("cso (idg news service)"));
  }

  @Test
  void wordsMatchInOrderAndWhole() throws IOException {
    assertEquals(
        Set.of("CSO (IDG News Service)", "News Ledge", "RTÉ News"), sources("news"));
    assertEquals(Set.of("CSO (IDG News Service)"), sources("idg news"));
    assertEquals(Set.of(), sources("news rte"), "out of order");
    assertEquals(Set.of(), sources("rt"), "a word, not a prefix");
    assertEquals(Set.of(), sources("zeppelin"));
  }

  @Test
  void aSourceNamedExactlySoWinsOverSourcesHoldingTheWord() throws IOException {
    // "Reuters" is the name of one source and a word of another: the name decides, in every
    // segment, although the segment holding "Thomson Reuters Foundation" has no "Reuters".
    assertEquals(Set.of("Reuters"), sources("reuters"));
    assertEquals(Set.of("Thomson Reuters Foundation"), sources("thomson reuters"));
    assertEquals(Set.of("Reuters", "TechEye"), sources("Reuters", "techeye"));
  }

  @Test
  void theQuerySyntaxMatchesSourcesTheSameWay() throws IOException {
    assertEquals(Set.of("RTÉ News"), queried("source:rte"));
    assertEquals(Set.of("RTÉ News"), queried("source:\"RTÉ News\""));
    assertEquals(Set.of("Reuters"), queried("source:reuters"));
    assertEquals(Set.of("News Ledge", "RTÉ News"), queried("source:news -source:idg"));
  }

  @Test
  void drillingDownByAFacetValueCountsExactlyThatSource() throws IOException {
    SearchRequest all = SearchRequest.of("warrant").facets(FacetRequest.of("source", "year"));
    FacetResult bySource = searcher.search(all).facets().get("source");
    for (FacetCount value : bySource.counts()) {
      SearchResult drilled = searcher.search(all.withSources(value.label()).page(0, 100));
      assertEquals(value.count(), drilled.total(), value::toString);
      assertEquals(Set.of(value.label()), sourcesOf(drilled), value::toString);
      long years =
          drilled.facets().get("year").counts().stream().mapToLong(FacetCount::count).sum();
      assertEquals(value.count(), years, () -> "the year counts are that source's: " + value);
    }
  }

  @Test
  void aNameOnlyDeletedArticlesHadNoLongerWins() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (NewsIndex two = NewsIndex.open(null, dir, IndexConfig.DEFAULT.withThreads(1))) {
      two.add(List.of(wire("a", "Reuters", "1987-02-26T15:01:01Z")));
      two.add(List.of(wire("b", "Thomson Reuters Foundation", "2016-07-18T10:00:00Z")));
      two.delete(List.of("a"));
      try (NewsSearcher s = NewsSearcher.open(dir, NewsSearcher.DEFAULT_MAX_EXPANSIONS)) {
        List<String> found = new ArrayList<>();
        s.search(SearchRequest.of("").withSources("reuters")).hits().forEach(h -> found.add(h.id()));
        assertEquals(List.of("b"), found);
      }
    }
  }
}
