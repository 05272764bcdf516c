package org.dateline;

import static org.dateline.FacetTestIndex.asMap;
import static org.dateline.FacetTestIndex.keyword;
import static org.dateline.FacetTestIndex.labels;
import static org.dateline.FacetTestIndex.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Facet counts on a handful of articles made for the edge cases, in three segments. */
class FacetEngineTest {
  private static FacetTestIndex index;

  private static Article article(String id, String source, String day, List<String> topics) {
    return new Article(
        id,
        "Title " + id,
        false,
        "body of " + id,
        day == null ? null : Instant.parse(day + "T12:30:00Z"),
        source,
        null,
        topics.isEmpty() ? Map.of() : Map.of("topics", topics));
  }

  /*
   * source   date        topics
   * Reuters  2016-12-31  oil, gas
   * Reuters  2017-01-02  oil
   * AP       2017-01-24  gas, grain
   * AP       2017-03-05  -
   * (none)   (none)      wheat
   * BBC      (none)      oil, oil (one distinct value)
   */
  @BeforeAll
  static void build() throws IOException {
    index =
        FacetTestIndex.of(
            List.of(
                List.of(
                    article("a1", "Reuters", "2016-12-31", List.of("oil", "gas")),
                    article("a2", "Reuters", "2017-01-02", List.of("oil"))),
                List.of(
                    article("a3", "AP", "2017-01-24", List.of("gas", "grain")),
                    article("a4", "AP", "2017-03-05", List.of())),
                List.of(
                    article("a5", "", null, List.of("wheat")),
                    article("a6", "BBC", null, List.of("oil", "oil")))));
    assertEquals(3, index.segments(), "one segment per batch, so counts merge across segments");
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  private static Map<String, Long> counts(Object... labelsAndCounts) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < labelsAndCounts.length; i += 2) {
      m.put((String) labelsAndCounts[i], ((Number) labelsAndCounts[i + 1]).longValue());
    }
    return m;
  }

  private static Query month(String label) {
    DateRange r = DateRange.ofLabel(label);
    return LongField.newRangeQuery(Fields.DATE, r.fromMillis(), r.toMillis());
  }

  @Test
  void termCountsAreOrderedByCountThenLabelWithArticlesWithoutSourceAsMissing()
      throws IOException {
    FacetResult source = index.countAll(FacetRequest.of("source")).get("source");
    assertEquals(counts("AP", 2, "Reuters", 2, "BBC", 1), asMap(source));
    assertEquals(0, source.otherValues());
    assertEquals(0, source.otherCount());
    assertEquals(1, source.missing(), "a5 has no source");
  }

  @Test
  void undatedArticlesAreCountedApartInEveryDateDimension() throws IOException {
    Map<String, FacetResult> r = index.countAll(FacetRequest.of("year", "month", "week", "day"));
    for (FacetResult f : r.values()) {
      assertEquals(2, f.missing(), f.dimension() + ": a5 and a6 have no date");
      assertEquals(4, sum(f), f.dimension() + ": the four dated articles are in the buckets");
      assertEquals(0, f.otherCount(), f.dimension());
    }
    assertEquals(counts("2016", 1, "2017", 3), asMap(r.get("year")));
  }

  @Test
  void monthHistogramIncludesEmptyBucketsInTimeOrder() throws IOException {
    FacetResult month = index.countAll(FacetRequest.of("month")).get("month");
    assertEquals(
        counts("2016-12", 1, "2017-01", 2, "2017-02", 0, "2017-03", 1), asMap(month));
  }

  @Test
  void dayHistogramSpansFirstToLastDayWithEmptyDays() throws IOException {
    FacetResult day = index.countAll(FacetRequest.of("day")).get("day");
    List<String> labels = labels(day);
    assertEquals(
        ChronoUnit.DAYS.between(LocalDate.of(2016, 12, 31), LocalDate.of(2017, 3, 5)) + 1,
        labels.size());
    assertEquals("2016-12-31", labels.get(0));
    assertEquals("2017-03-05", labels.get(labels.size() - 1));
    assertEquals(1, asMap(day).get("2017-01-02"));
    assertEquals(0, asMap(day).get("2017-01-01"));
  }

  @Test
  void weekLabelsUseTheIsoWeekBasedYear() throws IOException {
    FacetResult week = index.countAll(FacetRequest.of("week")).get("week");
    // 2016-12-31 is a Saturday of 2016-W52; 2017-01-02 the Monday of 2017-W01.
    assertEquals(
        counts(
            "2016-W52", 1, "2017-W01", 1, "2017-W02", 0, "2017-W03", 0, "2017-W04", 1,
            "2017-W05", 0, "2017-W06", 0, "2017-W07", 0, "2017-W08", 0, "2017-W09", 1),
        asMap(week));
  }

  @Test
  void weekBucketsAroundYearEndsMatchTheirIsoLabels() throws IOException {
    String[] days = {
      "2015-12-31", "2016-01-03", "2016-01-04", "2016-12-31", "2017-01-01", "2017-01-02",
      "2020-12-31", "2021-01-03"
    };
    List<Article> articles = new ArrayList<>();
    for (String d : days) {
      articles.add(article("w" + d, "X", d, List.of()));
    }
    try (FacetTestIndex weeks = FacetTestIndex.of(List.of(articles))) {
      FacetResult week = weeks.countAll(FacetRequest.of("week")).get("week");
      Map<String, Long> m = asMap(week);
      assertEquals(2, m.get("2015-W53"), "2015-12-31 and Sunday 2016-01-03");
      assertEquals(1, m.get("2016-W01"));
      assertEquals(2, m.get("2016-W52"), "2016-12-31 and Sunday 2017-01-01");
      assertEquals(1, m.get("2017-W01"));
      assertEquals(2, m.get("2020-W53"), "2020-12-31 and Sunday 2021-01-03");
      assertEquals(days.length, sum(week));
      // Every bucket is the week its label names, and they follow each other without gaps.
      LocalDate expectedMonday = DateRange.ofLabel("2015-W53").from();
      for (FacetCount c : week.counts()) {
        DateRange r = DateRange.ofLabel(c.label());
        assertEquals(expectedMonday, r.from(), c.label());
        expectedMonday = expectedMonday.plusWeeks(1);
        long inWeek = 0;
        for (String d : days) {
          inWeek += r.contains(Instant.parse(d + "T12:30:00Z")) ? 1 : 0;
        }
        assertEquals(inWeek, c.count(), c.label());
      }
    }
  }

  @Test
  void multiValuedFieldCountsAnArticleOncePerDistinctValue() throws IOException {
    FacetResult topics = index.countAll(FacetRequest.of("topics")).get("topics");
    assertEquals(counts("oil", 3, "gas", 2, "grain", 1, "wheat", 1), asMap(topics));
    assertEquals(1, topics.missing(), "a4 has no topics");
  }

  @Test
  void otherCountOfMultiValuedFieldCountsArticlesWithNoListedValue() throws IOException {
    FacetRequest top2 = new FacetRequest(List.of("topics"), 2, DateRange.ALL);
    FacetResult topics = index.countAll(top2).get("topics");
    assertEquals(counts("oil", 3, "gas", 2), asMap(topics));
    assertEquals(2, topics.otherValues(), "grain and wheat");
    // a3 (gas, grain) has a listed value; only a5 (wheat) has none.
    assertEquals(1, topics.otherCount());

    FacetRequest top1 = new FacetRequest(List.of("topics"), 1, DateRange.ALL);
    FacetResult oil = index.countAll(top1).get("topics");
    assertEquals(3, oil.otherValues());
    assertEquals(2, oil.otherCount(), "a3 and a5 have topics, none of them oil");
  }

  @Test
  void topNLeavesTheRestInOtherValuesAndOtherCountSummingToTheHits() throws IOException {
    FacetRequest request = new FacetRequest(List.of("source", "month"), 1, DateRange.ALL);
    Map<String, FacetResult> r = index.countAll(request);
    FacetResult source = r.get("source");
    assertEquals(counts("AP", 2), asMap(source));
    assertEquals(2, source.otherValues(), "Reuters and BBC");
    assertEquals(3, source.otherCount());
    for (FacetResult f : r.values()) {
      assertEquals(6, sum(f) + f.otherCount() + f.missing(), f.dimension());
    }
  }

  @Test
  void drillSidewaysKeepsTheSelectedDimensionAndNarrowsTheOthers() throws IOException {
    FacetRequest request = FacetRequest.of("source", "month", "topics");
    Map<String, FacetResult> all = index.countAll(request);
    Map<String, Query> filters = Map.of("source", keyword("source", "reuters"));
    Map<String, FacetResult> r = index.count(MatchAllDocsQuery.INSTANCE, filters, request);

    assertEquals(all.get("source"), r.get("source"), "source counts ignore the source filter");
    assertEquals(counts("2016-12", 1, "2017-01", 1), asMap(r.get("month")));
    assertEquals(0, r.get("month").missing());
    assertEquals(counts("oil", 2, "gas", 1), asMap(r.get("topics")));
    FacetResult month = r.get("month");
    assertEquals(
        index.hits(MatchAllDocsQuery.INSTANCE, filters),
        sum(month) + month.otherCount() + month.missing(),
        "unselected dimensions count exactly the filtered hits");
  }

  @Test
  void drillSidewaysWithTwoSelectionsAppliesEachToTheOtherOnly() throws IOException {
    FacetRequest request = FacetRequest.of("source", "year", "month", "topics");
    Map<String, Query> filters = new LinkedHashMap<>();
    filters.put("source", keyword("source", "Reuters"));
    filters.put(FacetEngine.DATE_FILTER, month("2017-01"));
    Map<String, FacetResult> r = index.count(MatchAllDocsQuery.INSTANCE, filters, request);

    assertEquals(counts("AP", 1, "Reuters", 1), asMap(r.get("source")), "January 2017 only");
    assertEquals(counts("2016-12", 1, "2017-01", 1), asMap(r.get("month")), "Reuters only");
    assertEquals(counts("2016", 1, "2017", 1), asMap(r.get("year")), "Reuters only");
    assertEquals(counts("oil", 1), asMap(r.get("topics")), "a2: Reuters in January 2017");
    assertEquals(1, index.hits(MatchAllDocsQuery.INSTANCE, filters));
    assertEquals(1, r.get("topics").counts().get(0).count() + r.get("topics").missing());
  }

  @Test
  void givenHistogramRangeCoversWholeBucketsAndCountsTheRestAsOther() throws IOException {
    FacetRequest request =
        new FacetRequest(
            List.of("month"), 10, new DateRange(LocalDate.of(2017, 1, 15), LocalDate.of(2017, 2, 10)));
    FacetResult month = index.countAll(request).get("month");
    assertEquals(counts("2017-01", 2, "2017-02", 0), asMap(month), "all of January counts");
    assertEquals(2, month.otherCount(), "2016-12-31 and 2017-03-05");
    assertEquals(2, month.otherValues(), "2016-12 and 2017-03");
    assertEquals(2, month.missing());
  }

  @Test
  void openHistogramEndIsTheMatchesFirstOrLastDay() throws IOException {
    FacetRequest untilJanuary =
        new FacetRequest(List.of("month"), 10, new DateRange(null, LocalDate.of(2017, 1, 31)));
    FacetResult month = index.countAll(untilJanuary).get("month");
    assertEquals(counts("2016-12", 1, "2017-01", 2), asMap(month));
    assertEquals(1, month.otherCount());

    FacetRequest from2020 =
        new FacetRequest(List.of("year"), 10, new DateRange(LocalDate.of(2020, 1, 1), null));
    FacetResult year = index.countAll(from2020).get("year");
    assertEquals(List.of(), year.counts(), "every match is before the range");
    assertEquals(4, year.otherCount());
  }

  @Test
  void histogramOfMatchesWithoutDatesIsEmptyUnlessTheRangeIsGiven() throws IOException {
    Map<String, Query> bbc = Map.of("source", keyword("source", "BBC"));
    FacetResult open =
        index.count(MatchAllDocsQuery.INSTANCE, bbc, FacetRequest.of("month")).get("month");
    assertEquals(List.of(), open.counts());
    assertEquals(1, open.missing());

    FacetRequest closed =
        new FacetRequest(
            List.of("month"), 10, new DateRange(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 3, 31)));
    FacetResult zeros = index.count(MatchAllDocsQuery.INSTANCE, bbc, closed).get("month");
    assertEquals(counts("2017-01", 0, "2017-02", 0, "2017-03", 0), asMap(zeros));
    assertEquals(1, zeros.missing());
  }

  @Test
  void histogramWithTooManyBucketsFailsWithAdvice() throws IOException {
    FacetRequest request =
        new FacetRequest(
            List.of("day"), 10, new DateRange(LocalDate.of(1987, 2, 26), LocalDate.of(2026, 1, 1)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> index.countAll(request));
    long days = ChronoUnit.DAYS.between(LocalDate.of(1987, 2, 26), LocalDate.of(2026, 1, 1)) + 1;
    assertEquals(
        String.format(
            java.util.Locale.ROOT,
            "day histogram over 1987-02-26..2026-01-01 would have %,d buckets; the limit is"
                + " 10,000: choose week, month or year, or a narrower range",
            days),
        e.getMessage());

    // With an open range the span comes from the articles: one dated 1900 makes days too many.
    List<Article> wide =
        List.of(article("old", "X", "1900-01-01", List.of()), article("new", "X", "2017-01-01", List.of()));
    try (FacetTestIndex w = FacetTestIndex.of(List.of(wide))) {
      assertThrows(IllegalArgumentException.class, () -> w.countAll(FacetRequest.of("day")));
      FacetResult month = w.countAll(FacetRequest.of("month")).get("month");
      assertEquals(117 * 12 + 1, month.counts().size(), "1900-01 to 2017-01");
    }
  }

  @Test
  void unknownDimensionFailsNamingTheIndexsDimensions() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> index.countAll(FacetRequest.of("topic")));
    assertEquals(
        "unknown facet dimension \"topic\" (this index has: source, year, month, week, day,"
            + " topics)",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> index.countAll(FacetRequest.of("title")));
    assertThrows(IllegalArgumentException.class, () -> index.countAll(FacetRequest.of("id")));
  }

  @Test
  void resultsComeInRequestOrder() throws IOException {
    Map<String, Query> filters = Map.of("source", keyword("source", "AP"));
    Map<String, FacetResult> r =
        index.count(
            MatchAllDocsQuery.INSTANCE, filters, FacetRequest.of("topics", "source", "week", "year"));
    assertEquals(List.of("topics", "source", "week", "year"), List.copyOf(r.keySet()));
    assertEquals(Map.of(), index.countAll(FacetRequest.NONE));
  }

  @Test
  void parallelSlicesCountTheSameAsOneThread() throws IOException {
    FacetRequest request =
        new FacetRequest(List.of("source", "year", "month", "week", "day", "topics"), 2, DateRange.ALL);
    List<Map<String, Query>> filterSets =
        List.of(
            Map.of(),
            Map.of("source", keyword("source", "Reuters")),
            Map.of("topics", keyword("topics", "oil"), FacetEngine.DATE_FILTER, month("2017-01")));
    for (Map<String, Query> filters : filterSets) {
      assertEquals(
          FacetEngine.count(index.searcher, MatchAllDocsQuery.INSTANCE, filters, request),
          FacetEngine.count(index.parallelSearcher, MatchAllDocsQuery.INSTANCE, filters, request),
          filters.toString());
    }
    assertTrue(index.parallelSearcher.getSlices().length > 1, "one slice per segment");
  }

  @Test
  void daysBeforeTheEpochAreTheirOwnUtcDays() throws IOException {
    List<Article> old =
        List.of(
            article("moon", "X", "1969-07-20", List.of()),
            article("eve", "X", "1969-12-31", List.of()),
            article("epoch", "X", "1970-01-01", List.of()));
    try (FacetTestIndex idx = FacetTestIndex.of(List.of(old))) {
      Map<String, FacetResult> r = idx.countAll(FacetRequest.of("day", "week", "year"));
      Map<String, Long> days = asMap(r.get("day"));
      assertEquals(1, days.get("1969-07-20"));
      assertEquals(1, days.get("1969-12-31"));
      assertEquals(1, days.get("1970-01-01"));
      assertEquals(3, sum(r.get("day")));
      assertEquals(1, asMap(r.get("week")).get("1969-W29"), "Sunday 1969-07-20");
      assertEquals(2, asMap(r.get("week")).get("1970-W01"), "Wednesday and Thursday");
      assertEquals(counts("1969", 2, "1970", 1), asMap(r.get("year")));
    }
  }

  @Test
  void replacedArticlesCountOnlyInTheirNewVersion() throws IOException {
    try (FacetTestIndex idx =
        FacetTestIndex.of(
            List.of(
                List.of(
                    article("r1", "Old Source", "2017-01-02", List.of("oil")),
                    article("r2", "Old Source", "2017-01-03", List.of("oil"))),
                List.of(article("r1", "New Source", "2017-02-02", List.of("gas")))))) {
      Map<String, FacetResult> r = idx.countAll(FacetRequest.of("source", "month", "topics"));
      assertEquals(counts("New Source", 1, "Old Source", 1), asMap(r.get("source")));
      assertEquals(counts("2017-01", 1, "2017-02", 1), asMap(r.get("month")));
      assertEquals(counts("gas", 1, "oil", 1), asMap(r.get("topics")));
    }
  }

  @Test
  void emptyIndexCountsNothing() throws IOException {
    try (FacetTestIndex empty = FacetTestIndex.of(List.of())) {
      Map<String, FacetResult> r = empty.countAll(FacetRequest.of("source", "month"));
      assertEquals(new FacetResult("source", List.of(), 0, 0, 0), r.get("source"));
      assertEquals(new FacetResult("month", List.of(), 0, 0, 0), r.get("month"));
    }
  }

  @Test
  void datesAreBucketedInUtc() throws IOException {
    // 23:30 on New Year's Eve in New York is already January 1st in UTC.
    Instant lateNewYork =
        LocalDate.of(2016, 12, 31).atTime(23, 30).atZone(java.time.ZoneId.of("America/New_York")).toInstant();
    Article a = new Article("utc", "t", false, "b", lateNewYork, "X", null, Map.of());
    try (FacetTestIndex utc = FacetTestIndex.of(List.of(List.of(a)))) {
      Map<String, FacetResult> r = utc.countAll(FacetRequest.of("year", "day"));
      assertEquals(counts("2017", 1), asMap(r.get("year")));
      assertEquals(
          counts(LocalDate.ofInstant(lateNewYork, ZoneOffset.UTC).toString(), 1),
          asMap(r.get("day")));
      assertEquals("2017-01-01", labels(r.get("day")).get(0));
    }
  }
}
