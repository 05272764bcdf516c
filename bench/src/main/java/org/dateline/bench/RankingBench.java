package org.dateline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dateline.Bm25;
import org.dateline.IndexConfig;
import org.dateline.NewsIndex;
import org.dateline.NewsSearcher;
import org.dateline.Rm3;
import org.dateline.TextAnalysis;
import org.dateline.eval.Evaluation;
import org.dateline.eval.EvaluationReport;
import org.dateline.eval.HtmlArticleReader;
import org.dateline.eval.Qrels;
import org.dateline.eval.Run;
import org.dateline.eval.Topic;
import org.dateline.eval.TrecEval;
import org.dateline.eval.TrecTopics;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;

/**
 * The ranking step of the benchmark: CACM's MAP and P@30 for Dateline with its defaults and with
 * Anserini's settings, each with and without RM3 expansion, beside Anserini's own {@code -bm25} and
 * {@code -bm25 -rm3} runs (made by {@code bench/ranking.sh}), all scored by Dateline's {@code
 * trec_eval -c} scorer ({@link TrecEval}).
 *
 * <p>Usage: {@code RankingBench CACM_DIR WORK_DIR ANSERINI_BM25_RUN ANSERINI_RM3_RUN OUT.json},
 * where CACM_DIR holds {@code anserini-cacm.tar.gz}, {@code topics.cacm.txt} and {@code
 * qrels.cacm.txt}; the indexes are made under WORK_DIR.
 */
public final class RankingBench {
  private RankingBench() {}

  /** One Dateline configuration. */
  private record Config(
      String name, TextAnalysis analysis, HtmlArticleReader.Layout layout, Bm25 ranking, Rm3 rm3) {}

  /**
   * Runs the evaluations and writes the figures.
   *
   * @param args see the class comment
   * @throws Exception when a file cannot be read or written
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println(
          "usage: RankingBench CACM_DIR WORK_DIR ANSERINI_BM25_RUN ANSERINI_RM3_RUN OUT.json");
      System.exit(2);
    }
    Path cacm = Path.of(args[0]);
    Path work = Path.of(args[1]);
    List<Topic> topics = TrecTopics.read(cacm.resolve("topics.cacm.txt"));
    Qrels qrels = Qrels.read(cacm.resolve("qrels.cacm.txt"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    out.put("collection", "cacm");
    out.put("queries", qrels.queryIds().size());
    ArrayNode runs = out.putArray("runs");

    for (String[] a : new String[][] {{"anserini bm25", args[2]}, {"anserini bm25+rm3", args[3]}}) {
      Path file = Path.of(a[1]);
      if (Files.isRegularFile(file)) {
        add(runs, a[0], "anserini", TrecEval.evaluate(qrels, Run.read(file)), Double.NaN);
      }
    }
    HtmlArticleReader.Layout title = HtmlArticleReader.Layout.FIRST_LINE_TITLE;
    HtmlArticleReader.Layout bodyOnly = HtmlArticleReader.Layout.BODY_ONLY;
    List<Config> configs =
        List.of(
            new Config("dateline defaults", TextAnalysis.NEWS, title, Bm25.DEFAULT, null),
            new Config("dateline defaults+rm3", TextAnalysis.NEWS, title, Bm25.DEFAULT, Rm3.DEFAULT),
            new Config(
                "dateline anserini settings",
                TextAnalysis.ENGLISH_STOPWORDS_PORTER,
                bodyOnly,
                Bm25.ANSERINI,
                null),
            new Config(
                "dateline anserini settings+rm3",
                TextAnalysis.ENGLISH_STOPWORDS_PORTER,
                bodyOnly,
                Bm25.ANSERINI,
                Rm3.DEFAULT));
    for (Config c : configs) {
      Path index = work.resolve(c.analysis().label() + "-" + c.layout().name().toLowerCase(java.util.Locale.ROOT));
      if (!Files.exists(index)) {
        try (NewsIndex writer =
                NewsIndex.open(index, IndexConfig.DEFAULT.withAnalysis(c.analysis()));
            HtmlArticleReader reader =
                HtmlArticleReader.open(cacm.resolve("anserini-cacm.tar.gz"), c.layout())) {
          writer.add(reader, new ProblemLog(ReadMode.STRICT));
        }
      }
      try (NewsSearcher searcher = NewsSearcher.open(index, c.ranking())) {
        long start = System.nanoTime();
        EvaluationReport r =
            Evaluation.evaluate(searcher, topics, qrels, Evaluation.DEFAULT_HITS, c.rm3());
        add(runs, c.name(), "dateline", r, (System.nanoTime() - start) / 1e9);
      }
    }
    json.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[4]).toFile(), out);
  }

  private static void add(
      ArrayNode runs, String name, String system, EvaluationReport r, double seconds) {
    ObjectNode o = runs.addObject();
    o.put("name", name);
    o.put("system", system);
    o.put("map", r.mean().map());
    o.put("p_30", r.mean().p30());
    o.put("ndcg_10", r.mean().ndcg10());
    o.put("recall_1000", r.mean().recall1000());
    if (!Double.isNaN(seconds)) {
      o.put("seconds", seconds);
    }
  }
}
