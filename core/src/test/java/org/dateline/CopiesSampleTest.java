package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.dateline.copies.Provenance;
import org.dateline.copies.Relative;
import org.junit.jupiter.api.Test;

/** Copy detection on the five sample articles: two share Reuters copy, none is a whole copy. */
class CopiesSampleTest {
  /** Copy detection on, with the default thresholds. */
  static final IndexConfig COPIES =
      IndexConfig.DEFAULT.withCopies(org.dateline.copies.CopyPolicy.DEFAULT);

  static final String RTE = "000_0400347b8501b587.txt";
  static final String TECHEYE = "001_4915df2992829a5e.txt";

  @TempDir Path dir;

  static Article byId(List<Article> articles, String id) {
    return articles.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void rteAndTecheyeArePartialReuseOfEachOtherAndTheRestAreAlone() throws IOException {
    List<Article> articles = SearchTestSupport.sampleArticles();
    {
      try (NewsIndex index = NewsIndex.open(dir, COPIES)) {
        index.add(articles);
      }
      try (NewsSearcher searcher = NewsSearcher.open(dir)) {
        for (Article a : articles) {
          Provenance p = searcher.provenance(a.id()).orElseThrow();
          assertEquals(a.id(), p.info().group(), "no sample article is a whole copy");
          assertEquals(1, p.info().size());
          assertTrue(p.copies().isEmpty());
        }
        Provenance rte = searcher.provenance(RTE).orElseThrow();
        assertEquals(List.of(TECHEYE), rte.reuses().stream().map(Relative::id).toList());
        Provenance techeye = searcher.provenance(TECHEYE).orElseThrow();
        assertEquals(List.of(RTE), techeye.reuses().stream().map(Relative::id).toList());
        for (Article a : articles) {
          if (!a.id().equals(RTE) && !a.id().equals(TECHEYE)) {
            assertTrue(searcher.provenance(a.id()).orElseThrow().reuses().isEmpty(), a.id());
          }
        }

        // The shares, against 5-word sequences counted here as plain strings.
        Set<String> r = ExactShingles.of(byId(articles, RTE).body());
        Set<String> t = ExactShingles.of(byId(articles, TECHEYE).body());
        Set<String> shared = new HashSet<>(r);
        shared.retainAll(t);
        double rteShare = (double) shared.size() / r.size();
        double techeyeShare = (double) shared.size() / t.size();
        assertTrue(rteShare > 0.3 && rteShare < 0.5, "RTÉ share of 5-word sequences: " + rteShare);
        Relative techeyeSeenFromRte = rte.reuses().get(0);
        assertEquals(rteShare, techeyeSeenFromRte.shareOfThis(), 0.005);
        assertEquals(techeyeShare, techeyeSeenFromRte.shareOfOther(), 0.005);
        assertEquals(
            (double) shared.size() / (r.size() + t.size() - shared.size()),
            techeyeSeenFromRte.similarity(),
            0.005);
        assertEquals(techeyeShare, techeye.reuses().get(0).shareOfThis(), 0.005);
      }
    }
  }
}
