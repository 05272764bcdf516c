package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dateline eval} (and {@code index --format trec-html --analysis}) on CACM, the collection whose
 * BM25 baseline Anserini publishes; and its errors, which need no collection.
 */
class EvalCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CACM = Path.of("").toAbsolutePath().resolve("../../shared/data/cacm");
  private static final Path ARCHIVE = CACM.resolve("anserini-cacm.tar.gz");
  private static final Path TOPICS = CACM.resolve("topics.cacm.txt");
  private static final Path QRELS = CACM.resolve("qrels.cacm.txt");

  @TempDir static Path tmp;
  private static Path index;
  private static Cli.Run indexRun;

  private static Cli cli() {
    return Cli.withCache(tmp.resolve("cache"));
  }

  /** Indexes CACM once, as Anserini does: all text in one field, English stop words, Porter. */
  @BeforeAll
  static void indexCacm() {
    if (!Files.isRegularFile(ARCHIVE)) {
      return;
    }
    index = tmp.resolve("cacm");
    indexRun =
        cli()
            .run(
                "index",
                ARCHIVE.toString(),
                "--format",
                "trec-html",
                "--html-title",
                "none",
                "--analysis",
                "english-stopwords-porter",
                "--index",
                index.toString());
  }

  private static void assumeCacm() {
    Assumptions.assumeTrue(
        Files.isRegularFile(ARCHIVE) && Files.isRegularFile(TOPICS) && Files.isRegularFile(QRELS),
        "CACM not found at " + CACM + "; skipping the CACM evaluation");
  }

  private static String[] eval(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "eval",
                "--topics",
                TOPICS.toString(),
                "--qrels",
                QRELS.toString(),
                "--index",
                index.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void indexingCacmAsHtmlReadsEveryDocument() {
    assumeCacm();
    assertEquals(ExitCodes.OK, indexRun.code(), indexRun::toString);
    assertTrue(indexRun.out().startsWith("Indexed 3,204 articles into " + index), indexRun::toString);
  }

  @Test
  void cacmWithAnserinisParametersReproducesItsBaseline() throws Exception {
    assumeCacm();
    Cli.Run r = cli().run(eval("--k1", "0.9", "--b", "0.4", "--json"));
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    JsonNode doc = JSON.readTree(r.out());
    // Anserini's regression for CACM, BM25 (k1=0.9, b=0.4): map 0.3123, P_30 0.1942.
    assertEquals(0.3123, doc.get("map").asDouble(), 0.005, doc::toString);
    assertEquals(0.1942, doc.get("p_30").asDouble(), 0.005, doc::toString);
    assertEquals(52, doc.get("queries").asInt(), "CACM judges 52 of its 64 topics: " + doc);
    assertEquals(64, doc.get("topics").asInt(), doc::toString);
    assertEquals("english-stopwords-porter", doc.get("analysis").asText());
    assertEquals(0.9, doc.get("k1").asDouble(), 1e-6);
    assertEquals(0.4, doc.get("b").asDouble(), 1e-6);
    assertTrue(doc.get("ndcg_10").asDouble() > 0 && doc.get("recall_1000").asDouble() > 0, doc::toString);
    assertFalse(doc.has("per_query"), "per-query rows only when asked");
  }

  @Test
  void otherBm25ParametersRankDifferently() throws Exception {
    assumeCacm();
    JsonNode anserini = JSON.readTree(cli().run(eval("--k1", "0.9", "--b", "0.4", "--json")).out());
    JsonNode lucene = JSON.readTree(cli().run(eval("--json")).out());
    assertEquals(1.2, lucene.get("k1").asDouble(), 1e-6, "the default is search's: " + lucene);
    assertEquals(0.75, lucene.get("b").asDouble(), 1e-6, lucene::toString);
    assertTrue(
        anserini.get("map").asDouble() != lucene.get("map").asDouble(),
        () -> anserini + " vs " + lucene);
  }

  @Test
  void textShowsAnAlignedTableOfTheMeansAndPerQueryRows() {
    assumeCacm();
    Cli.Run r = cli().run(eval("--k1", "0.9", "--b", "0.4", "--per-query"));
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(
        r.out().startsWith(
            "Evaluated 64 topics against " + index
                + ": analysis english-stopwords-porter, BM25 k1=0.9 b=0.4, 1,000 hits per topic.\n"),
        r::toString);
    assertTrue(
        r.out().matches("(?s).*\n  queries          52\n  map          0\\.31\\d\\d\n  P_30         0\\.19\\d\\d\n"
            + "  ndcg_10      0\\.\\d{4}\n  recall_1000  0\\.\\d{4}\n.*"),
        r::toString);
    assertTrue(r.out().contains("  query  rel   ret  rel_ret     map    P_30  ndcg_10  recall_1000\n"), r::toString);
    assertTrue(r.out().matches("(?s).*\n  1        5  1000        \\d  0\\.\\d{4}.*"), r::toString);
    assertTrue(r.out().contains("(12 of the topics have no judgments and are not counted)"), r::toString);
  }

  @Test
  void runWritesATrecRunFile() throws Exception {
    assumeCacm();
    Path run = tmp.resolve("cacm.run");
    Cli.Run r = cli().run(eval("--hits", "10", "--run", run.toString()));
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().contains("Run written to " + run + "."), r::toString);
    List<String> lines = Files.readAllLines(run);
    assertEquals(640, lines.size(), "10 hits for each of 64 topics");
    assertTrue(lines.get(0).matches("1 Q0 CACM-\\d{4} 1 \\d+\\.\\d+ dateline"), lines.get(0));
  }

  @Test
  void addingToTheIndexWithAnotherAnalysisExitsTwo() {
    assumeCacm();
    Cli.Run r = cli().run("index", ARCHIVE.toString(), "--format", "trec-html", "--index", index.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(
        r.err().contains("was created with analysis english-stopwords-porter and cannot be written with news"),
        r::toString);
    assertTrue(r.err().contains("--analysis"), r::toString);
    assertFalse(r.err().contains("\tat "), r::toString);
  }

  @Test
  void aMalformedQrelsLineExitsTwoNamingTheFileAndLine() throws Exception {
    Path topics = Files.writeString(tmp.resolve("topics.txt"), "<DOC>\n<DOCNO> 1 </DOCNO>\noil prices\n</DOC>\n");
    Path qrels = Files.writeString(tmp.resolve("bad.qrels"), "1 0 a1 1\n1 0 a2 0\n1 0 a3\n");
    Cli.Run r = cli().run("eval", "--topics", topics.toString(), "--qrels", qrels.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().startsWith("dateline: bad input: " + qrels + ":3: "), r::toString);
    assertTrue(r.err().contains("4 columns"), r::toString);
    assertFalse(r.err().contains("--strict"), "no advice about index's option: " + r);
    assertFalse(r.err().contains("\tat "), r::toString);
    assertFalse(Files.exists(tmp.resolve("cache")), "the files are read before any index is opened");
  }

  @Test
  void malformedTopicsExitTwoNamingTheFile() throws Exception {
    Path topics = Files.writeString(tmp.resolve("none.txt"), "just some words\n");
    Path qrels = Files.writeString(tmp.resolve("ok.qrels"), "1 0 a1 1\n");
    Cli.Run r = cli().run("eval", "--topics", topics.toString(), "--qrels", qrels.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().startsWith("dateline: bad input: " + topics), r::toString);
    assertTrue(r.err().contains("no topics found"), r::toString);
  }

  @Test
  void aMissingTopicsFileExitsTwo() throws Exception {
    Path qrels = Files.writeString(tmp.resolve("ok2.qrels"), "1 0 a1 1\n");
    Path missing = tmp.resolve("missing.txt");
    Cli.Run r = cli().run("eval", "--topics", missing.toString(), "--qrels", qrels.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("no such file or folder: " + missing), r::toString);
  }

  @Test
  void withoutTopicsItExitsTwo() {
    Cli.Run r = cli().run("eval", "--qrels", "q.txt");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("--topics"), r::toString);
  }

  @Test
  void badBm25ParametersExitTwo() throws Exception {
    Path topics = Files.writeString(tmp.resolve("t.txt"), "<DOC>\n<DOCNO> 1 </DOCNO>\noil\n</DOC>\n");
    Path qrels = Files.writeString(tmp.resolve("q.qrels"), "1 0 a1 1\n");
    Cli.Run r = cli().run("eval", "--topics", topics.toString(), "--qrels", qrels.toString(), "--b", "1.5");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("b must be between 0 and 1 (got: 1.5)"), r::toString);
    r = cli().run("eval", "--topics", topics.toString(), "--qrels", qrels.toString(), "--hits", "0");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("--hits must be between 1 and 10000 (got: 0)"), r::toString);
  }

  @Test
  void aMissingIndexExitsThree() throws Exception {
    Path topics = Files.writeString(tmp.resolve("t3.txt"), "<DOC>\n<DOCNO> 1 </DOCNO>\noil\n</DOC>\n");
    Path qrels = Files.writeString(tmp.resolve("q3.qrels"), "1 0 a1 1\n");
    Cli.Run r =
        cli()
            .run("eval", "--topics", topics.toString(), "--qrels", qrels.toString(),
                "--index", tmp.resolve("no-index").toString());
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code(), r::toString);
  }

  @Test
  void helpShowsTheCacmExamplesAndExitStatus() {
    Cli.Run r = cli().run("eval", "--help");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().startsWith("Usage: dateline eval"), r::toString);
    assertTrue(r.out().contains("Examples:"), r::toString);
    assertTrue(r.out().contains("dateline eval --topics topics.cacm.txt --qrels qrels.cacm.txt"), r::toString);
    assertTrue(r.out().contains("--analysis english-stopwords-porter"), r::toString);
    assertTrue(r.out().contains("Exit status: 0"), r::toString);
  }

  @Test
  void expandReachesAnserinisRm3WithItsSettings() throws Exception {
    assumeCacm();
    Cli.Run r = cli().run(eval("--k1", "0.9", "--b", "0.4", "--expand", "--json"));
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    JsonNode doc = JSON.readTree(r.out());
    // Anserini 1.5.0's -bm25 -rm3 on CACM: map 0.3648, P_30 0.2224
    assertTrue(doc.get("map").asDouble() >= 0.3648, doc::toString);
    assertTrue(doc.get("p_30").asDouble() >= 0.2224, doc::toString);
    JsonNode x = doc.get("expansion");
    assertEquals("rm3", x.get("method").asText(), doc::toString);
    assertEquals(10, x.get("feedback_docs").asInt());
    assertEquals(10, x.get("feedback_terms").asInt());
    assertEquals(0.5, x.get("original_query_weight").asDouble(), 1e-6);
    JsonNode plain = JSON.readTree(cli().run(eval("--k1", "0.9", "--b", "0.4", "--json")).out());
    assertTrue(plain.get("expansion").isNull(), plain::toString);
  }

  @Test
  void expandSettingsShowInTheTextAndChangeTheRun() throws Exception {
    assumeCacm();
    Cli.Run r =
        cli().run(eval("--expand", "--expand-docs", "5", "--expand-terms", "20", "--expand-weight", "0.7"));
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(
        r.out().startsWith(
            "Evaluated 64 topics against " + index
                + ": analysis english-stopwords-porter, BM25 k1=1.2 b=0.75, RM3 expansion (5"
                + " articles, 20 words, query weight 0.7), 1,000 hits per topic.\n"),
        r::toString);
    JsonNode a = JSON.readTree(cli().run(eval("--expand", "--expand-docs", "5", "--json")).out());
    JsonNode b = JSON.readTree(cli().run(eval("--expand", "--json")).out());
    assertTrue(a.get("map").asDouble() != b.get("map").asDouble(), () -> a + " vs " + b);
  }

  @Test
  void expandOptionsWithoutExpandOrOutOfRangeExitTwo() throws Exception {
    Path topics = Files.writeString(tmp.resolve("t4.txt"), "<DOC>\n<DOCNO> 1 </DOCNO>\noil\n</DOC>\n");
    Path qrels = Files.writeString(tmp.resolve("q4.qrels"), "1 0 a1 1\n");
    Cli.Run r =
        cli().run("eval", "--topics", topics.toString(), "--qrels", qrels.toString(), "--expand-docs", "5");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("--expand-docs, --expand-terms and --expand-weight need --expand"), r::toString);
    r =
        cli().run("eval", "--topics", topics.toString(), "--qrels", qrels.toString(), "--expand",
            "--expand-weight", "1.5");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("originalQueryWeight must be between 0 and 1 (got: 1.5)"), r::toString);
  }

  @Test
  void helpDescribesExpand() {
    String out = cli().run("eval", "--help").out().replaceAll("\\s+", " ");
    assertTrue(out.contains("--expand Expand each topic with words of its best hits (RM3"), out);
    assertTrue(out.contains("--expand-docs=N"), out);
    assertTrue(out.contains("without its English function words"), out);
  }
}
