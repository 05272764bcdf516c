package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copies faces of the command line: {@code search --collapse}, {@code --count stories}, {@code
 * show} with copies and reuses, {@code copies}. The feed: the RTÉ sample article sent by a wire, a
 * paper and a site (the site a day later with its last paragraphs cut), and an unrelated article.
 */
class CopiesCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path index;
  private Cli cli;

  @BeforeEach
  void indexFeed() throws Exception {
    String rte = body("000_0400347b8501b587.txt");
    List<String> paragraphs = List.of(rte.split("\n\\s*\n"));
    String cut = String.join("\n\n", paragraphs.subList(0, paragraphs.size() - 3));
    String other = body("003_e1abbdcdc2025a49.txt");
    List<String> lines = new ArrayList<>();
    lines.add(line("a", "Wire", "2017-01-24T08:00:00Z", "Appeals court rules for Microsoft", rte));
    lines.add(line("b", "Paper", "2017-01-24T11:00:00Z", "Microsoft wins again", rte));
    lines.add(line("c", "Site", "2017-01-25T09:00:00Z", "Court sides with Microsoft", cut));
    lines.add(line("d", "Other", "2016-07-18T09:00:00Z", "Offshore emails stay private", other));
    Path feed = tmp.resolve("feed.jsonl");
    Files.write(feed, lines);
    cli = Cli.withCache(tmp.resolve("cache"));
    index = tmp.resolve("index");
    Cli.Run r = cli.run("index", feed.toString(), "--index", index.toString(), "--copies");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
  }

  private static String body(String file) throws Exception {
    return Files.readString(
        Path.of("").toAbsolutePath().resolve("../corpus/articles").resolve(file).normalize());
  }

  private static String line(String id, String source, String date, String title, String body) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id).put("source", source).put("date", date).put("title", title).put("body", body);
    return o.toString();
  }

  @Test
  void collapsedSearchShowsOneHitPerStoryWithItsCopies() {
    Cli.Run r =
        cli.run("search", "microsoft", "--collapse", "--sort", "oldest", "--index", index.toString());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().contains("+2 copies in 3 outlets · earliest id a"), r::toString);
    assertTrue(r.out().contains("Showing 1-2 of 2 stories in 4 matches."), r::toString);
    assertTrue(!r.out().contains("id b\n") && !r.out().contains("id c\n"), r::toString);
  }

  @Test
  void searchJsonCarriesEachHitsGroupAndWhatItCounts() throws Exception {
    Cli.Run r =
        cli.run(
            "search", "microsoft", "--json", "--count", "stories", "--index", index.toString());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    JsonNode doc = JSON.readTree(r.out());
    assertEquals("stories", doc.get("count").asText());
    assertEquals(2, doc.get("stories").asLong());
    assertEquals(4, doc.get("total").asLong());
    assertTrue(!doc.get("collapsed").asBoolean());
    for (JsonNode hit : doc.get("hits")) {
      String id = hit.get("id").asText();
      String expected = id.equals("d") ? "d" : "a";
      assertEquals(expected, hit.get("copy_group").asText(), hit::toString);
      assertEquals(expected, hit.get("earliest").asText(), hit::toString);
      assertEquals(id.equals("d") ? 1 : 3, hit.get("group_size").asLong(), hit::toString);
    }
  }

  @Test
  void showListsCopiesEarliestFirstWithSimilarity() throws Exception {
    Cli.Run r = cli.run("show", "c", "--index", index.toString());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    String out = r.out();
    int copies = out.indexOf("Copies: 2 other articles in this article's group (earliest id a)");
    assertTrue(copies > 0, r::toString);
    int a = out.indexOf("2017-01-24 · Wire · id a · similarity 0.", copies);
    int b = out.indexOf("2017-01-24 · Paper · id b · similarity 0.", copies);
    assertTrue(a > 0 && b > a, "earliest first: " + r);

    JsonNode doc = JSON.readTree(cli.run("show", "a", "--json", "--index", index.toString()).out());
    assertEquals("a", doc.get("copy_group").asText());
    List<String> ids = new ArrayList<>();
    doc.get("copies").forEach(c -> ids.add(c.get("id").asText()));
    assertEquals(List.of("b", "c"), ids);
    assertEquals(1.0, doc.get("copies").get(0).get("similarity").asDouble(), 1e-9);
    assertEquals(1.0, doc.get("copies").get(1).get("share_of_other").asDouble(), 1e-9);
    assertTrue(doc.get("reuses").isEmpty(), doc::toString);
  }

  @Test
  void copiesListsTheLargestGroupsWithTheirSpread() throws Exception {
    Cli.Run r = cli.run("copies", "--index", index.toString());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(
        r.out()
            .startsWith(
                "1. Appeals court rules for Microsoft\n"
                    + "   3 articles in 3 outlets (Paper, Site, Wire) · 2017-01-24 to 2017-01-25"
                    + " · earliest id a\n"
                    + "   ids: a b c\n"),
        r::toString);

    JsonNode doc = JSON.readTree(cli.run("copies", "--json", "--index", index.toString()).out());
    JsonNode g = doc.get("groups").get(0);
    assertEquals("a", g.get("copy_group").asText());
    assertEquals(3, g.get("articles").asLong());
    assertEquals("2017-01-25", g.get("last_date").asText());
    assertEquals(1, doc.get("total_groups").asLong());

    assertEquals(
        ExitCodes.NO_MATCH, cli.run("copies", "offshore", "--index", index.toString()).code());
  }

  @Test
  void facetsCountStoriesWhenAsked() throws Exception {
    Cli.Run r =
        cli.run(
            "facets", "--by", "month", "--count", "stories", "--json", "--index",
            index.toString());
    JsonNode doc = JSON.readTree(r.out());
    assertEquals("stories", doc.get("count").asText(), r::toString);
    assertEquals("2017-01", doc.get("facets").get("month").get(6).get("label").asText());
    assertEquals(1, doc.get("facets").get("month").get(6).get("count").asLong(), r::toString);
    Cli.Run bad = cli.run("facets", "--count", "pages", "--index", index.toString());
    assertEquals(ExitCodes.BAD_INPUT, bad.code(), bad::toString);
    assertTrue(bad.err().contains("expected articles or stories (got: pages)"), bad::toString);
  }

  @Test
  void anIndexWithoutCopiesSaysHowToTurnThemOn() throws Exception {
    Path feed = tmp.resolve("feed.jsonl");
    Path off = tmp.resolve("off");
    assertEquals(ExitCodes.OK, cli.run("index", feed.toString(), "--index", off.toString()).code());
    for (String[] args :
        List.of(
            new String[] {"copies"},
            new String[] {"search", "microsoft", "--collapse"},
            new String[] {"search", "microsoft", "--count", "stories"},
            new String[] {"facets", "--count", "stories"})) {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(List.of("--index", off.toString()));
      Cli.Run r = cli.run(all.toArray(new String[0]));
      assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
      assertTrue(r.err().contains("dateline index --copies --replace"), r::toString);
      assertFalse(r.err().contains("at org."), r::toString);
    }
    // show still shows the article, and says why no copies are listed
    Cli.Run show = cli.run("show", "a", "--index", off.toString());
    assertEquals(ExitCodes.OK, show.code(), show::toString);
    assertTrue(show.out().contains("Appeals court rules for Microsoft"), show::toString);
    assertFalse(show.out().contains("Copies:"), show::toString);
    assertTrue(show.err().contains("no copies listed"), show::toString);
    JsonNode doc = JSON.readTree(cli.run("show", "a", "--json", "--index", off.toString()).out());
    assertTrue(doc.get("copies").isNull(), doc::toString);
    assertEquals("a", doc.get("copy_group").asText());

    // --copies on the index made without it: refused, naming both settings
    Cli.Run again = cli.run("index", feed.toString(), "--index", off.toString(), "--copies");
    assertEquals(ExitCodes.BAD_INPUT, again.code(), again::toString);
    assertTrue(again.err().contains("created with copy detection off"), again::toString);
    // rebuilt with --replace --copies: now it groups
    Cli.Run rebuilt =
        cli.run("index", feed.toString(), "--index", off.toString(), "--copies", "--replace");
    assertEquals(ExitCodes.OK, rebuilt.code(), rebuilt::toString);
    assertEquals(ExitCodes.OK, cli.run("copies", "--index", off.toString()).code());
  }

  @Test
  void indexOptionsChangeTheThresholds() throws Exception {
    Path feed = tmp.resolve("feed.jsonl");
    // c lacks a's last paragraphs: a copy at the default 0.5, not when 95% must be shared
    Path narrow = tmp.resolve("narrow");
    Cli.Run r =
        cli.run(
            "index", feed.toString(), "--index", narrow.toString(), "--copies",
            "--copy-threshold", "0.95");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    JsonNode doc = JSON.readTree(cli.run("copies", "--json", "--index", narrow.toString()).out());
    List<String> ids = new ArrayList<>();
    doc.get("groups").get(0).get("ids").forEach(id -> ids.add(id.asText()));
    assertEquals(List.of("a", "b"), ids);

    Path other = tmp.resolve("other");
    Cli.Run bad =
        cli.run(
            "index", feed.toString(), "--index", other.toString(), "--copies",
            "--copy-threshold", "0.1");
    assertEquals(ExitCodes.BAD_INPUT, bad.code(), bad::toString);
    assertTrue(bad.err().contains("copyJaccard must be between 0.2 and 1 (got: 0.1)"), bad::toString);
    Cli.Run without =
        cli.run("index", feed.toString(), "--index", other.toString(), "--copy-threshold", "0.9");
    assertEquals(ExitCodes.BAD_INPUT, without.code(), without::toString);
    assertTrue(without.err().contains("go with --copies"), without::toString);
    assertFalse(java.nio.file.Files.exists(other), "a refused run creates no index");
  }

  @Test
  void theSampleCorpusShowsRteAndTecheyeAsPartialReuse() {
    Cli.Run r = cli.run("show", "001_4915df2992829a5e.txt");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().contains("Copies: none"), r::toString);
    assertTrue(
        r.out()
            .contains(
                "2017-01-24 · RTÉ News · id 000_0400347b8501b587.txt · 44% of this article is in"
                    + " it, 39% of it is in this article"),
        r::toString);
  }
}
