package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dateline search} on the sample corpus: text, colour, JSON, paging and every exit code. */
class SearchCommandTest {
  private static final String PHRASE = "\"stored communications act\"";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path cache;

  private static Cli cli() {
    return Cli.withCache(cache);
  }

  @Test
  void phraseIsMarkedAsOneSpanWithThePlainMarkerWhenStdoutIsNotATerminal() {
    Cli.Run r = cli().run("search", PHRASE);
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().contains("**Stored Communications Act**"), r::toString);
    assertFalse(r.out().contains("\u001B["), "no escape codes in a pipe: " + r);
    assertEquals("", r.err(), r::toString);
  }

  @Test
  void eachHitShowsRankTitleSourceDateAndIdThenTheTotal() {
    Cli.Run r = cli().run("search", PHRASE);
    assertTrue(r.out().startsWith("1. "), r::toString);
    assertTrue(r.out().contains("\n2. ") && r.out().contains("\n3. "), r::toString);
    assertTrue(r.out().contains("2017-01-24"), r::toString);
    assertTrue(r.out().contains("id 0"), r::toString);
    assertTrue(r.out().contains("RTÉ News"), r::toString);
    assertTrue(r.out().strip().endsWith("Showing 1-3 of 3 matches."), r::toString);
  }

  @Test
  void matchesAreBoldRedOnATerminal() {
    Cli.Run r = cli().terminal().run("search", PHRASE);
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().contains("\u001B[1m\u001B[31mStored Communications Act\u001B[0m"), r::toString);
    assertFalse(r.out().contains("**"), r::toString);
  }

  @Test
  void noColorTurnsTheColourIntoThePlainMarkerOnATerminal() {
    Cli.Run r = cli().terminal().env("NO_COLOR", "1").run("search", PHRASE);
    assertTrue(r.out().contains("**Stored Communications Act**"), r::toString);
    assertFalse(r.out().contains("\u001B["), r::toString);
  }

  @Test
  void jsonIsOneDocumentFollowingTheContract() throws Exception {
    Cli.Run r = cli().run("search", PHRASE, "--json", "--facets");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    JsonNode doc = JSON.readTree(r.out());
    assertEquals(PHRASE, doc.get("query").asText());
    assertEquals(3, doc.get("total").asLong());
    assertEquals(3, doc.get("hits").size());
    for (JsonNode hit : doc.get("hits")) {
      for (String key : List.of("id", "title", "source", "date", "url", "score", "snippets")) {
        assertTrue(hit.has(key), () -> "hit lacks " + key + ": " + hit);
      }
      assertTrue(hit.get("url").isNull(), hit::toString);
      assertTrue(hit.get("score").isNumber(), hit::toString);
      assertTrue(hit.get("date").asText().matches("\\d{4}-\\d{2}-\\d{2}"), hit::toString);
    }
    List<String> highlighted = new ArrayList<>();
    for (JsonNode hit : doc.get("hits")) {
      for (JsonNode s : hit.get("snippets")) {
        String text = s.get("text").asText();
        for (JsonNode h : s.get("highlights")) {
          highlighted.add(text.substring(h.get("start").asInt(), h.get("end").asInt()));
        }
      }
    }
    assertTrue(highlighted.contains("Stored Communications Act"), highlighted::toString);
    JsonNode facets = doc.get("facets");
    assertTrue(facets.get("source").isArray(), facets::toString);
    assertEquals("2017-01", facets.get("month").get(0).get("label").asText(), facets::toString);
    assertEquals(3, facets.get("month").get(0).get("count").asLong(), facets::toString);
    assertTrue(doc.get("next").isNull(), doc::toString);
  }

  @Test
  void noHighlightMarksNothingAndFindsTheSame() throws Exception {
    JsonNode marked = JSON.readTree(cli().run("search", PHRASE, "--json").out());
    Cli.Run r = cli().run("search", PHRASE, "--json", "--no-highlight");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    JsonNode plain = JSON.readTree(r.out());
    assertEquals(marked.get("total"), plain.get("total"));
    List<String> markedIds = new ArrayList<>();
    List<String> plainIds = new ArrayList<>();
    marked.get("hits").forEach(h -> markedIds.add(h.get("id").asText()));
    plain.get("hits").forEach(h -> plainIds.add(h.get("id").asText()));
    assertEquals(markedIds, plainIds);
    int marks = 0;
    for (JsonNode hit : marked.get("hits")) {
      for (JsonNode s : hit.get("snippets")) {
        marks += s.get("highlights").size();
      }
    }
    assertTrue(marks > 0, marked::toString); // else the check below proves nothing
    for (JsonNode hit : plain.get("hits")) {
      for (JsonNode s : hit.get("snippets")) {
        assertEquals(0, s.get("highlights").size(), hit::toString);
      }
    }
  }

  @Test
  void jsonWithoutFacetsStillHasTheFacetsKey() throws Exception {
    JsonNode doc = JSON.readTree(cli().run("search", "microsoft", "--json").out());
    assertTrue(doc.get("facets").isObject(), doc::toString);
    assertEquals(0, doc.get("facets").size(), doc::toString);
  }

  @Test
  void aLaterPageGivesTheNextPageCommandAndItWorks() {
    Cli.Run first = cli().run("search", "microsoft", "--limit", "2", "--snippets", "0");
    assertEquals(ExitCodes.OK, first.code(), first::toString);
    assertTrue(first.out().contains("Showing 1-2 of 5 matches."), first::toString);
    Matcher m = Pattern.compile("Next page: (.*)").matcher(first.out());
    assertTrue(m.find(), first::toString);
    assertEquals("dateline search microsoft --limit 2 --snippets 0 --offset 2", m.group(1));
    Cli.Run second = cli().run("search", "microsoft", "--limit", "2", "--snippets", "0", "--offset", "2");
    assertTrue(second.out().startsWith("3. "), second::toString);
    assertTrue(second.out().contains("\n4. "), second::toString);
    assertTrue(second.out().contains("Showing 3-4 of 5 matches."), second::toString);
  }

  @Test
  void theJsonCursorLeadsToTheNextPage() throws Exception {
    JsonNode page1 = JSON.readTree(cli().run("search", "microsoft", "--limit", "2", "--json").out());
    String cursor = page1.get("next").asText();
    assertNotNull(cursor);
    Cli.Run r = cli().run("search", "microsoft", "--limit", "2", "--json", "--after", cursor);
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    JsonNode page2 = JSON.readTree(r.out());
    assertEquals(2, page2.get("hits").size());
    List<String> ids = new ArrayList<>();
    page1.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    page2.get("hits").forEach(h -> assertFalse(ids.contains(h.get("id").asText()), "repeated " + h));
  }

  @Test
  void sortNewestPutsTheLatestFirst() throws Exception {
    JsonNode doc = JSON.readTree(cli().run("search", "microsoft", "--sort", "newest", "--json").out());
    assertEquals("2017-01-24", doc.get("hits").get(0).get("date").asText());
    assertEquals("2014-07-31", doc.get("hits").get(4).get("date").asText());
  }

  @Test
  void sourceAndDateFiltersNarrowTheHits() throws Exception {
    JsonNode doc =
        JSON.readTree(
            cli().run("search", "microsoft", "--from", "2014", "--to", "2016-07", "--json").out());
    assertEquals(2, doc.get("total").asLong(), doc::toString);
    doc = JSON.readTree(cli().run("search", "microsoft", "--source", "techeye", "--json").out());
    assertEquals(1, doc.get("total").asLong(), doc::toString);
    assertEquals("TechEye", doc.get("hits").get(0).get("source").asText());
  }

  @Test
  void repeatedSourcesMatchAnyOfThem() throws Exception {
    // search's options are bound in code (SearchCommand.model): every --source must reach the
    // request, not only the last one given.
    JsonNode doc =
        JSON.readTree(
            cli().run("search", "microsoft", "--source", "techeye", "--source", "idm", "--json")
                .out());
    assertEquals(2, doc.get("total").asLong(), doc::toString);
    List<String> sources = new ArrayList<>();
    doc.get("hits").forEach(h -> sources.add(h.get("source").asText()));
    assertEquals(List.of("IDM", "TechEye"), sources.stream().sorted().toList());
  }

  @Test
  void noMatchExitsOneAndSaysSo() {
    Cli.Run r = cli().run("search", "zeppelin");
    assertEquals(ExitCodes.NO_MATCH, r.code(), r::toString);
    assertTrue(r.out().contains("No articles match."), r::toString);
  }

  @Test
  void noMatchInJsonIsStillAValidDocument() throws Exception {
    Cli.Run r = cli().run("search", "zeppelin", "--json");
    assertEquals(ExitCodes.NO_MATCH, r.code());
    JsonNode doc = JSON.readTree(r.out());
    assertEquals(0, doc.get("total").asLong());
    assertEquals(0, doc.get("hits").size());
  }

  @Test
  void aMalformedQueryExitsTwoWithACaretUnderTheProblem() {
    Cli.Run r = cli().run("search", "\"stored communications");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().startsWith("dateline: invalid query: "), r::toString);
    assertTrue(r.err().contains("\n  \"stored communications\n"), r::toString);
    assertTrue(r.err().contains("^"), r::toString);
    assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r);
    assertEquals("", r.out());
  }

  @Test
  void aMalformedDateExitsTwoNamingTheAcceptedForms() {
    Cli.Run r = cli().run("search", "microsoft", "--from", "24/01/2017");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("--from"), r::toString);
    assertTrue(r.err().contains("2017-01-24"), r::toString);
  }

  @Test
  void aRangeEndingBeforeItStartsExitsTwo() {
    Cli.Run r = cli().run("search", "microsoft", "--from", "2017", "--to", "2016");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("must not end before it starts"), r::toString);
  }

  @Test
  void offsetAndAfterTogetherExitTwo() {
    Cli.Run r = cli().run("search", "microsoft", "--offset", "2", "--after", "abc");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("--offset and --after cannot be used together"), r::toString);
  }

  @Test
  void aBadLimitExitsTwoWithTheLimitAndTheValue() {
    Cli.Run r = cli().run("search", "microsoft", "--limit", "0");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("limit must be between 1 and"), r::toString);
    assertTrue(r.err().contains("(got: 0)"), r::toString);
  }

  @Test
  void aNonNumericLimitExitsTwo() {
    Cli.Run r = cli().run("search", "microsoft", "--limit", "ten");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("'ten' is not an int"), r::toString);
  }

  @Test
  void anUnknownSortOrderExitsTwoListingTheChoices() {
    Cli.Run r = cli().run("search", "microsoft", "--sort", "random");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("RELEVANCE"), r::toString);
  }

  @Test
  void aMissingQueryExitsTwo() {
    Cli.Run r = cli().run("search");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("Missing required parameter: 'QUERY'"), r::toString);
    assertTrue(r.err().contains("dateline search --help"), r::toString);
  }

  @Test
  void aBadCursorExitsTwo() {
    Cli.Run r = cli().run("search", "microsoft", "--after", "not-a-cursor");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().startsWith("dateline: "), r::toString);
  }

  @Test
  void aMissingIndexExitsThree(@TempDir Path tmp) {
    Path nowhere = tmp.resolve("no-such-index");
    Cli.Run r = cli().run("search", "microsoft", "--index", nowhere.toString());
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code(), r::toString);
    assertTrue(r.err().contains(nowhere.toString()), r::toString);
  }

  @Test
  void dateLineIndexVariableNamesTheIndex(@TempDir Path tmp) {
    Path nowhere = tmp.resolve("from-env");
    Cli.Run r = cli().env(Environment.INDEX_VARIABLE, nowhere.toString()).run("search", "microsoft");
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code(), r::toString);
    assertTrue(r.err().contains(nowhere.toString()), r::toString);
  }

  @Test
  void helpHasExamples() {
    Cli.Run r = cli().run("search", "--help");
    assertEquals(ExitCodes.OK, r.code());
    assertTrue(r.out().contains("Examples:"), r::toString);
    assertTrue(r.out().contains("dateline search '\"stored communications act\"'"), r::toString);
  }

  @Test
  void expandKeepsTheHitsAndTheTotal() throws Exception {
    JsonNode plain = JSON.readTree(cli().run("search", "warrant", "--json").out());
    Cli.Run r = cli().run("search", "warrant", "--expand", "--json");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertEquals("", r.err(), r::toString);
    JsonNode expanded = JSON.readTree(r.out());
    assertEquals(plain.get("total").asLong(), expanded.get("total").asLong(), r::toString);
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    plain.get("hits").forEach(h -> a.add(h.get("id").asText()));
    expanded.get("hits").forEach(h -> b.add(h.get("id").asText()));
    assertEquals(new java.util.TreeSet<>(a), new java.util.TreeSet<>(b), r::toString);
  }

  @Test
  void bareFunctionWordsAreDroppedAndQuotedOnesKept() {
    // "the" and "of" are not required: the same three articles as the phrase without them
    Cli.Run r = cli().run("search", "the stored communications of act");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().strip().endsWith("of 3 matches."), r::toString);
    // quoted, they must be there: no article has this phrase
    Cli.Run quoted = cli().run("search", "\"the stored communications of act\"");
    assertEquals(ExitCodes.NO_MATCH, quoted.code(), quoted::toString);
  }

  @Test
  void helpDescribesExpandAndFunctionWords() {
    String out = cli().run("search", "--help").out().replaceAll("\\s+", " ");
    assertTrue(out.contains("--expand Reorder the hits with words of the best ones"), out);
    assertTrue(out.contains("English function words (the, in, which...) written bare"), out);
  }
}
