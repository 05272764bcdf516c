package org.dateline.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dateline.Bm25;
import org.dateline.NewsSearcher;
import org.dateline.Rm3;
import org.dateline.SearchRequest;
import org.dateline.eval.Evaluation;
import org.dateline.eval.EvaluationReport;
import org.dateline.eval.Qrels;
import org.dateline.eval.Run;
import org.dateline.eval.Topic;
import org.dateline.eval.TrecEval;
import org.dateline.eval.TrecTopics;
import org.dateline.json.JsonPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code dateline eval}: runs TREC topics against an index and scores the run with the qrels. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Run a test collection's topics against the index and score the ranking against its"
          + " relevance judgments, as trec_eval -c does: MAP, P@30, nDCG@10 and recall@1000,"
          + " averaged over the judged queries.",
      "Each topic's text is searched as a bag of words, any of which may match, ranked by BM25,"
          + " without its English function words (the, in, which...). Queries are analyzed the"
          + " way the index was (dateline index --analysis). --expand adds RM3 query expansion."
    },
    footer = {
      "",
      "Examples:",
      "  dateline index anserini-cacm.tar.gz --format trec-html --html-title none \\",
      "      --analysis english-stopwords-porter --index ~/cacm",
      "  dateline eval --topics topics.cacm.txt --qrels qrels.cacm.txt --index ~/cacm \\",
      "      --k1 0.9 --b 0.4",
      "  dateline eval --topics topics.cacm.txt --qrels qrels.cacm.txt --index ~/cacm --json"
          + " --per-query",
      "  dateline eval --topics topics.cacm.txt --qrels qrels.cacm.txt --index ~/cacm \\",
      "      --k1 0.9 --b 0.4 --expand",
      "  dateline eval --topics topics.cacm.txt --qrels qrels.cacm.txt --index ~/cacm"
          + " --run cacm.run",
      "",
      "Exit status: 0 when the run was scored, 1 when none of the judged documents is in the"
          + " index (a warning when some are not), 2 for unreadable or malformed topics or qrels"
          + " (the message names the file and line) or a bad option, 3 when the index cannot be"
          + " opened."
    })
final class EvalCommand extends IndexedCommand {
  /** The last column of the run file. */
  static final String RUN_TAG = "dateline";

  @Option(
      names = "--topics",
      required = true,
      paramLabel = "FILE",
      description =
          "Topics: <DOC><DOCNO>id</DOCNO>text</DOC> (as CACM's) or TREC <top><num>...<title>..."
              + " (the title is searched).")
  Path topicsFile;

  @Option(
      names = "--qrels",
      required = true,
      paramLabel = "FILE",
      description = "Relevance judgments, one per line: qid iteration docno relevance.")
  Path qrelsFile;

  @Option(
      names = "--k1",
      paramLabel = "X",
      description = "BM25 k1, >= 0. Default: 1.2, as search ranks.")
  Float k1;

  @Option(
      names = "--b",
      paramLabel = "Y",
      description = "BM25 b, 0 to 1. Default: 0.75, as search ranks.")
  Float b;

  @Option(
      names = "--hits",
      paramLabel = "N",
      defaultValue = "" + Evaluation.DEFAULT_HITS,
      description =
          "Articles retrieved per topic, 1 to "
              + SearchRequest.MAX_LIMIT
              + ". Default: ${DEFAULT-VALUE}.")
  int hits;

  @Option(
      names = "--run",
      paramLabel = "FILE",
      description = "Also write the ranking as a TREC run file (qid Q0 docno rank score tag).")
  Path runFile;

  @Option(
      names = "--expand",
      description =
          "Expand each topic with words of its best hits (RM3 pseudo-relevance feedback, as"
              + " Anserini's -rm3): 10 articles, 10 words, half the weight on the topic as"
              + " written, unless --expand-docs, --expand-terms or --expand-weight say"
              + " otherwise. The feedback run ranks with Anserini's BM25 (k1 0.9, b 0.4)"
              + " whatever --k1 and --b say; the expanded query ranks with them.")
  boolean expand;

  @Option(
      names = "--expand-docs",
      paramLabel = "N",
      description = "With --expand: articles to learn from, 1 to 1000. Default: 10.")
  Integer expandDocs;

  @Option(
      names = "--expand-terms",
      paramLabel = "N",
      description = "With --expand: words to add, 1 to 1000. Default: 10.")
  Integer expandTerms;

  @Option(
      names = "--expand-weight",
      paramLabel = "W",
      description =
          "With --expand: the weight of the topic as written, 0 to 1 (the rest is the added"
              + " words'). Default: 0.5.")
  Float expandWeight;

  @Option(names = "--per-query", description = "Also show each judged query's measures.")
  boolean perQuery;

  @Option(names = "--json", description = "Print one JSON document instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (hits < 1 || hits > SearchRequest.MAX_LIMIT) {
      throw new ParameterException(
          spec.commandLine(),
          "--hits must be between 1 and " + SearchRequest.MAX_LIMIT + " (got: " + hits + ")");
    }
    Bm25 ranking;
    try {
      ranking = new Bm25(k1 == null ? Bm25.DEFAULT.k1() : k1, b == null ? Bm25.DEFAULT.b() : b);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Rm3 expansion = expansion();
    // The files first: a typo in them should not wait for the index to open.
    List<Topic> topics = TrecTopics.read(topicsFile);
    Qrels qrels = Qrels.read(qrelsFile);
    Path folder = forReading();
    Run run;
    String analysis;
    try (NewsSearcher searcher = NewsSearcher.open(folder, ranking)) {
      int judged = qrels.documentIds().size();
      int present = Evaluation.judgedInIndex(searcher, qrels);
      String index = sampleUsed ? "the index (" + SAMPLE_NOTE + ")" : "index " + folder;
      if (present == 0) {
        err()
            .printf(
                Locale.ROOT,
                "dateline: none of the %,d documents judged in %s is in %s; evaluate the index"
                    + " of the collection these judgments are for%n",
                judged,
                qrelsFile,
                index);
        return ExitCodes.NO_MATCH;
      }
      if (present < judged) {
        err()
            .printf(
                Locale.ROOT,
                "dateline: warning: %,d of the %,d documents judged in %s are not in %s; the"
                    + " relevant ones count as never retrieved%n",
                judged - present,
                judged,
                qrelsFile,
                index);
      }
      analysis = searcher.analysis().label();
      run = Evaluation.run(searcher, topics, hits, expansion);
    }
    EvaluationReport report = TrecEval.evaluate(qrels, run);
    if (runFile != null) {
      try (Writer w = Files.newBufferedWriter(runFile, UTF_8)) {
        run.write(w, RUN_TAG);
      }
    }
    Environment env = env();
    EvalSettings settings =
        new EvalSettings(
            folder, isSample(), analysis, ranking, expansion, hits, topics.size());
    if (json) {
      new JsonPrinter(out(), env.stdoutIsTerminal())
          .evaluation(
              folder,
              settings.sample(),
              analysis,
              ranking,
              expansion,
              hits,
              settings.topics(),
              report,
              perQuery);
    } else {
      new TextPrinter(out(), Marks.of(env)).evaluation(settings, report, perQuery, runFile);
    }
    return ExitCodes.OK;
  }

  /** The RM3 parameters the options ask for, or null without {@code --expand}. */
  private Rm3 expansion() {
    if (!expand) {
      if (expandDocs != null || expandTerms != null || expandWeight != null) {
        throw new ParameterException(
            spec.commandLine(),
            "--expand-docs, --expand-terms and --expand-weight need --expand; add it");
      }
      return null;
    }
    try {
      return new Rm3(
          expandDocs == null ? Rm3.DEFAULT.feedbackDocs() : expandDocs,
          expandTerms == null ? Rm3.DEFAULT.feedbackTerms() : expandTerms,
          expandWeight == null ? Rm3.DEFAULT.originalQueryWeight() : expandWeight);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--expand: " + e.getMessage());
    }
  }

  /**
   * What a run was made with, printed beside its measures.
   *
   * @param index the index folder
   * @param sample whether it is the sample corpus's
   * @param analysis the label of the index's text analysis
   * @param ranking the BM25 parameters
   * @param expansion the RM3 parameters, or null when topics were not expanded
   * @param hits articles retrieved per topic
   * @param topics how many topics were searched (judged or not)
   */
  record EvalSettings(
      Path index,
      boolean sample,
      String analysis,
      Bm25 ranking,
      Rm3 expansion,
      int hits,
      int topics) {}
}
