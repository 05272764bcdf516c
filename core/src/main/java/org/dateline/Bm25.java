package org.dateline;

/**
 * The parameters of BM25, the ranking function of {@link NewsSearcher}.
 *
 * @param k1 how quickly repeated occurrences of a word stop adding to the score; must be finite and
 *     &gt;= 0
 * @param b how much a long text is penalized for its length, 0 (not at all) to 1 (fully)
 */
public record Bm25(float k1, float b) {
  /** Lucene's defaults, k1 = 1.2 and b = 0.75. */
  public static final Bm25 DEFAULT = new Bm25(1.2f, 0.75f);

  /** Anserini's defaults, k1 = 0.9 and b = 0.4, with which its published baselines were made. */
  public static final Bm25 ANSERINI = new Bm25(0.9f, 0.4f);

  /** Validates. */
  public Bm25 {
    Check.argument(Float.isFinite(k1) && k1 >= 0, "k1 must be finite and >= 0 (got: %s)", k1);
    Check.argument(b >= 0 && b <= 1, "b must be between 0 and 1 (got: %s)", b);
  }
}
