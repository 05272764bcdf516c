package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code ./dateline} commands, taken from README.md as it stands and run in order in
 * this JVM, with the shared data for the files they name (Reuters-21578 for {@code ~/news}, CACM
 * for the evaluation) and temporary folders for the indexes. {@link LauncherTest} runs the first
 * one through the launcher itself. What each prints is checked against what the README says.
 */
class ReadmeCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPO = Path.of("").toAbsolutePath().getParent();
  private static final Path DATA = REPO.resolve("../shared/data").normalize();

  @TempDir static Path tmp;
  private static String readme;

  @BeforeAll
  static void readTheReadme() throws IOException {
    readme = Files.readString(REPO.resolve("README.md"), StandardCharsets.UTF_8);
  }

  /** The {@code ./dateline} commands of every ```sh block in a README section, in order. */
  private static List<List<String>> commands(String heading) {
    int from = readme.indexOf("\n" + heading + "\n");
    assertTrue(from >= 0, "README has no heading " + heading);
    int to = readme.indexOf("\n## ", from + 1);
    String section = readme.substring(from, to < 0 ? readme.length() : to);
    List<List<String>> out = new ArrayList<>();
    Matcher m = Pattern.compile("\n```sh\n(.*?)\n```", Pattern.DOTALL).matcher(section);
    while (m.find()) {
      for (String line : ShellWords.joinContinuations(m.group(1).lines().toList())) {
        List<String> words = ShellWords.split(line.strip());
        if (!words.isEmpty() && words.get(0).equals("./dateline")) {
          out.add(words.subList(1, words.size()));
        }
      }
    }
    return out;
  }

  /** Runs a README command with its files and folders replaced by real ones. */
  private static Cli.Run run(List<String> words, Map<String, Path> files) {
    List<String> args = new ArrayList<>();
    for (String w : words) {
      Path p = files.get(w);
      args.add(p == null ? w : p.toString());
    }
    return Cli.withCache(tmp.resolve("cache")).run(args.toArray(String[]::new));
  }

  private static Path data(String relative) {
    Path p = DATA.resolve(relative);
    assumeTrue(Files.isRegularFile(p), p + " not found; skipping the README commands that need it");
    return p;
  }

  @Test
  void theQuickStartSearchFindsThePhraseInTheSampleCorpus() {
    List<List<String>> commands = commands("## Quick start");
    assertEquals(1, commands.size(), commands::toString);
    Cli.Run r = run(commands.get(0), Map.of());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().contains("**Stored Communications Act**"), r::toString);
  }

  /** A news page as a site serves it: a menu, the story with its date, a footer. */
  private static String page(String slug, String title) {
    String paragraph =
        "Crude oil prices rose sharply on Monday after producers agreed to hold output steady"
            + " through the spring, traders in London and New York said, and analysts expect the"
            + " agreement to hold at least until the next meeting of ministers in the summer.";
    return "<!doctype html><html lang=\"en\"><head><title>"
        + title
        + " | The Daily Wire</title>"
        + "<meta property=\"og:site_name\" content=\"The Daily Wire\">"
        + "<meta property=\"article:published_time\" content=\"1987-03-02T10:00:00Z\">"
        + "<link rel=\"canonical\" href=\"https://wire.example/1987/03/02/"
        + slug
        + "\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
        + "<article><h1>"
        + title
        + "</h1><p>"
        + paragraph
        + "</p><p>"
        + paragraph.replace("Monday", "Tuesday")
        + "</p><p>"
        + paragraph.replace("London", "Tokyo")
        + "</p></article><footer>Copyright The Daily Wire</footer></body></html>";
  }

  /** A gzipped WARC with one response record holding {@code html}. */
  private static void warc(Path file, String uri, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    byte[] http =
        ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] block = new byte[http.length + body.length];
    System.arraycopy(http, 0, block, 0, http.length);
    System.arraycopy(body, 0, block, http.length, body.length);
    String head =
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:"
            + java.util.UUID.nameUUIDFromBytes(uri.getBytes(StandardCharsets.UTF_8))
            + ">\r\nWARC-Date: 1987-03-02T10:00:00Z\r\nWARC-Target-URI: "
            + uri
            + "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: "
            + block.length
            + "\r\n\r\n";
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(head.getBytes(StandardCharsets.UTF_8));
      out.write(block);
      out.write("\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void theCommandLineSectionRunsInOrderOnReuters() throws Exception {
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("reuters21578.tar.gz", data("reuters21578/reuters21578.tar.gz"));
    files.put("~/news", tmp.resolve("news"));
    Path web = Files.createDirectories(tmp.resolve("web"));
    Path pages = Files.createDirectories(web.resolve("saved-pages"));
    Files.writeString(pages.resolve("oil.html"), page("oil", "Oil prices rise on output accord"));
    warc(
        web.resolve("crawl.warc.gz"),
        "https://wire.example/crude",
        page("crude", "Crude climbs as producers hold output"));
    Files.writeString(
        web.resolve("news.rss"),
        "<?xml version=\"1.0\"?><rss version=\"2.0\""
            + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
            + "<title>The Daily Wire</title><link>https://wire.example/</link>"
            + "<item><title>Gold steadies in quiet trade</title>"
            + "<link>https://wire.example/gold</link>"
            + "<pubDate>Mon, 02 Mar 1987 10:00:00 GMT</pubDate>"
            + "<content:encoded><![CDATA[<p>Gold steadied in quiet trade on Monday as dealers"
            + " waited for news from the producers' meeting.</p>]]></content:encoded>"
            + "</item></channel></rss>");
    files.put("crawl.warc.gz", web.resolve("crawl.warc.gz"));
    files.put("saved-pages/", pages);
    files.put("news.rss", web.resolve("news.rss"));
    files.put("page.html", pages.resolve("oil.html"));
    List<List<String>> commands = commands("## The command line");
    List<String> names = commands.stream().map(c -> c.get(0)).toList();
    assertEquals(
        List.of(
            "index", "index", "extract", "search", "search", "facets", "show", "stats", "delete",
            "serve"),
        names,
        "the README's commands changed: update this test");
    List<Cli.Run> runs = new ArrayList<>();
    // serve runs until stopped: ServeCommandTest starts it; every other command runs here.
    for (List<String> command : commands.subList(0, commands.size() - 1)) {
      Cli.Run r = run(command, files);
      assertEquals(ExitCodes.OK, r.code(), () -> command + "\n" + r);
      assertFalse(r.err().contains("\tat "), r::toString);
      runs.add(r);
    }
    assertTrue(runs.get(0).out().startsWith("Indexed 21,578 articles into"), runs.get(0)::toString);
    assertTrue(runs.get(1).out().startsWith("Indexed 3 articles into"), runs.get(1)::toString);
    JsonNode extracted = JSON.readTree(runs.get(2).out().lines().findFirst().orElseThrow());
    assertEquals("Oil prices rise on output accord", extracted.get("title").asText(), extracted::toString);
    assertFalse(extracted.get("body").asText().contains("Copyright"), extracted::toString);
    assertTrue(extracted.has("blocks"), "--explain gives the block decisions");
    assertTrue(runs.get(3).out().contains("**interest rates**"), runs.get(3)::toString);
    JsonNode json = JSON.readTree(runs.get(4).out());
    assertTrue(json.get("total").asLong() > 0, json::toString);
    json.get("facets").get("source").forEach(c -> assertEquals("Reuters", c.get("label").asText()));
    assertTrue(runs.get(5).out().contains("\nplaces\n"), runs.get(5)::toString);
    String shown = runs.get(6).out();
    assertTrue(shown.lines().count() > 10, "show prints a whole article, not an empty body: " + shown);
    assertTrue(shown.contains("  source    Reuters\n"), shown);
    assertTrue(runs.get(7).out().contains("  articles      21,581\n"), runs.get(7)::toString);
    assertTrue(runs.get(8).out().startsWith("Deleted 2 of the 2 ids given."), runs.get(8)::toString);
    assertTrue(commands.get(9).contains("--index"), "serve names the index the others built");
  }

  @Test
  void theEvaluationSectionReproducesTheFiguresItGives() {
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("anserini-cacm.tar.gz", data("cacm/anserini-cacm.tar.gz"));
    files.put("topics.cacm.txt", data("cacm/topics.cacm.txt"));
    files.put("qrels.cacm.txt", data("cacm/qrels.cacm.txt"));
    files.put("/tmp/cacm", tmp.resolve("cacm"));
    List<List<String>> commands = commands("## Evaluating ranking on a test collection");
    assertEquals(List.of("index", "eval"), commands.stream().map(c -> c.get(0)).toList());
    Cli.Run indexed = run(commands.get(0), files);
    assertEquals(ExitCodes.OK, indexed.code(), indexed::toString);
    Cli.Run eval = run(commands.get(1), files);
    assertEquals(ExitCodes.OK, eval.code(), eval::toString);
    Matcher warned =
        Pattern.compile("with\\s+a warning that (\\d+) of the (\\d+) judged documents are not in the index")
            .matcher(readme);
    assertTrue(warned.find(), "the README tells of the warning");
    assertEquals(
        "dateline: warning: "
            + warned.group(1)
            + " of the "
            + warned.group(2)
            + " documents judged in "
            + files.get("qrels.cacm.txt")
            + " are not in index "
            + files.get("/tmp/cacm")
            + "; the relevant ones count as never retrieved\n",
        eval.err());
    Matcher said =
        Pattern.compile(
                "gives map (\\S+), P_30 (\\S+), ndcg_10 (\\S+), recall_1000 (\\S+) over (\\d+) judged")
            .matcher(readme);
    assertTrue(said.find(), "the README gives the figures");
    String out = eval.out();
    assertTrue(out.contains("  queries          " + said.group(5) + "\n"), out);
    assertTrue(out.contains("  map          " + said.group(1) + "\n"), out);
    assertTrue(out.contains("  P_30         " + said.group(2) + "\n"), out);
    assertTrue(out.contains("  ndcg_10      " + said.group(3) + "\n"), out);
    assertTrue(out.contains("  recall_1000  " + said.group(4) + "\n"), out);
  }
}
