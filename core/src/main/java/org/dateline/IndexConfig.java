package org.dateline;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link NewsIndex} writes.
 *
 * @param commitEveryArticles a long lenient run commits after this many articles, so that a crash
 *     costs at most that many; must be &gt; 0. With copy detection on, a run commits at least every
 *     {@value #COPIES_COMMIT_EVERY} articles whatever this says: the grouping holds the articles
 *     since the last commit
 * @param commitEvery a long lenient run also commits when this much time has passed since the
 *     last commit; must be positive
 * @param ramBufferMb memory Lucene buffers before it flushes a segment; must be &gt;= 1
 * @param analysis how title and body are split into words; fixed when the index is created, so
 *     opening an existing index with another analysis fails
 * @param threads how many threads analyze and invert articles while the calling thread reads them;
 *     1 does everything in the calling thread; 1 to 64
 * @param copies copy detection ({@link org.dateline.copies.CopyPolicy#DEFAULT} on with the
 *     default thresholds, {@link org.dateline.copies.CopyPolicy#OFF} off): chosen when the index
 *     is created and recorded in it. Opening an existing index with detection off keeps the
 *     index's own setting; opening it with detection on fails unless the index was created with
 *     the same thresholds
 */
public record IndexConfig(
    int commitEveryArticles,
    Duration commitEvery,
    double ramBufferMb,
    TextAnalysis analysis,
    int threads,
    org.dateline.copies.CopyPolicy copies) {
  /**
   * The most articles a run with copy detection writes between two commits, whatever {@link
   * #commitEveryArticles()} says: what the grouping holds grows with the interval (see {@link
   * org.dateline.copies}).
   */
  public static final int COPIES_COMMIT_EVERY = 50_000;

  /**
   * 250,000 articles or one minute, whichever comes first (so that a bulk load's segments are
   * mostly written when the buffer fills, by the indexing threads, and are few and large, instead
   * of two small ones at every commit); 64 MB buffer; news analysis; as many indexing threads
   * as there are processors, at most 4; no copy detection (it costs more than the indexing
   * itself: see the README).
   */
  public static final IndexConfig DEFAULT =
      new IndexConfig(
          250_000,
          Duration.ofMinutes(1),
          64,
          TextAnalysis.NEWS,
          defaultThreads(),
          org.dateline.copies.CopyPolicy.OFF);

  private static int defaultThreads() {
    return Math.min(4, Runtime.getRuntime().availableProcessors());
  }

  /** Validates. */
  public IndexConfig {
    Check.argument(commitEveryArticles > 0, "commitEveryArticles must be > 0 (got: %d)", commitEveryArticles);
    Objects.requireNonNull(commitEvery, "commitEvery");
    Check.argument(
        !commitEvery.isNegative() && !commitEvery.isZero(),
        "commitEvery must be positive (got: %s)",
        commitEvery);
    Check.argument(ramBufferMb >= 1, "ramBufferMb must be >= 1 (got: %s)", ramBufferMb);
    Objects.requireNonNull(analysis, "analysis");
    Check.argument(threads >= 1 && threads <= 64, "threads must be 1 to 64 (got: %d)", threads);
    Objects.requireNonNull(copies, "copies");
  }

  /**
   * A config without copy detection.
   *
   * @param commitEveryArticles see {@link #commitEveryArticles()}
   * @param commitEvery see {@link #commitEvery()}
   * @param ramBufferMb see {@link #ramBufferMb()}
   * @param analysis see {@link #analysis()}
   * @param threads see {@link #threads()}
   */
  public IndexConfig(
      int commitEveryArticles,
      Duration commitEvery,
      double ramBufferMb,
      TextAnalysis analysis,
      int threads) {
    this(
        commitEveryArticles,
        commitEvery,
        ramBufferMb,
        analysis,
        threads,
        org.dateline.copies.CopyPolicy.OFF);
  }

  /**
   * Returns a copy with other copy detection settings.
   *
   * @param copies the thresholds, or {@link org.dateline.copies.CopyPolicy#OFF}
   * @return the new config
   */
  public IndexConfig withCopies(org.dateline.copies.CopyPolicy copies) {
    return new IndexConfig(commitEveryArticles, commitEvery, ramBufferMb, analysis, threads, copies);
  }

  /**
   * A config with the default number of indexing threads.
   *
   * @param commitEveryArticles see {@link #commitEveryArticles()}
   * @param commitEvery see {@link #commitEvery()}
   * @param ramBufferMb see {@link #ramBufferMb()}
   * @param analysis see {@link #analysis()}
   */
  public IndexConfig(
      int commitEveryArticles, Duration commitEvery, double ramBufferMb, TextAnalysis analysis) {
    this(commitEveryArticles, commitEvery, ramBufferMb, analysis, defaultThreads());
  }

  /**
   * A config with the {@link TextAnalysis#NEWS news} analysis.
   *
   * @param commitEveryArticles see {@link #commitEveryArticles()}
   * @param commitEvery see {@link #commitEvery()}
   * @param ramBufferMb see {@link #ramBufferMb()}
   */
  public IndexConfig(int commitEveryArticles, Duration commitEvery, double ramBufferMb) {
    this(commitEveryArticles, commitEvery, ramBufferMb, TextAnalysis.NEWS, defaultThreads());
  }

  /**
   * Returns a copy with another text analysis.
   *
   * @param analysis the analysis for a new index
   * @return the new config
   */
  public IndexConfig withAnalysis(TextAnalysis analysis) {
    return new IndexConfig(commitEveryArticles, commitEvery, ramBufferMb, analysis, threads, copies);
  }

  /**
   * Returns a copy with another number of indexing threads.
   *
   * @param threads 1 to 64; 1 indexes in the calling thread
   * @return the new config
   */
  public IndexConfig withThreads(int threads) {
    return new IndexConfig(commitEveryArticles, commitEvery, ramBufferMb, analysis, threads, copies);
  }

  /**
   * Returns a copy with other commit intervals.
   *
   * @param articles commit after this many articles
   * @param time or after this much time
   * @return the new config
   */
  public IndexConfig withCommitEvery(int articles, Duration time) {
    return new IndexConfig(articles, time, ramBufferMb, analysis, threads, copies);
  }
}
