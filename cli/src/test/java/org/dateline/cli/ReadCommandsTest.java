package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code facets}, {@code show} and {@code stats} on the sample corpus. */
class ReadCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARTICLE = "002_b4ff9c4aed3994e6.txt";

  @TempDir static Path cache;

  private static Cli cli() {
    return Cli.withCache(cache);
  }

  @Test
  void facetsPrintAlignedTablesWithBarsAndEmptyMonths() {
    Cli.Run r = cli().run("facets");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().startsWith("5 articles match.\n\nsource\n"), r::toString);
    assertTrue(r.out().contains("\nmonth\n  2014-07  1  █"), r::toString);
    assertTrue(r.out().contains("\n  2015-03  0  \n"), "an empty month is listed: " + r);
    assertTrue(r.out().contains("\n  2017-01  3  ████████████████████████████████████████\n"), r::toString);
    List<String> sourceRows =
        r.out().lines().dropWhile(l -> !l.equals("source")).skip(1).takeWhile(l -> !l.isEmpty()).toList();
    assertEquals(5, sourceRows.size(), r::toString);
    int barColumn = sourceRows.get(0).indexOf('█');
    for (String row : sourceRows) {
      assertEquals(barColumn, row.indexOf('█'), () -> "bars aligned: " + r);
    }
  }

  @Test
  void facetsByYearForAQuery() {
    Cli.Run r = cli().run("facets", "\"stored communications act\"", "--by", "year");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().startsWith("3 articles match.\n\nyear\n  2017  3  "), r::toString);
  }

  @Test
  void facetsJsonUsesTheSearchShapeWithTheDimensionsAskedFor() throws Exception {
    Cli.Run r = cli().run("facets", "--by", "source", "--by", "week", "--json");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    JsonNode doc = JSON.readTree(r.out());
    assertEquals(5, doc.get("total").asLong());
    JsonNode facets = doc.get("facets");
    List<String> names = new java.util.ArrayList<>();
    facets.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("source", "week"), names);
    long sum = 0;
    for (JsonNode c : facets.get("source")) {
      assertTrue(c.has("label") && c.has("count"), c::toString);
      sum += c.get("count").asLong();
    }
    assertEquals(5, sum);
    assertEquals("2014-W31", facets.get("week").get(0).get("label").asText(), facets::toString);
  }

  @Test
  void facetsWithNoMatchExitOne() {
    assertEquals(ExitCodes.NO_MATCH, cli().run("facets", "zeppelin").code());
  }

  @Test
  void facetsByAnUnknownDimensionExitTwo() {
    Cli.Run r = cli().run("facets", "--by", "Not-A-Field");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().startsWith("dateline: "), r::toString);
  }

  @Test
  void showPrintsTheWholeArticleWithItsMetadata() {
    Cli.Run r = cli().run("show", ARTICLE);
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(
        r.out().startsWith("Court denies US government appeal in Microsoft overseas email case\n"),
        r::toString);
    assertTrue(r.out().contains("  source  CSO (IDG News Service)\n"), r::toString);
    assertTrue(r.out().contains("  date    2017-01-24\n"), r::toString);
    assertTrue(r.out().contains("Stored Communications Act"), "the body, unmarked: " + r);
    assertFalse(r.out().contains("**"), r::toString);
  }

  @Test
  void showJsonIsAHitWithItsBody() throws Exception {
    Cli.Run r = cli().run("show", ARTICLE, "--json");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    JsonNode hit = JSON.readTree(r.out());
    for (String key : List.of("id", "title", "source", "date", "url", "score", "snippets", "body")) {
      assertTrue(hit.has(key), () -> "lacks " + key + ": " + hit);
    }
    assertEquals(ARTICLE, hit.get("id").asText());
    assertEquals("2017-01-24", hit.get("date").asText());
    assertTrue(hit.get("body").asText().length() > 1000, hit::toString);
  }

  @Test
  void showAnUnknownIdExitsOne() {
    Cli.Run r = cli().run("show", "no-such-id");
    assertEquals(ExitCodes.NO_MATCH, r.code(), r::toString);
    assertTrue(r.err().contains("no article with id no-such-id"), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void statsDescribeTheSampleCorpus() {
    Cli.Run r = cli().run("stats");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().contains("(the sample corpus)"), r::toString);
    assertTrue(r.out().contains("  articles      5\n"), r::toString);
    assertTrue(r.out().contains("  sources       5\n"), r::toString);
    assertTrue(r.out().contains("  dates         2014-07-31 to 2017-01-24\n"), r::toString);
    assertTrue(r.out().matches("(?s).*  size on disk  \\d+\\.\\d (KB|MB)\n"), r::toString);
  }

  @Test
  void statsJsonHasTheContractKeys() throws Exception {
    Cli.Run r = cli().run("stats", "--json");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    JsonNode doc = JSON.readTree(r.out());
    assertEquals(5, doc.get("articles").asLong());
    assertEquals(5, doc.get("sources").asLong());
    assertEquals("2014-07-31", doc.get("first_date").asText());
    assertEquals("2017-01-24", doc.get("last_date").asText());
    assertTrue(doc.get("sample").asBoolean());
    assertTrue(doc.get("size_bytes").asLong() > 0);
  }

  @Test
  void statsOnAFolderWithoutAnIndexExitThree(@TempDir Path empty) {
    Cli.Run r = cli().run("stats", "--index", empty.toString());
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code(), r::toString);
    assertTrue(r.err().contains(empty.toString()), r::toString);
  }

  @Test
  void anUnreadableCacheFolderExitsThreeNamingTheVariable(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
    Cli.Run r = Cli.withCache(file).run("stats");
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code(), r::toString);
    assertTrue(r.err().contains(Environment.CACHE_VARIABLE), r::toString);
  }
}
