package org.dateline.eval;

import java.util.Objects;

/**
 * The measures of one query.
 *
 * @param queryId the query
 * @param relevant how many documents the qrels judge relevant to it ({@code num_rel})
 * @param retrieved how many documents the run retrieved for it ({@code num_ret})
 * @param relevantRetrieved how many of those are relevant ({@code num_rel_ret})
 * @param metrics the measures
 */
public record QueryEvaluation(
    String queryId, int relevant, int retrieved, int relevantRetrieved, Metrics metrics) {
  /** Validates. */
  public QueryEvaluation {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(metrics, "metrics");
    if (relevant < 0
        || retrieved < 0
        || relevantRetrieved < 0
        || relevantRetrieved > Math.min(relevant, retrieved)) {
      throw new IllegalArgumentException(
          "counts must be >= 0 and relevantRetrieved <= relevant, retrieved (got: "
              + relevant
              + ", "
              + retrieved
              + ", "
              + relevantRetrieved
              + ")");
    }
  }
}
