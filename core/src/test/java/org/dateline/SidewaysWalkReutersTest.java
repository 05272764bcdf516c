package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facets of source- and date-filtered searches counted in the hits' own walk ({@link
 * SidewaysPass}) give the same hits, order, totals, pages and counts as a search without facets
 * and as one run per sideways pass, on Reuters text with seeded sources and dates over several
 * segments, with updates and deletes.
 */
class SidewaysWalkReutersTest {
  private static final long SEED = 20261127L;
  private static final FacetRequest FACETS = FacetRequest.of("source", "month");

  @TempDir static Path dir;
  static NewsSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    Assumptions.assumeTrue(
        RawReuters.available(), "Reuters-21578 not found at " + RawReuters.TARBALL + "; skipped");
    Random random = new Random(SEED);
    List<Article> read = ReutersFixtures.firstVaried(4_000, random);
    try (NewsIndex index = NewsIndex.open(dir, IndexConfig.DEFAULT.withThreads(1))) {
      for (int from = 0; from < read.size(); from += 1_000) {
        index.add(read.subList(from, Math.min(read.size(), from + 1_000)));
      }
      List<Article> updates = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        updates.add(ReutersFixtures.vary(read.get(random.nextInt(read.size())), random));
      }
      index.add(updates);
      index.delete(Set.of(read.get(7).id(), read.get(1_500).id(), read.get(3_999).id()));
    }
    searcher = NewsSearcher.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    if (searcher != null) {
      searcher.close();
    }
  }

  /** The filtered requests: one source, two sources, a date range, both, a word's source. */
  private static List<SearchRequest> filtered(String query) {
    SearchRequest r = SearchRequest.of(query);
    DateRange years = new DateRange(LocalDate.of(1984, 3, 1), LocalDate.of(1987, 6, 30));
    return List.of(
        r.withSources("Courier"),
        r.withSources("Courier", "RTÉ News"),
        r.withSources("tribune"),
        r.withDates(years),
        r.withDates(years).withSources("Reuters"),
        r.withDates(new DateRange(null, LocalDate.of(1986, 1, 1))).withSources("Ashford Tribune"));
  }

  @Test
  void hitsWithSidewaysFacetsAreTheHitsWithout() throws IOException {
    int compared = 0;
    for (String query : List.of("oil", "said", "\"crude oil\"", "bank OR rate", "oil prices")) {
      for (SearchRequest base : filtered(query)) {
        for (SortOrder sort : SortOrder.values()) {
          SearchRequest plain = base.sortBy(sort).page(0, 10);
          // the same search twice: the second counts from the segments' columns
          for (int round = 0; round < 2; round++) {
            SearchResult without = searcher.search(plain);
            SearchResult with = searcher.search(plain.facets(FACETS));
            String what = plain + ", round " + round;
            assertSame(without, with, what);
            assertFalse(with.facets().isEmpty(), what);
            // a dimension whose own filter is absent counts the hits: it adds up to the total
            if (plain.sources().isEmpty()) {
              assertEquals(without.total(), sum(with.facets().get("source")), what + ": sources");
            }
            if (plain.dates().isAll()) {
              assertEquals(without.total(), sum(with.facets().get("month")), what + ": months");
            }
            if (without.findNextCursor().isPresent()) {
              String cursor = without.findNextCursor().get();
              assertSame(
                  searcher.search(plain.after(cursor)),
                  searcher.search(plain.facets(FACETS).after(cursor)),
                  what + ", next page");
            }
            assertSame(
                searcher.search(plain.page(10, 10)),
                searcher.search(plain.facets(FACETS).page(10, 10)),
                what + ", offset 10");
            compared++;
          }
        }
      }
    }
    assertTrue(compared > 100, "compared: " + compared);
  }

  private static long sum(FacetResult r) {
    return r.counts().stream().mapToLong(FacetCount::count).sum() + r.otherCount() + r.missing();
  }

  private static void assertSame(SearchResult expected, SearchResult actual, String what) {
    assertEquals(expected.total(), actual.total(), what + ": total");
    assertEquals(expected.hits(), actual.hits(), what + ": hits");
    assertEquals(expected.findNextCursor(), actual.findNextCursor(), what + ": cursor");
  }

  @Test
  void countsInOneWalkAreTheCountsOfOneRunPerPass() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher plain = new IndexSearcher(reader);
      FacetRequest facets =
          new FacetRequest(List.of("source", "month", "day"), 3, DateRange.ALL);
      int nonEmpty = 0;
      for (String word : List.of("oil", "said", "bank", "wheat")) {
        Query q = new TermQuery(new Term(Fields.BODY, word));
        for (SearchRequest r : filtered(word)) {
          Map<String, Query> filters = NewsSearcher.filters(r);
          for (int round = 0; round < 3; round++) {
            FacetEngine.Plan oneWalk = FacetEngine.plan(reader, filters, facets, Set.of("source", "date"));
            assertFalse(oneWalk.sidewaysKeys().isEmpty(), r.toString());
            Map<String, FacetResult> expected =
                FacetEngine.plan(reader, filters, facets, Set.of())
                    .count(plain, q, (FacetPass.Counts) null);
            Map<String, FacetResult> actual = oneWalk.count(plain, q, (FacetPass.Counts) null);
            assertEquals(expected, actual, r + " " + word + ", round " + round);
            // the date filter checked by day from the segments' columns (from round 1 on)
            Map<String, FacetResult> byDay =
                oneWalk.count(
                    plain,
                    q,
                    plain.search(oneWalk.walkQuery(q), oneWalk.sidewaysPass(plain, null, r.dates())));
            assertEquals(expected, byDay, r + " " + word + " by day, round " + round);
            if (expected.get("source").counts().size() > 1) {
              nonEmpty++;
            }
          }
        }
      }
      assertTrue(nonEmpty > 20, "searches with several sources: " + nonEmpty);
    }
  }
}
