package org.dateline.eval;

import java.util.List;
import java.util.Objects;

/**
 * What {@link TrecEval} found: each query's measures and their means.
 *
 * @param queries one entry per judged query, in the qrels' query order
 * @param mean the mean of each measure over {@code queries}; all zero when there are none
 */
public record EvaluationReport(List<QueryEvaluation> queries, Metrics mean) {
  /** Validates and copies. */
  public EvaluationReport {
    queries = List.copyOf(queries);
    Objects.requireNonNull(mean, "mean");
  }

  /**
   * Returns how many queries were averaged ({@code num_q}).
   *
   * @return the count
   */
  public int queryCount() {
    return queries.size();
  }
}
