package org.dateline.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Computes MAP, P@30, nDCG@10 and recall@1000 of a run against qrels, with the semantics of {@code
 * trec_eval -c -m map -m P.30 -m ndcg_cut.10 -m recall.1000} (version 9), so that numbers can be
 * compared with published ones:
 *
 * <ul>
 *   <li>Each query's documents are ordered by score, highest first, and equal scores by document id
 *       in <em>reverse</em> lexical order, as {@code trec_eval} sorts them; ranks written in the
 *       run are ignored.
 *   <li>A relevance of 1 or more is relevant; for nDCG the relevance is the gain and a relevance
 *       below 1 gains nothing.
 *   <li>Every query of the qrels counts ({@code -c}): one the run has no results for scores 0, and
 *       so does one with judgments but no relevant document. Queries of the run absent from the
 *       qrels are ignored.
 *   <li>All retrieved documents are evaluated; recall and precision cut off at 1000 and 30 ranks.
 * </ul>
 */
public final class TrecEval {
  /** The lowest relevance that counts as relevant ({@code trec_eval}'s default level). */
  public static final int RELEVANT = 1;

  /** The rank cut-offs of the measures. */
  static final int P_CUTOFF = 30;

  static final int NDCG_CUTOFF = 10;
  static final int RECALL_CUTOFF = 1000;

  /** trec_eval's order: score descending, then document id descending. */
  static final Comparator<ScoredDoc> ORDER =
      Comparator.comparingDouble(ScoredDoc::score)
          .reversed()
          .thenComparing(ScoredDoc::docno, Comparator.reverseOrder());

  private TrecEval() {}

  /**
   * Evaluates a run.
   *
   * @param qrels the judgments; their queries are the ones averaged
   * @param run the retrieved documents
   * @return per-query measures and means
   */
  public static EvaluationReport evaluate(Qrels qrels, Run run) {
    List<QueryEvaluation> queries = new ArrayList<>();
    double map = 0;
    double p30 = 0;
    double ndcg = 0;
    double recall = 0;
    for (String q : qrels.queryIds()) {
      QueryEvaluation e = evaluate(q, qrels.judgments(q), run.results(q));
      queries.add(e);
      map += e.metrics().map();
      p30 += e.metrics().p30();
      ndcg += e.metrics().ndcg10();
      recall += e.metrics().recall1000();
    }
    int n = queries.size();
    Metrics mean = n == 0 ? Metrics.ZERO : new Metrics(map / n, p30 / n, ndcg / n, recall / n);
    return new EvaluationReport(queries, mean);
  }

  /**
   * Evaluates one query.
   *
   * @param queryId the query
   * @param judgments relevance by document id
   * @param retrieved the documents retrieved, in any order
   * @return the measures
   */
  static QueryEvaluation evaluate(
      String queryId, Map<String, Integer> judgments, List<ScoredDoc> retrieved) {
    List<ScoredDoc> ranked = new ArrayList<>(retrieved);
    ranked.sort(ORDER);
    int relevant = 0;
    List<Integer> gains = new ArrayList<>();
    for (int rel : judgments.values()) {
      if (rel >= RELEVANT) {
        relevant++;
        gains.add(rel);
      }
    }
    int found = 0;
    int inTop30 = 0;
    int inTop1000 = 0;
    double precisionSum = 0;
    double dcg = 0;
    for (int i = 0; i < ranked.size(); i++) {
      int rel = judgments.getOrDefault(ranked.get(i).docno(), 0);
      if (i < NDCG_CUTOFF && rel > 0) {
        dcg += rel / log2(i + 2);
      }
      if (rel >= RELEVANT) {
        found++;
        precisionSum += (double) found / (i + 1);
        if (i < P_CUTOFF) {
          inTop30++;
        }
        if (i < RECALL_CUTOFF) {
          inTop1000++;
        }
      }
    }
    gains.sort(Comparator.reverseOrder());
    double ideal = 0;
    for (int i = 0; i < Math.min(NDCG_CUTOFF, gains.size()); i++) {
      ideal += gains.get(i) / log2(i + 2);
    }
    Metrics m =
        relevant == 0
            ? Metrics.ZERO
            : new Metrics(
                precisionSum / relevant,
                (double) inTop30 / P_CUTOFF,
                ideal == 0 ? 0 : dcg / ideal,
                (double) inTop1000 / relevant);
    return new QueryEvaluation(queryId, relevant, ranked.size(), found, m);
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
