package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Cli cli;
  private Path pages;

  private static final String PAGE =
      """
      <html lang="en"><head><title>Court sides with Microsoft | The Ledger</title>
      <meta property="og:site_name" content="The Ledger">
      <meta property="article:published_time" content="2016-07-14T15:00:00Z">
      <meta property="article:modified_time" content="2016-07-15T09:30:00Z">
      <meta name="author" content="Ann Smith">
      <meta name="description" content="The appeals court ruled for Microsoft.">
      <link rel="canonical" href="https://ledger.example/court"></head>
      <body><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>
      <article><h1>Court sides with Microsoft</h1>
      <p>A federal appeals court ruled on Thursday that the government cannot force the company
      to hand over emails stored on servers abroad, <b>a decision</b> with wide reach.</p>
      <p>The judges said the Stored Communications Act does not reach data held outside the
      United States, and sent the case back to the lower court for the warrant to be quashed.</p>
      <p><a href="/deal">Deal Alert: 34% off SanDisk</a></p></article>
      <div class="comments"><p>First comment! Great news for everyone, I think so, really.</p></div>
      </body></html>
      """;

  @BeforeEach
  void setUp() throws Exception {
    cli = Cli.withCache(dir.resolve("cache"));
    pages = Files.createDirectories(dir.resolve("pages"));
    Files.writeString(pages.resolve("court.html"), PAGE);
    Files.writeString(pages.resolve("menu.html"), "<html><body><nav><a href=/>Home</a></nav></body></html>");
  }

  @Test
  void printsOneJsonObjectPerArticleWithTheMetadataAndTheStoryAlone() throws Exception {
    Cli.Run r = cli.run("extract", pages.toString());
    assertEquals(0, r.code(), r::toString);
    String[] lines = r.out().split("\n");
    assertEquals(1, lines.length, r::toString);
    JsonNode a = JSON.readTree(lines[0]);
    assertEquals("court.html", a.get("id").asText());
    assertEquals("https://ledger.example/court", a.get("url").asText());
    assertEquals("Court sides with Microsoft", a.get("title").asText());
    assertEquals("The Ledger", a.get("source").asText());
    assertEquals("2016-07-14", a.get("date").asText());
    assertEquals("2016-07-15T09:30:00Z", a.get("modified").asText());
    assertEquals("Ann Smith", a.get("authors").get(0).asText());
    assertEquals("en", a.get("language").asText());
    assertEquals("The appeals court ruled for Microsoft.", a.get("description").asText());
    String body = a.get("body").asText();
    assertTrue(body.contains("with wide reach.\n\nThe judges said"), body);
    assertFalse(body.contains("SanDisk") || body.contains("First comment") || body.contains("Home"), body);
    assertTrue(r.err().contains("Extracted 1 article; skipped 1, warnings 0."), r::toString);
    assertTrue(r.err().contains(pages.resolve("menu.html") + ": no article text found"), r::toString);
  }

  @Test
  void explainAddsEveryBlockWithWhyItWasKeptOrDropped() throws Exception {
    Cli.Run r = cli.run("extract", pages.resolve("court.html").toString(), "--explain");
    assertEquals(0, r.code(), r::toString);
    JsonNode blocks = JSON.readTree(r.out()).get("blocks");
    boolean sandiskDropped = false;
    boolean judgesKept = false;
    for (JsonNode b : blocks) {
      String text = b.get("text").asText();
      if (text.contains("SanDisk")) {
        sandiskDropped = !b.get("kept").asBoolean() && b.get("reason").asText().startsWith("link density");
      }
      if (text.startsWith("The judges said")) {
        judgesKept = b.get("kept").asBoolean();
      }
    }
    assertTrue(sandiskDropped && judgesKept, blocks::toString);
  }

  @Test
  void keepBoilerplateAndSource() throws Exception {
    Files.writeString(pages.resolve("court.html"), PAGE.replace("<meta property=\"og:site_name\" content=\"The Ledger\">", ""));
    Cli.Run r =
        cli.run("extract", pages.resolve("court.html").toString(), "--keep-boilerplate", "--source", "Ledger");
    JsonNode a = JSON.readTree(r.out());
    assertTrue(a.get("body").asText().contains("SanDisk"));
    assertTrue(a.get("body").asText().contains("First comment"));
    assertEquals("ledger.example", a.get("source").asText(), "the host still names the publisher");
  }

  @Test
  void nothingExtractedExitsTwo() {
    Cli.Run r = cli.run("extract", pages.resolve("menu.html").toString());
    assertEquals(2, r.code(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().contains("Extracted 0 articles; skipped 1"), r::toString);
  }

  @Test
  void extractHasNoIndexOption() {
    Cli.Run help = cli.run("extract", "--help");
    assertEquals(0, help.code(), help::toString);
    assertTrue(!help.out().contains("--index") && !help.out().contains("--solr"), help::toString);
    Cli.Run r = cli.run("extract", pages.resolve("court.html").toString(), "--index", "/tmp/x");
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().contains("Unknown option: '--index'"), r::toString);
  }

  @Test
  void indexKeepsBoilerplateOnRequest() throws Exception {
    Path index = dir.resolve("index");
    Cli.Run r = cli.run("index", pages.toString(), "--index", index.toString(), "--keep-boilerplate");
    assertEquals(0, r.code(), r::toString);
    Cli.Run s = cli.run("search", "SanDisk", "--index", index.toString());
    assertEquals(0, s.code(), s::toString);
    Path plain = dir.resolve("plain");
    cli.run("index", pages.toString(), "--index", plain.toString());
    assertEquals(1, cli.run("search", "SanDisk", "--index", plain.toString()).code());
    assertEquals(0, cli.run("search", "\"stored communications act\"", "--index", plain.toString()).code());
  }
}
