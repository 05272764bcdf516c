package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user meets first, on the sample corpus and a small index of it: the source filter by
 * a word of the name, a day that does not exist, a file given as the index, and the messages that
 * say the sample corpus was used when --index was forgotten.
 */
class FrontDoorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ARTICLES =
      Path.of("").toAbsolutePath().resolve("../corpus/articles").normalize();

  @TempDir static Path tmp;
  private static Path index;

  private static Cli cli() {
    return Cli.withCache(tmp.resolve("cache"));
  }

  @BeforeAll
  static void indexTheSampleArticles() {
    index = tmp.resolve("index");
    Cli.Run r = cli().run("index", ARTICLES.toString(), "--index", index.toString());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
  }

  private static List<String> sources(Cli.Run r) throws Exception {
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    List<String> out = new ArrayList<>();
    JSON.readTree(r.out()).get("hits").forEach(h -> out.add(h.get("source").asText()));
    return out;
  }

  // ---- the source filter, as the README says ----

  @Test
  void sourceRteFindsRteNewsByAWordOfItsName() throws Exception {
    assertEquals(List.of("RTÉ News"), sources(cli().run("search", "", "--source", "rte", "--json")));
    assertEquals(
        List.of("RTÉ News"), sources(cli().run("search", "", "--source", "rte news", "--json")));
    assertEquals(
        List.of("RTÉ News"), sources(cli().run("search", "", "--source", "RTÉ News", "--json")));
    assertEquals(List.of("RTÉ News"), sources(cli().run("search", "source:rte", "--json")));
  }

  @Test
  void sourceFiltersCombineAndFacetsDrillSideways() throws Exception {
    Cli.Run r = cli().run("search", "warrant", "--source", "rte", "--source", "techeye", "--facets", "--json");
    List<String> found = sources(r);
    found.sort(null);
    assertEquals(List.of("RTÉ News", "TechEye"), found);
    JsonNode bySource = JSON.readTree(r.out()).get("facets").get("source");
    assertEquals(5, bySource.size(), "drill-sideways: the other sources are still counted: " + r);
  }

  @Test
  void aSourceThatIsNoWordOfAnyNameFindsNothing() {
    Cli.Run r = cli().run("search", "", "--source", "rt");
    assertEquals(ExitCodes.NO_MATCH, r.code(), r::toString);
  }

  // ---- dates ----

  @Test
  void aDayThatDoesNotExistIsToldSo() {
    Cli.Run r = cli().run("search", "oil", "--from", "1987-02-30");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("1987-02-30 does not exist: February 1987 has 28 days"), r::toString);
    r = cli().run("facets", "--to", "2017-13");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("2017-13 does not exist: there is no month 13"), r::toString);
  }

  // ---- --index naming a file ----

  @Test
  void anIndexThatIsAFileIsCalledAFileByEveryCommand() throws Exception {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "not an index");
    for (String[] args :
        List.of(
            new String[] {"search", "oil"},
            new String[] {"facets"},
            new String[] {"show", "1"},
            new String[] {"stats"},
            new String[] {"delete", "1"},
            new String[] {"index", ARTICLES.toString()})) {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(List.of("--index", file.toString()));
      Cli.Run r = cli().run(all.toArray(String[]::new));
      assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code(), () -> args[0] + ": " + r);
      assertTrue(
          r.err().contains(file + " is a file, not an index folder"), () -> args[0] + ": " + r);
      assertFalse(r.err().contains("permissions"), () -> args[0] + ": " + r);
    }
    assertEquals("not an index", Files.readString(file), "the file is left alone");
  }

  @Test
  void anIndexInsideAFileSaysWhichPathIsTheFile() throws Exception {
    Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
    Cli.Run r = cli().run("index", ARTICLES.toString(), "--index", file.resolve("news").toString());
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code(), r::toString);
    assertTrue(r.err().contains(file + " is a file, not a folder"), r::toString);
  }

  // ---- the sample corpus, used because --index was forgotten ----

  @Test
  void showOfAnUnknownIdSaysTheSampleCorpusWasUsed() {
    Cli.Run r = cli().run("show", "5000");
    assertEquals(ExitCodes.NO_MATCH, r.code(), r::toString);
    assertTrue(r.err().contains("no article with id 5000"), r::toString);
    assertTrue(r.err().contains("that was the sample corpus: no --index DIR or DATELINE_INDEX was given"), r::toString);
    r = cli().run("show", "5000", "--index", index.toString());
    assertEquals(ExitCodes.NO_MATCH, r.code(), r::toString);
    assertFalse(r.err().contains("sample"), "an index was named: " + r);
  }

  @Test
  void facetsByAFieldTheSampleLacksSayTheSampleCorpusWasUsed() {
    Cli.Run r = cli().run("facets", "--by", "places");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("places"), r::toString);
    assertTrue(r.err().contains("that was the sample corpus"), r::toString);
    r = cli().run("facets", "--by", "places", "--index", index.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertFalse(r.err().contains("sample"), r::toString);
  }

  @Test
  void aSearchOfAFieldTheSampleLacksSaysTheSampleCorpusWasUsed() {
    Cli.Run r = cli().run("search", "places:usa");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("unknown field \"places\""), r::toString);
    assertTrue(r.err().contains("that was the sample corpus"), r::toString);
    r = cli().run("search", "\"unclosed");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertFalse(r.err().contains("sample"), "a syntax error is the same in any index: " + r);
  }

  @Test
  void aSearchWithoutMatchesInTheSampleSaysSoButNotInANamedIndex() {
    Cli.Run r = cli().run("search", "crude", "--source", "reuters");
    assertEquals(ExitCodes.NO_MATCH, r.code(), r::toString);
    assertTrue(r.err().contains("that was the sample corpus"), r::toString);
    r = cli().run("search", "crude", "--index", index.toString());
    assertEquals(ExitCodes.NO_MATCH, r.code(), r::toString);
    assertEquals("", r.err(), r::toString);
  }

  // ---- eval with judgments the index does not hold ----

  private static Path topics() throws Exception {
    return Files.writeString(
        tmp.resolve("topics.txt"),
        "<DOC>\n<DOCNO> 1 </DOCNO>\nstored communications act warrant\n</DOC>\n");
  }

  @Test
  void evalWithNoJudgedDocumentInTheIndexExitsOneAndSaysWhy() throws Exception {
    Path qrels = Files.writeString(tmp.resolve("cacm.qrels"), "1 0 CACM-1410 1\n1 0 CACM-1572 1\n");
    Cli.Run r = cli().run("eval", "--topics", topics().toString(), "--qrels", qrels.toString());
    assertEquals(ExitCodes.NO_MATCH, r.code(), r::toString);
    assertTrue(r.err().contains("none of the 2 documents judged in " + qrels + " is in"), r::toString);
    assertTrue(r.err().contains("that was the sample corpus"), "--index was forgotten: " + r);
    assertEquals("", r.out(), "no measures of nothing: " + r);
  }

  @Test
  void evalWarnsWhenSomeJudgedDocumentsAreMissing() throws Exception {
    Path qrels =
        Files.writeString(
            tmp.resolve("some.qrels"),
            "1 0 000_0400347b8501b587.txt 1\n1 0 002_b4ff9c4aed3994e6.txt 1\n1 0 CACM-1410 1\n");
    Cli.Run r =
        cli()
            .run(
                "eval",
                "--topics",
                topics().toString(),
                "--qrels",
                qrels.toString(),
                "--index",
                index.toString());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(
        r.err().contains("warning: 1 of the 3 documents judged in " + qrels + " are not in index " + index),
        r::toString);
    assertTrue(r.out().contains("map"), r::toString);
  }
}
