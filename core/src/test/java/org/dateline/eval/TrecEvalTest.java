package org.dateline.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed runs. Every expected value was worked out on paper and agrees with {@code trec_eval
 * 9} ({@code -c -m map -m P.30 -m ndcg_cut.10 -m recall.1000}) on the same files.
 */
class TrecEvalTest {
  static final double EPS = 1e-9;
  static final double LOG2_3 = Math.log(3) / Math.log(2);

  static Run run(Map<String, List<ScoredDoc>> results) {
    return new Run(results);
  }

  static ScoredDoc d(String docno, double score) {
    return new ScoredDoc(docno, score);
  }

  @Test
  void equalScoresAreRankedByDocnoDescendingAsTrecEvalDoes() {
    Qrels qrels = Qrels.of(Map.of("1", Map.of("A", 1, "B", 0)));
    // listed A first, but trec_eval puts B (higher docno) first on a tie: A is at rank 2
    EvaluationReport r = TrecEval.evaluate(qrels, run(Map.of("1", List.of(d("A", 1), d("B", 1)))));
    Metrics m = r.queries().get(0).metrics();
    assertEquals(0.5, m.map(), EPS);
    assertEquals(1.0 / 30, m.p30(), EPS);
    assertEquals(1 / LOG2_3, m.ndcg10(), EPS);
    assertEquals(1.0, m.recall1000(), EPS);
  }

  @Test
  void ranksWrittenInTheRunAreIgnoredScoresDecide() {
    Qrels qrels = Qrels.of(Map.of("1", Map.of("A", 1)));
    EvaluationReport r =
        TrecEval.evaluate(qrels, run(Map.of("1", List.of(d("B", 2), d("C", 1), d("A", 3)))));
    assertEquals(1.0, r.mean().map(), EPS);
  }

  @Test
  void averagePrecisionDividesByAllRelevantIncludingUnretrieved() {
    Qrels qrels = Qrels.of(Map.of("1", Map.of("a", 1, "b", 1, "c", 1)));
    EvaluationReport r =
        TrecEval.evaluate(qrels, run(Map.of("1", List.of(d("a", 3), d("x", 2), d("b", 1)))));
    QueryEvaluation q = r.queries().get(0);
    assertEquals((1 + 2.0 / 3) / 3, q.metrics().map(), EPS);
    assertEquals(2.0 / 3, q.metrics().recall1000(), EPS);
    assertEquals(3, q.relevant());
    assertEquals(3, q.retrieved());
    assertEquals(2, q.relevantRetrieved());
  }

  @Test
  void ndcgUsesGradesAsGainsAndTheIdealOrderOfTheQrels() {
    Qrels qrels = Qrels.of(Map.of("3", Map.of("Z", 2, "Y", 1)));
    EvaluationReport r =
        TrecEval.evaluate(qrels, run(Map.of("3", List.of(d("Y", 1.0), d("Z", 0.5)))));
    Metrics m = r.mean();
    assertEquals((1 + 2 / LOG2_3) / (2 + 1 / LOG2_3), m.ndcg10(), EPS); // 0.8597
    assertEquals(1.0, m.map(), EPS);
    assertEquals(2.0 / 30, m.p30(), EPS);
  }

  @Test
  void negativeGradesGainNothing() {
    Qrels qrels = Qrels.of(Map.of("1", Map.of("A", -1, "B", 1)));
    EvaluationReport r =
        TrecEval.evaluate(qrels, run(Map.of("1", List.of(d("A", 1), d("C", 0.5), d("B", 0.5)))));
    // C before B on the tie: B at rank 3, discount log2(4) = 2
    assertEquals(0.5, r.mean().ndcg10(), EPS);
    assertEquals(1.0 / 3, r.mean().map(), EPS);
  }

  @Test
  void cutoffsStopAtTenThirtyAndAThousandButApCountsEveryRank() {
    List<ScoredDoc> docs = new ArrayList<>();
    for (int i = 1; i <= 1001; i++) {
      docs.add(d(String.format("D%04d", i), 2000 - i));
    }
    // relevant at ranks 11, 31 and 1001
    Qrels qrels = Qrels.of(Map.of("1", Map.of("D0011", 1, "D0031", 1, "D1001", 1)));
    Metrics m = TrecEval.evaluate(qrels, run(Map.of("1", docs))).mean();
    assertEquals(0.0, m.ndcg10(), EPS);
    assertEquals(1.0 / 30, m.p30(), EPS);
    assertEquals(2.0 / 3, m.recall1000(), EPS);
    assertEquals((1.0 / 11 + 2.0 / 31 + 3.0 / 1001) / 3, m.map(), EPS);
  }

  @Test
  void everyJudgedQueryCountsMissingOrWithoutRelevantAsZero() {
    Qrels qrels =
        Qrels.of(
            Map.of(
                "1", Map.of("A", 1),
                "2", Map.of("X", 0),
                "4", Map.of("W", 1)));
    Run run =
        run(
            Map.of(
                "1", List.of(d("A", 1)),
                "2", List.of(d("X", 1)),
                "9", List.of(d("A", 1)))); // not judged: ignored
    EvaluationReport r = TrecEval.evaluate(qrels, run);
    assertEquals(3, r.queryCount());
    assertEquals(
        List.of("1", "2", "4"), r.queries().stream().map(QueryEvaluation::queryId).toList());
    assertEquals(1.0 / 3, r.mean().map(), EPS);
    assertEquals(Metrics.ZERO, r.queries().get(1).metrics());
    assertEquals(Metrics.ZERO, r.queries().get(2).metrics());
  }

  @Test
  void noJudgedQueriesMeansZeroQueriesAndZeroMeans() {
    EvaluationReport r =
        TrecEval.evaluate(Qrels.of(Map.of()), run(Map.of("1", List.of(d("A", 1)))));
    assertEquals(0, r.queryCount());
    assertEquals(Metrics.ZERO, r.mean());
  }
}
