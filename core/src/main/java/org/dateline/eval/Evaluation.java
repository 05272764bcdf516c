package org.dateline.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dateline.Hit;
import org.dateline.NewsSearcher;
import org.dateline.Rm3;
import org.dateline.SearchRequest;

/**
 * Runs topics through a {@link NewsSearcher} and evaluates the run, the way an IR baseline is made:
 * each topic's text is a bag of words ({@link SearchRequest#withAnyWord(boolean)}), any of which
 * may match (without its function words, as {@link NewsSearcher} drops them), and the best {@code
 * hits} articles by BM25 are the run, optionally after RM3 expansion ({@link Rm3}).
 */
public final class Evaluation {
  /** Hits per topic in TREC runs, and the depth recall@1000 needs. */
  public static final int DEFAULT_HITS = 1000;

  private Evaluation() {}

  /**
   * Searches every topic.
   *
   * @param searcher the index to search; its BM25 parameters and analysis are used
   * @param topics the topics
   * @param hits how many articles to retrieve per topic, 1 to {@value SearchRequest#MAX_LIMIT}
   * @return the run: for each topic, the article ids with their scores, best first
   * @throws IOException when the index cannot be read
   */
  public static Run run(NewsSearcher searcher, List<Topic> topics, int hits) throws IOException {
    return run(searcher, topics, hits, null);
  }

  /**
   * Searches every topic, expanding each with RM3 pseudo-relevance feedback when asked.
   *
   * @param searcher the index to search; its BM25 parameters and analysis are used
   * @param topics the topics
   * @param hits how many articles to retrieve per topic, 1 to {@value SearchRequest#MAX_LIMIT}
   * @param expansion the RM3 parameters ({@link Rm3#DEFAULT} for Anserini's {@code -rm3}), or null
   *     for none
   * @return the run: for each topic, the article ids with their scores, best first
   * @throws IOException when the index cannot be read
   */
  public static Run run(NewsSearcher searcher, List<Topic> topics, int hits, Rm3 expansion)
      throws IOException {
    if (hits < 1 || hits > SearchRequest.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "hits must be between 1 and " + SearchRequest.MAX_LIMIT + " (got: " + hits + ")");
    }
    Map<String, List<ScoredDoc>> results = new LinkedHashMap<>();
    for (Topic t : topics) {
      SearchRequest request =
          SearchRequest.of(t.text())
              .withAnyWord(true)
              .page(0, hits)
              .snippets(0, SearchRequest.DEFAULT_SNIPPET_LENGTH)
              .expand(expansion);
      List<ScoredDoc> docs = new ArrayList<>();
      for (Hit h : searcher.search(request).hits()) {
        docs.add(new ScoredDoc(h.id(), h.score()));
      }
      results.put(t.id(), docs);
    }
    return new Run(results);
  }

  /**
   * Counts the judged documents that the index holds. None means the judgments belong to another
   * collection (or the wrong index was opened): every measure would be 0 and say nothing about the
   * ranking. Judged documents missing from the index count as relevant ones never retrieved.
   *
   * @param searcher the index
   * @param qrels the judgments
   * @return how many of {@link Qrels#documentIds()} the index has
   * @throws IOException when the index cannot be read
   */
  public static int judgedInIndex(NewsSearcher searcher, Qrels qrels) throws IOException {
    int found = 0;
    for (String id : qrels.documentIds()) {
      if (searcher.find(id).isPresent()) {
        found++;
      }
    }
    return found;
  }

  /**
   * Searches every topic and evaluates the run against judgments.
   *
   * @param searcher the index to search
   * @param topics the topics
   * @param qrels the judgments
   * @param hits how many articles to retrieve per topic
   * @return the measures, per query and averaged over the judged queries
   * @throws IOException when the index cannot be read
   */
  public static EvaluationReport evaluate(
      NewsSearcher searcher, List<Topic> topics, Qrels qrels, int hits) throws IOException {
    return TrecEval.evaluate(qrels, run(searcher, topics, hits));
  }

  /**
   * Searches every topic, expanded with RM3 when asked, and evaluates the run against judgments.
   *
   * @param searcher the index to search
   * @param topics the topics
   * @param qrels the judgments
   * @param hits how many articles to retrieve per topic
   * @param expansion the RM3 parameters, or null for none
   * @return the measures, per query and averaged over the judged queries
   * @throws IOException when the index cannot be read
   */
  public static EvaluationReport evaluate(
      NewsSearcher searcher, List<Topic> topics, Qrels qrels, int hits, Rm3 expansion)
      throws IOException {
    return TrecEval.evaluate(qrels, run(searcher, topics, hits, expansion));
  }
}
