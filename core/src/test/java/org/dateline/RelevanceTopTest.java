package org.dateline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link RelevanceTop} returns what Lucene's {@code TopFieldCollector} returns on the relevance
 * sort (score, then id): the same hits, order, sort values and total, page after page through the
 * cursor's {@code after}, on Reuters text spread over several segments with updates and deletes,
 * on one thread and on one slice per segment. Reuters ids are numbers, so their text order ("10"
 * before "9") is neither the doc order nor the numeric order, and many scores tie.
 */
class RelevanceTopTest {
  private static final long SEED = 20261127L;

  @Test
  void sameTopAsTheFieldSortOnEveryPage() throws IOException {
    Assumptions.assumeTrue(
        RawReuters.available(), "Reuters-21578 not found at " + RawReuters.TARBALL + "; skipped");
    List<Article> read = ReutersFixtures.first(3_000);
    Random random = new Random(SEED);
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (NewsIndex index = NewsIndex.open(null, dir, IndexConfig.DEFAULT.withThreads(1))) {
      for (int from = 0; from < read.size(); from += 750) {
        index.add(read.subList(from, Math.min(read.size(), from + 750))); // a segment per batch
      }
      // updated articles move to a later segment: doc order and id order part further
      List<Article> updates = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        updates.add(read.get(random.nextInt(read.size())));
      }
      index.add(updates);
      Set<String> deleted = new HashSet<>();
      for (int i = 0; i < 100; i++) {
        deleted.add(read.get(random.nextInt(read.size())).id());
      }
      index.delete(deleted);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertTrue(reader.leaves().size() >= 4, "segments: " + reader.leaves().size());
        IndexSearcher plain = new IndexSearcher(reader);
        IndexSearcher parallel = ReutersFixtures.slicePerSegment(reader, pool);
        List<Query> queries = new ArrayList<>();
        for (String q :
            List.of("oil", "oil prices", "\"interest rates\"", "title:shr", "vs", "crude~1")) {
          queries.add(
              NewsQueryParser.parse(q, NewsQueryParser.analyzer(TextAnalysis.NEWS), Set.of())
                  .query());
        }
        queries.add(MatchAllDocsQuery.INSTANCE); // every score equal: the id alone orders
        for (Query q : queries) {
          for (IndexSearcher searcher : List.of(plain, parallel)) {
            for (int n : new int[] {1, 11, 50}) {
              comparePages(searcher, q, n);
            }
          }
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Walks up to 12 pages of {@code n} hits with both collectors and compares each page. */
  private static void comparePages(IndexSearcher searcher, Query q, int n) throws IOException {
    FieldDoc after = null;
    for (int page = 0; page < 12; page++) {
      TopFieldDocs expected =
          searcher.search(
              q,
              new TopFieldCollectorManager(
                  NewsSearcher.sort(SortOrder.RELEVANCE), n, after, Integer.MAX_VALUE));
      TopFieldDocs actual = searcher.search(q, new RelevanceTop(n, after));
      String where = q + ", n " + n + ", page " + page;
      assertEquals(expected.totalHits, actual.totalHits, where);
      assertEquals(expected.scoreDocs.length, actual.scoreDocs.length, where);
      for (int i = 0; i < expected.scoreDocs.length; i++) {
        FieldDoc e = (FieldDoc) expected.scoreDocs[i];
        FieldDoc a = (FieldDoc) actual.scoreDocs[i];
        assertEquals(e.doc, a.doc, where + ", hit " + i);
        assertArrayEquals(e.fields, a.fields, where + ", hit " + i);
      }
      if (expected.scoreDocs.length < n) {
        return;
      }
      ScoreDoc last = expected.scoreDocs[expected.scoreDocs.length - 1];
      // as Cursor.decode gives it: the sort values only
      after = new FieldDoc(Integer.MAX_VALUE, Float.NaN, ((FieldDoc) last).fields);
    }
  }
}
