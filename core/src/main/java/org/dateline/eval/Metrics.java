package org.dateline.eval;

/**
 * The ranking measures of one query, or their means over queries, as {@code trec_eval} names them.
 *
 * @param map average precision ({@code map}): the precision at the rank of each relevant document
 *     retrieved, summed and divided by the number of relevant documents
 * @param p30 precision at 30 ({@code P_30}): relevant documents among the first 30, divided by 30
 * @param ndcg10 normalized discounted cumulative gain at 10 ({@code ndcg_cut_10}): gains are the
 *     relevance grades, discounted by log2(rank + 1), divided by the best ordering of the judged
 *     documents
 * @param recall1000 recall at 1000 ({@code recall_1000}): relevant documents among the first 1000,
 *     divided by the number of relevant documents
 */
public record Metrics(double map, double p30, double ndcg10, double recall1000) {
  /** All zero: the measures of a query nothing relevant was found for. */
  public static final Metrics ZERO = new Metrics(0, 0, 0, 0);

  /** Validates: every measure lies in [0, 1]. */
  public Metrics {
    check("map", map);
    check("p30", p30);
    check("ndcg10", ndcg10);
    check("recall1000", recall1000);
  }

  private static void check(String name, double v) {
    // a hair above 1 is rounding in a sum of fractions, not an error
    if (!(v >= 0 && v <= 1 + 1e-9)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1 (got: " + v + ")");
    }
  }
}
