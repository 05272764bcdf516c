package org.dateline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;

/**
 * An in-memory index for facet tests: written with {@link NewsIndex}, read by a plain searcher and
 * by one that counts every segment on its own slice with two threads.
 */
final class FacetTestIndex implements AutoCloseable {
  private final NewsIndex index;
  private final DirectoryReader reader;
  private final ExecutorService pool;
  final IndexSearcher searcher;
  final IndexSearcher parallelSearcher;

  /**
   * One segment per batch: each {@link NewsIndex#add} commits, and one indexing thread writes it
   * (several threads would each flush a segment of their own).
   */
  static FacetTestIndex of(List<List<Article>> batches) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    NewsIndex index = NewsIndex.open(null, dir, IndexConfig.DEFAULT.withThreads(1));
    try {
      for (List<Article> batch : batches) {
        index.add(batch);
      }
      return new FacetTestIndex(index, DirectoryReader.open(dir));
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /** Indexes everything a reader gives (lenient), as one batch. */
  static FacetTestIndex of(ArticleReader articles) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    NewsIndex index = NewsIndex.open(null, dir, IndexConfig.DEFAULT);
    try (articles) {
      index.add(articles, new ProblemLog(ReadMode.LENIENT));
      return new FacetTestIndex(index, DirectoryReader.open(dir));
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
  }

  private FacetTestIndex(NewsIndex index, DirectoryReader reader) {
    this.index = index;
    this.reader = reader;
    this.pool = Executors.newFixedThreadPool(2);
    this.searcher = new IndexSearcher(reader);
    this.parallelSearcher = ReutersFixtures.slicePerSegment(reader, pool);
  }

  int segments() {
    return reader.leaves().size();
  }

  /** Facets of every article with the given filters, on the plain searcher. */
  Map<String, FacetResult> count(Query base, Map<String, Query> filters, FacetRequest request)
      throws IOException {
    return FacetEngine.count(searcher, base, filters, request);
  }

  Map<String, FacetResult> countAll(FacetRequest request) throws IOException {
    return count(MatchAllDocsQuery.INSTANCE, Map.of(), request);
  }

  /** How many articles a plain search for the base and every filter finds. */
  int hits(Query base, Map<String, Query> filters) throws IOException {
    return searcher.count(FacetEngine.filtered(base, filters, ""));
  }

  /** A keyword filter as the search layer builds it: the folded term. */
  static Query keyword(String field, String value) {
    return new TermQuery(new Term(field, ArticleDocuments.keywordTerm(value)));
  }

  /** Labels and counts in order, for comparing with expectations built by hand. */
  static Map<String, Long> asMap(FacetResult result) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (FacetCount c : result.counts()) {
      m.put(c.label(), c.count());
    }
    return m;
  }

  static long sum(FacetResult result) {
    long s = 0;
    for (FacetCount c : result.counts()) {
      s += c.count();
    }
    return s;
  }

  static List<String> labels(FacetResult result) {
    List<String> labels = new ArrayList<>();
    result.counts().forEach(c -> labels.add(c.label()));
    return labels;
  }

  @Override
  public void close() throws IOException {
    pool.shutdownNow();
    try {
      reader.close();
    } finally {
      index.close();
    }
  }
}
