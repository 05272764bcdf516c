package org.dateline;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;

/**
 * Fixtures the Reuters-21578 tests share: the corpus's first articles as Dateline's reader reads
 * them (optionally with seeded sources and dates), and a searcher that searches every segment as a
 * slice of its own, in parallel.
 */
final class ReutersFixtures {
  private static final String[] SOURCES = {"Reuters", "Ashford Tribune", "Courier", "RTÉ News"};

  private ReutersFixtures() {}

  /**
   * The first {@code n} articles of {@link RawReuters#TARBALL}, in reading order.
   *
   * @param n how many
   * @return the articles
   */
  static List<Article> first(int n) throws IOException {
    return first(n, UnaryOperator.identity());
  }

  /**
   * The first {@code n} articles, each given a seeded source and date by {@link #vary}, drawn in
   * reading order (so one seed gives one fixture).
   *
   * @param n how many
   * @param random the draws
   * @return the articles
   */
  static List<Article> firstVaried(int n, Random random) throws IOException {
    return first(n, a -> vary(a, random));
  }

  private static List<Article> first(int n, UnaryOperator<Article> each) throws IOException {
    List<Article> read = new ArrayList<>();
    try (ArticleReader reader =
        ArticleReaders.open(
            List.of(RawReuters.TARBALL), Format.REUTERS, new ProblemLog(ReadMode.LENIENT))) {
      for (Optional<Article> a = reader.next(); a.isPresent() && read.size() < n; ) {
        read.add(each.apply(a.get()));
        a = reader.next();
      }
    }
    return read;
  }

  /**
   * An article with a seeded source (one of four, one with an accent) and a date moved by up to
   * 2,000 days: none for about one in ten of each.
   *
   * @param a the article
   * @param random the draws
   * @return the varied article, same id and text
   */
  static Article vary(Article a, Random random) {
    String source = random.nextInt(10) == 0 ? null : SOURCES[random.nextInt(SOURCES.length)];
    Instant date =
        random.nextInt(10) == 0 || a.date() == null
            ? null
            : a.date().plus(Duration.ofDays(random.nextInt(4_000) - 2_000));
    return new Article(
        a.id(), a.title(), a.titleDerived(), a.body(), date, source, a.url(), a.fields());
  }

  /**
   * A searcher that gives every segment a slice of its own and searches the slices on {@code
   * pool}: what a collector's cross-segment and cross-slice merging is checked with.
   *
   * @param reader the index
   * @param pool the threads
   * @return the searcher
   */
  static IndexSearcher slicePerSegment(IndexReader reader, Executor pool) {
    return new IndexSearcher(reader, pool) {
      @Override
      protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        return slices(leaves, 1, 1, false);
      }
    };
  }
}
