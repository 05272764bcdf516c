package org.dateline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dateline.Article;
import org.dateline.SearchRequest;
import org.dateline.SearchResult;
import org.dateline.Snippet;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 1-node cluster in its own JVM; one article in, found, highlighted and read back. */
class SolrRoundTripIT {
  @TempDir Path tmp;

  static ArticleReader reader(Article... articles) {
    var it = List.of(articles).iterator();
    return new ArticleReader() {
      @Override
      public java.util.Optional<Article> next() {
        return it.hasNext() ? java.util.Optional.of(it.next()) : java.util.Optional.empty();
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void oneArticleRoundTrips() throws Exception {
    long t0 = System.nanoTime();
    try (ClusterProcess cluster = ClusterProcess.start(1, tmp.resolve("cluster.log"));
        SolrCollection c = SolrCollection.connect(cluster.urls(), "roundtrip")) {
      SolrCollections.create(c, 1, 1);
      Article a =
          new Article(
              "a-1",
              "Court rules on <b>Stored Communications Act</b>",
              false,
              "The Stored Communications Act governs warrants. Microsoft's emails were in Dublin.",
              Instant.parse("2016-07-14T10:00:00Z"),
              "RTÉ News",
              "https://example.org/a-1",
              Map.of("topics", List.of("Law", "Privacy")));
      ProblemLog log = new ProblemLog(ReadMode.LENIENT);
      var stats = SolrNewsIndexer.on(c).add(reader(a), log);
      assertEquals(1, stats.added());
      var again = SolrNewsIndexer.on(c).add(reader(a), log);
      assertEquals(0, again.added());
      assertEquals(1, again.replaced());
      try (SolrNewsSearcher s = SolrNewsSearcher.open(SolrCollection.connect(cluster.urls(), "roundtrip"))) {
        assertEquals(a, s.find("a-1").orElseThrow());
        SearchResult r = s.search(SearchRequest.of("\"stored communications act\"").withSources("rte news"));
        assertEquals(1, r.total());
        Snippet body = r.hits().get(0).snippets().get(0);
        assertEquals(List.of("Stored Communications Act"), body.matchedTexts());
        assertEquals(List.of("Stored Communications Act"), r.hits().get(0).titleHighlight().matchedTexts());
        assertEquals(0, s.search(SearchRequest.of("microsoft").withSources("bbc")).total());
      }
    }
    System.out.printf("SolrRoundTripIT: %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }
}
