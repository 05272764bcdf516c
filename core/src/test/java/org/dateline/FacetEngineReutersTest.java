package org.dateline;

import static org.dateline.FacetTestIndex.asMap;
import static org.dateline.FacetTestIndex.keyword;
import static org.dateline.FacetTestIndex.labels;
import static org.dateline.FacetTestIndex.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Facet counts over the whole Reuters-21578 collection, checked against a scan of the SGML. */
class FacetEngineReutersTest {
  /** More than any Reuters list field has, so every value is listed. */
  private static final int EVERY_VALUE = 10_000;

  private static FacetTestIndex index;
  private static List<RawReuters.Doc> raw;

  @BeforeAll
  static void build() throws IOException {
    Assumptions.assumeTrue(
        RawReuters.available(), "Reuters-21578 not found at " + RawReuters.TARBALL + "; skipped");
    raw = RawReuters.read();
    assertEquals(21_578, raw.size());
    index =
        FacetTestIndex.of(
            ArticleReaders.open(
                List.of(RawReuters.TARBALL), Format.REUTERS, new ProblemLog(ReadMode.LENIENT)));
  }

  @AfterAll
  static void close() throws IOException {
    if (index != null) {
      index.close();
    }
  }

  private static FacetRequest request(int topN, DateRange histogram, String... dimensions) {
    return new FacetRequest(List.of(dimensions), topN, histogram);
  }

  private static FacetRequest everyValue(String... dimensions) {
    return request(EVERY_VALUE, DateRange.ALL, dimensions);
  }

  /** What {@code oil} finds: the analyzed term in the title or the body. */
  private static Query oil() {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.TITLE, "oil")), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term(Fields.BODY, "oil")), BooleanClause.Occur.SHOULD)
        .build();
  }

  /** The raw month counts with every month of 1987 present, zero where the files have none. */
  private static Map<String, Long> monthsOf1987(Predicate<RawReuters.Doc> which) {
    Map<String, Long> expected = new TreeMap<>();
    for (int m = 1; m <= 12; m++) {
      expected.put(String.format(Locale.ROOT, "1987-%02d", m), 0L);
    }
    expected.putAll(RawReuters.byMonth(raw, which));
    return expected;
  }

  @Test
  void monthHistogramOf1987HasTwelveBucketsEqualToTheRawFiles() throws IOException {
    DateRange year1987 = new DateRange(LocalDate.of(1987, 1, 1), LocalDate.of(1987, 12, 31));
    FacetResult month = index.countAll(request(10, year1987, "month")).get("month");
    assertEquals(monthsOf1987(d -> true), asMap(month));
    assertEquals(12, month.counts().size());
    assertEquals(0, month.otherCount());
    assertEquals(0, month.missing(), "every document has a DATE");
  }

  @Test
  void monthHistogramOfAllArticlesRunsFromFebruaryToOctoberWithEmptyMonthsAtZero()
      throws IOException {
    FacetResult month = index.countAll(FacetRequest.of("month")).get("month");
    assertEquals(
        List.of(
            "1987-02", "1987-03", "1987-04", "1987-05", "1987-06", "1987-07", "1987-08",
            "1987-09", "1987-10"),
        labels(month));
    Map<String, Long> counts = asMap(month);
    for (String empty : List.of("1987-05", "1987-07", "1987-08", "1987-09")) {
      assertEquals(0, counts.get(empty), empty);
    }
    Map<String, Long> expected = monthsOf1987(d -> true);
    for (String label : labels(month)) {
      assertEquals(expected.get(label), counts.get(label), label);
    }
    assertEquals(raw.size(), sum(month));
  }

  @Test
  void placesOfOilArticlesMatchTheRawFiles() throws IOException {
    FacetResult places = index.count(oil(), Map.of(), everyValue("places")).get("places");
    assertEquals(
        RawReuters.byValue(raw, RawReuters.Doc::oil, RawReuters.Doc::places),
        new TreeMap<>(asMap(places)));
    long oilWithoutPlaces = raw.stream().filter(d -> d.oil() && d.places().isEmpty()).count();
    assertEquals(oilWithoutPlaces, places.missing());
    assertEquals(0, places.otherValues());
    assertEquals(raw.stream().filter(RawReuters.Doc::oil).count(), index.hits(oil(), Map.of()));
  }

  @Test
  void drillSidewaysOnAPlaceKeepsTheOtherPlacesAndNarrowsTopicsAndMonths() throws IOException {
    FacetRequest request = everyValue("places", "topics", "month");
    Map<String, FacetResult> unfiltered = index.count(oil(), Map.of(), request);
    Map<String, Query> usa = Map.of("places", keyword("places", "usa"));
    Map<String, FacetResult> r = index.count(oil(), usa, request);

    assertEquals(unfiltered.get("places"), r.get("places"), "places ignore their own selection");
    assertTrue(asMap(r.get("places")).get("uk") > 0, "other places still counted");

    Predicate<RawReuters.Doc> oilInUsa = d -> d.oil() && d.places().contains("usa");
    assertEquals(
        RawReuters.byValue(raw, oilInUsa, RawReuters.Doc::topics),
        new TreeMap<>(asMap(r.get("topics"))));
    Map<String, Long> months = new TreeMap<>(asMap(r.get("month")));
    months.values().removeIf(n -> n == 0);
    assertEquals(RawReuters.byMonth(raw, oilInUsa), months);

    long hits = raw.stream().filter(oilInUsa).count();
    assertEquals(hits, index.hits(oil(), usa), "a plain filtered search finds the same articles");
    FacetResult month = r.get("month");
    assertEquals(hits, sum(month) + month.otherCount() + month.missing());
    assertTrue(hits < sum(unfiltered.get("month")), "months narrow to the selected place");

    assertEquals(r, FacetEngine.count(index.parallelSearcher, oil(), usa, request));
  }

  @Test
  void singleValuedCountsPlusLeftoversEqualTheHits() throws IOException {
    Map<String, Query> crude = Map.of("topics", keyword("topics", "crude"));
    for (Query base : List.of(MatchAllDocsQuery.INSTANCE, oil())) {
      for (Map<String, Query> filters : List.of(Map.<String, Query>of(), crude)) {
        long hits = index.hits(base, filters);
        Map<String, FacetResult> r =
            index.count(base, filters, request(3, DateRange.ALL, "source", "month", "week"));
        for (FacetResult dim : r.values()) {
          assertEquals(
              hits,
              sum(dim) + dim.otherCount() + dim.missing(),
              dim.dimension() + " of " + base + " " + filters);
        }
      }
    }
  }
}
