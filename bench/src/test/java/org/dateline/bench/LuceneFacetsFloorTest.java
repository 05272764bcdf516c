package org.dateline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dateline.FacetCount;
import org.dateline.FacetResult;
import org.dateline.NewsSearcher;
import org.dateline.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stemmed Lucene peer's facets mode, the floor the snippets + facets target is read against,
 * counts what Dateline's facets count: on Reuters-21578 and its bench queries, every query both
 * match equally gets the same source and month counts from Lucene's {@code DrillSideways} as from
 * Dateline, filtered dimensions counted without their own filter.
 */
class LuceneFacetsFloorTest {
  private static final Path REUTERS =
      Path.of("../../shared/data/reuters21578/reuters21578.tar.gz");

  @Test
  void countsWhatDatelineCountsOnReuters(@TempDir Path dir) throws Exception {
    assumeTrue(Files.exists(REUTERS), "../shared (Reuters-21578) is absent: skipped");
    CorpusGenerator.main(new String[] {REUTERS.toString(), dir.toString(), "42"});
    Path corpus = dir.resolve("reuters.jsonl");
    DatelineBench.main(
        new String[] {
          "index", corpus.toString(), dir.resolve("dateline").toString(),
          dir.resolve("dateline.json").toString()
        });
    LuceneBench.index(corpus, dir.resolve("lucene"), dir.resolve("lucene.json"), true);

    List<BenchQuery> queries = BenchQuery.read(dir.resolve("queries-reuters.jsonl"));
    int compared = 0;
    int sameTotal = 0;
    int sourceFiltered = 0;
    int dateFiltered = 0;
    try (NewsSearcher dateline = NewsSearcher.open(dir.resolve("dateline"));
        Directory d = FSDirectory.open(dir.resolve("lucene"));
        LuceneBench lucene = LuceneBench.open(d, true)) {
      for (BenchQuery q : queries) {
        SearchResult expected = dateline.search(DatelineBench.request(q, Mode.FACETS));
        LuceneBench.Faceted got = lucene.facets(q);
        compared++;
        if (expected.total() != got.hits().totalHits.value()) {
          continue; // the analyzers split a few words differently (bench/RESULTS.md)
        }
        sameTotal++;
        sourceFiltered += q.source() != null ? 1 : 0;
        dateFiltered += q.from() != null ? 1 : 0;
        String at = q.classicText() + " " + q.from() + ".." + q.to() + " source " + q.source();
        assertEquals(nonZero(facet(expected, "source")), counts(got.sources()), at + ": sources");
        assertEquals(nonZero(facet(expected, "month")), counts(got.months()), at + ": months");
      }
    }
    assertEquals(queries.size(), compared);
    assertTrue(sameTotal >= compared * 95 / 100, sameTotal + " of " + compared + " agree");
    assertTrue(sourceFiltered >= 20 && dateFiltered >= 20, sourceFiltered + " " + dateFiltered);
  }

  private static FacetResult facet(SearchResult r, String dimension) {
    return r.facets().get(dimension);
  }

  /** Dateline's counts by label, without a histogram's empty buckets. */
  private static Map<String, Long> nonZero(FacetResult f) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (FacetCount c : f.counts()) {
      if (c.count() > 0) {
        m.put(c.label(), c.count());
      }
    }
    return m;
  }

  private static Map<String, Long> counts(org.apache.lucene.facet.FacetResult f) {
    Map<String, Long> m = new LinkedHashMap<>();
    if (f != null) {
      for (LabelAndValue lv : f.labelValues) {
        m.put(lv.label, lv.value.longValue());
      }
    }
    return m;
  }
}
