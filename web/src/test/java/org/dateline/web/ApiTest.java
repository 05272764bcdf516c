package org.dateline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dateline.Article;
import org.dateline.FacetRequest;
import org.dateline.InvalidQueryException;
import org.dateline.NewsIndex;
import org.dateline.NewsSearcher;
import org.dateline.SampleCorpus;
import org.dateline.SearchRequest;
import org.dateline.SearchResult;
import org.dateline.json.JsonPrinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over the sample corpus, without a browser: contract, statuses, freshness. */
class ApiTest {
  private static final String PHRASE = "\"stored communications act\"";

  @TempDir Path dir;

  private Path index;
  private NewsServer server;
  private final List<Throwable> internalErrors = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    index = SampleCorpus.ensureIndexed(dir.resolve("cache"));
    server = start(index);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    assertEquals(List.of(), internalErrors, "no request may end in an internal error");
  }

  private NewsServer start(Path folder) throws Exception {
    return NewsServer.start(
        folder,
        true,
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        internalErrors::add);
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void searchFindsThePhraseInThreeSeedArticlesMarkedAsOneSpan() throws Exception {
    Http.Response r = Http.get(server, "/api/search?q=" + q(PHRASE));
    assertEquals(200, r.status());
    assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
    JsonNode json = r.json();
    assertEquals(PHRASE, json.get("query").asText());
    assertEquals(3, json.get("total").asInt());
    assertEquals(3, json.get("hits").size());
    for (JsonNode hit : json.get("hits")) {
      for (String field :
          List.of(
              "id",
              "title",
              "title_derived",
              "source",
              "date",
              "url",
              "score",
              "snippets",
              "title_highlights",
              "fields")) {
        assertTrue(hit.has(field), "hit field " + field + " in " + hit);
      }
      JsonNode snippet = hit.get("snippets").get(0);
      JsonNode span = snippet.get("highlights").get(0);
      String marked =
          snippet
              .get("text")
              .asText()
              .substring(span.get("start").asInt(), span.get("end").asInt());
      assertEquals("stored communications act", marked.toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void searchAnswersExactlyWhatTheCommandLinePrints() throws Exception {
    String params =
        "q="
            + q("microsoft")
            + "&source="
            + q("TechEye")
            + "&source="
            + q("RTÉ News")
            + "&from=2015&to=2017-01&sort=newest&limit=2&facets=source,month";
    JsonNode api = Http.get(server, "/api/search?" + params).json();

    SearchRequest same =
        SearchRequest.of("microsoft")
            .withSources("TechEye", "RTÉ News")
            .withDates(
                new org.dateline.DateRange(
                    java.time.LocalDate.parse("2015-01-01"),
                    java.time.LocalDate.parse("2017-01-31")))
            .sortBy(org.dateline.SortOrder.NEWEST)
            .page(0, 2)
            .facets(FacetRequest.of("source", "month"));
    SearchResult direct;
    try (NewsSearcher s = NewsSearcher.open(index)) {
      direct = s.search(same);
    }
    StringWriter cli = new StringWriter();
    new JsonPrinter(new PrintWriter(cli), false).searchResult(direct, 0);
    JsonNode expected = Http.parse(cli.toString());
    ((ObjectNode) api).remove("took_ms");
    ((ObjectNode) expected).remove("took_ms");
    assertEquals(expected, api);
    assertEquals(2, api.get("total").asInt(), api.toString());
    assertTrue(api.get("facets").has("month"));
  }

  @Test
  void pagesByOffsetAndByCursorAgree() throws Exception {
    JsonNode all = Http.get(server, "/api/search?q=&limit=5").json();
    JsonNode first = Http.get(server, "/api/search?q=&limit=2").json();
    JsonNode second =
        Http.get(server, "/api/search?q=&limit=2&after=" + q(first.get("next").asText())).json();
    JsonNode byOffset = Http.get(server, "/api/search?q=&limit=2&offset=2").json();
    assertEquals(all.get("hits").get(2).get("id"), second.get("hits").get(0).get("id"));
    assertEquals(byOffset.get("hits"), second.get("hits"));
    assertEquals(2, byOffset.get("offset").asInt());
  }

  @Test
  void facetsCountEachDimensionWithTheOthersFiltersOnly() throws Exception {
    JsonNode json = Http.get(server, "/api/facets?q=&by=source&by=year&source=TechEye").json();
    assertEquals(1, json.get("total").asInt());
    // drill-sideways: the source counts ignore the source filter, the year counts do not
    assertEquals(5, json.get("facets").get("source").size());
    long yearTotal = 0;
    for (JsonNode c : json.get("facets").get("year")) {
      yearTotal += c.get("count").asLong();
    }
    assertEquals(1, yearTotal);
    assertTrue(json.get("facets_more").has("source"));
  }

  @Test
  void histogramsSpanTheDaysAskedForElseTheMatches() throws Exception {
    JsonNode own = Http.get(server, "/api/search?q=" + q(PHRASE) + "&facets=month").json();
    assertEquals(1, own.get("facets").get("month").size(), "the matches are all of 2017-01");
    JsonNode months =
        Http.get(
                server,
                "/api/search?q="
                    + q(PHRASE)
                    + "&facets=month"
                    + "&histogram_from=2014-07-31&histogram_to=2017-01-24")
            .json()
            .get("facets")
            .get("month");
    assertEquals(31, months.size(), "2014-07 to 2017-01, empty months as 0");
    assertEquals("2014-07", months.get(0).get("label").asText());
    assertEquals(0, months.get(0).get("count").asInt());
    assertEquals("2017-01", months.get(30).get("label").asText());
    assertEquals(3, months.get(30).get("count").asInt());
  }

  @Test
  void articleByIdHasTheWholeBody() throws Exception {
    String id =
        Http.get(server, "/api/search?q=" + q(PHRASE) + "&limit=1")
            .json()
            .get("hits")
            .get(0)
            .get("id")
            .asText();
    Http.Response r = Http.get(server, "/api/articles/" + q(id));
    assertEquals(200, r.status());
    JsonNode a = r.json();
    assertEquals(id, a.get("id").asText());
    assertTrue(a.get("body").asText().contains("Stored Communications Act"), a.toString());
    assertTrue(a.get("score").isNull());
  }

  @Test
  void articlesCarryTheirCopyGroupAndProvenanceAsTheCommandLinePrintsThem() throws Exception {
    // the sample corpus's index detects copies: RTÉ News and TechEye reuse each other's text
    String techeye = "001_4915df2992829a5e.txt";
    JsonNode a = Http.get(server, "/api/articles/" + q(techeye)).json();
    assertEquals(techeye, a.get("copy_group").asText(), a.toString());
    assertEquals(1, a.get("group_size").asInt());
    assertEquals(0, a.get("copies").size(), a.toString());
    JsonNode reuse = a.get("reuses").get(0);
    assertEquals("000_0400347b8501b587.txt", reuse.get("id").asText(), a.toString());
    assertEquals(0.44, reuse.get("share_of_this").asDouble(), 0.01, a.toString());
    assertEquals(0.39, reuse.get("share_of_other").asDouble(), 0.01, a.toString());

    JsonNode plain = Http.get(server, "/api/search?q=" + q(PHRASE)).json();
    assertEquals("articles", plain.get("count").asText());
    assertTrue(plain.get("stories").isNull(), plain.toString());
    assertFalse(plain.get("collapsed").asBoolean());
    for (JsonNode h : plain.get("hits")) {
      assertEquals(h.get("id").asText(), h.get("earliest").asText(), h.toString());
    }
    JsonNode collapsed =
        Http.get(server, "/api/search?q=" + q(PHRASE) + "&collapse=true&count=stories").json();
    assertTrue(collapsed.get("collapsed").asBoolean(), collapsed.toString());
    assertEquals("stories", collapsed.get("count").asText());
    assertEquals(3, collapsed.get("stories").asLong(), "no two seed articles are copies");
    assertEquals(ids(plain), ids(collapsed));
    JsonNode facets = Http.get(server, "/api/facets?q=&by=source&count=stories").json();
    assertEquals("stories", facets.get("count").asText(), facets.toString());
    assertEquals(5, facets.get("stories").asLong(), facets.toString());

    Http.Response bad = Http.get(server, "/api/search?q=oil&collapse=maybe");
    assertEquals(400, bad.status());
    assertEquals("collapse", bad.json().get("error").get("parameter").asText());
    Http.Response cursor = Http.get(server, "/api/search?q=oil&collapse=true&after=abc");
    assertEquals(400, cursor.status());
    assertEquals("after", cursor.json().get("error").get("parameter").asText());
  }

  @Test
  void anIndexWithoutCopyDetectionRefusesCollapseNamingTheParameter() throws Exception {
    Path plain = dir.resolve("plain");
    try (NewsIndex news = NewsIndex.open(plain)) {
      news.add(TestIndexes.seedArticles(dir.resolve("cache")));
    }
    try (NewsServer other = start(plain)) {
      for (String param : List.of("collapse=true", "count=stories")) {
        Http.Response r = Http.get(other, "/api/search?q=oil&" + param);
        assertEquals(400, r.status(), r::toString);
        JsonNode e = r.json().get("error");
        assertEquals(param.substring(0, param.indexOf('=')), e.get("parameter").asText());
        assertTrue(e.get("message").asText().contains("--copies"), e.toString());
      }
      String id = "001_4915df2992829a5e.txt";
      JsonNode a = Http.get(other, "/api/articles/" + q(id)).json();
      assertEquals(id, a.get("copy_group").asText());
      assertTrue(a.get("copies").isNull() && a.get("reuses").isNull(), a.toString());
    }
  }

  @Test
  void unknownIdIs404() throws Exception {
    Http.Response r = Http.get(server, "/api/articles/no-such-article");
    assertEquals(404, r.status());
    JsonNode e = r.json().get("error");
    assertEquals(404, e.get("status").asInt());
    assertEquals("no article with id no-such-article", e.get("message").asText());
    assertEquals(404, Http.get(server, "/api/nothing-here").status());
    assertEquals(404, Http.get(server, "/no-such-page.html").status());
  }

  @Test
  void statsDescribeTheSampleCorpus() throws Exception {
    JsonNode s = Http.get(server, "/api/stats").json();
    assertEquals(5, s.get("articles").asInt());
    assertTrue(s.get("sample").asBoolean());
    assertEquals("2014-07-31", s.get("first_date").asText());
    assertEquals("2017-01-24", s.get("last_date").asText());
  }

  @Test
  void malformedQueryIs400WithItsPosition() throws Exception {
    String bad = "microsoft AND (warrant OR ireland";
    InvalidQueryException core;
    try (NewsSearcher s = NewsSearcher.open(index)) {
      core = assertThrows(InvalidQueryException.class, () -> s.search(SearchRequest.of(bad)));
    }
    assertTrue(core.position() > 0, "the chosen query must fail at a position: " + core.position());
    Http.Response r = Http.get(server, "/api/search?q=" + q(bad));
    assertEquals(400, r.status());
    JsonNode e = r.json().get("error");
    assertEquals(400, e.get("status").asInt());
    assertEquals("q", e.get("parameter").asText());
    assertEquals(bad, e.get("query").asText());
    assertEquals(core.position(), e.get("position").asInt());
    assertEquals(core.getMessage(), e.get("message").asText());
  }

  @Test
  void highlightFalseMarksNothingAndFindsTheSame() throws Exception {
    JsonNode marked = Http.get(server, "/api/search?q=" + q(PHRASE)).json();
    Http.Response r = Http.get(server, "/api/search?highlight=false&q=" + q(PHRASE));
    assertEquals(200, r.status(), r.body());
    JsonNode plain = r.json();
    assertEquals(marked.get("total"), plain.get("total"));
    assertEquals(marked.get("hits").size(), plain.get("hits").size());
    for (int i = 0; i < plain.get("hits").size(); i++) {
      JsonNode m = marked.get("hits").get(i);
      JsonNode p = plain.get("hits").get(i);
      assertEquals(m.get("id"), p.get("id"));
      assertTrue(m.get("snippets").get(0).get("highlights").size() > 0, m::toString);
      assertEquals(0, p.get("title_highlights").size(), p::toString);
      for (JsonNode s : p.get("snippets")) {
        assertEquals(0, s.get("highlights").size(), p::toString);
      }
    }
  }

  @Test
  void badParametersAre400NamingTheParameter() throws Exception {
    String[][] cases = {
      {"limit=0", "limit"},
      {"limit=ten", "limit"},
      {"offset=-1", "offset"},
      {"sort=sideways", "sort"},
      {"from=2017-13", "from"},
      {"to=yesterday", "to"},
      {"from=2017-02&to=2017-01", "to"},
      {"after=not-a-cursor", "after"},
      {"snippets=99", "snippets"},
      {"offset=1&after=abc", "offset"},
      {"facets=month&histogram_to=soon", "histogram_to"},
      {"facets=source,colour", "facets"},
      {"highlight=maybe", "highlight"},
    };
    for (String[] c : cases) {
      Http.Response r = Http.get(server, "/api/search?q=microsoft&" + c[0]);
      assertEquals(400, r.status(), c[0] + ": " + r.body());
      JsonNode e = r.json().get("error");
      assertEquals(c[1], e.get("parameter").asText(), c[0] + ": " + r.body());
      assertTrue(e.get("message").asText().contains(c[1]), c[0] + ": " + r.body());
      assertTrue(e.get("position").isNull());
    }
  }

  @Test
  void anUnknownFacetDimensionNamesItsParameter() throws Exception {
    Http.Response r = Http.get(server, "/api/facets?q=&by=source&by=colour");
    assertEquals(400, r.status(), r.body());
    assertEquals("by", r.json().get("error").get("parameter").asText());
    assertTrue(r.json().get("error").get("message").asText().contains("colour"), r.body());
    String next = Http.get(server, "/api/search?q=&limit=2").json().get("next").asText();
    Http.Response paged = Http.get(server, "/api/search?q=&limit=2&facets=colour&after=" + q(next));
    assertEquals("facets", paged.json().get("error").get("parameter").asText(), paged.body());
  }

  @Test
  void onlyGetAndHeadAreAllowed() throws Exception {
    Http.Response post = Http.send(server, "POST", "/api/search?q=x");
    assertEquals(405, post.status());
    assertEquals("GET, HEAD", post.header("Allow"));
    Http.Response head = Http.send(server, "HEAD", "/api/stats");
    assertEquals(200, head.status());
    assertEquals("", head.body());
  }

  @Test
  void onLoopbackOtherHostNamesAre403() throws Exception {
    assertTrue(rawStatusLine("evil.example").startsWith("HTTP/1.1 403 "));
    assertTrue(
        rawStatusLine("127.0.0.1:" + server.address().getPort()).startsWith("HTTP/1.1 200 "));
    assertTrue(rawStatusLine("localhost").startsWith("HTTP/1.1 200 "));
  }

  /** GET /api/stats with a Host header of our choosing (HttpClient will not send another). */
  private String rawStatusLine(String host) throws Exception {
    try (java.net.Socket socket =
        new java.net.Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      socket
          .getOutputStream()
          .write(
              ("GET /api/stats HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new java.io.BufferedReader(
              new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }

  @Test
  void everyResponseCarriesTheContentSecurityPolicy() throws Exception {
    for (String path : List.of("/", "/app.js", "/app.css", "/api/stats", "/api/articles/x")) {
      Http.Response r = Http.get(server, path);
      String csp = r.header("Content-Security-Policy");
      assertNotNull(csp, path);
      assertTrue(csp.contains("script-src 'self'"), path + ": " + csp);
      assertFalse(csp.contains("unsafe-inline"), path + ": " + csp);
      assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
    }
    Http.Response page = Http.get(server, "/");
    assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
    assertTrue(page.body().contains("<script src=\"app.js\""), "the page's script is a file");
    assertFalse(page.body().contains("<script>"), "no inline script, which the policy would block");
  }

  @Test
  void missingIndexIs503UntilOneAppears() throws Exception {
    Path later = dir.resolve("later");
    try (NewsServer s = start(later)) {
      Http.Response r = Http.get(s, "/api/search?q=microsoft");
      assertEquals(503, r.status());
      JsonNode e = r.json().get("error");
      assertEquals(503, e.get("status").asInt());
      assertTrue(e.get("message").asText().contains(later.toString()), e.toString());
      assertEquals(503, Http.get(s, "/api/stats").status());
      assertEquals(503, Http.get(s, "/api/articles/x").status());
      assertEquals(200, Http.get(s, "/").status(), "the page itself is served");

      try (NewsIndex news = NewsIndex.open(later)) {
        news.add(TestIndexes.fillers());
      }
      JsonNode found = Http.get(s, "/api/search?q=filler").json();
      assertEquals(TestIndexes.FILLERS, found.get("total").asInt());
    }
  }

  @Test
  void aDeletedIndexIs503AndANewOneInItsPlaceIsServed() throws Exception {
    Path gone = dir.resolve("gone");
    try (NewsIndex news = NewsIndex.open(gone)) {
      news.add(TestIndexes.fillers());
    }
    try (NewsServer s = start(gone)) {
      assertEquals(
          TestIndexes.FILLERS, Http.get(s, "/api/search?q=filler").json().get("total").asInt());
      try (var walk = java.nio.file.Files.walk(gone)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.delete(p);
        }
      }
      Thread.sleep(LiveSearcher.REFRESH_MILLIS + 50);
      Http.Response r = Http.get(s, "/api/search?q=filler");
      assertEquals(503, r.status(), r.body());
      assertTrue(
          r.json().get("error").get("message").asText().contains("no index at " + gone), r.body());

      try (NewsIndex news = NewsIndex.open(gone)) {
        news.add(List.of(TestIndexes.hostile()));
      }
      JsonNode back = Http.get(s, "/api/search?q=").json();
      assertEquals(1, back.get("total").asInt(), back.toString());
      assertEquals(TestIndexes.HOSTILE_ID, back.get("hits").get(0).get("id").asText());
    }
  }

  @Test
  void newCommitsAreSeenWithoutARestart() throws Exception {
    Path live = dir.resolve("live");
    List<Article> fillers = TestIndexes.fillers();
    try (NewsIndex news = NewsIndex.open(live)) {
      news.add(fillers.subList(0, 3));
      try (NewsServer s = start(live)) {
        assertEquals(3, Http.get(s, "/api/search?q=filler").json().get("total").asInt());
        news.add(fillers.subList(3, 10));
        long deadline = System.nanoTime() + 5_000_000_000L;
        int total;
        do {
          Thread.sleep(50);
          total = Http.get(s, "/api/search?q=filler").json().get("total").asInt();
        } while (total != 10 && System.nanoTime() < deadline);
        assertEquals(
            10, total, "the commit must show within " + LiveSearcher.REFRESH_MILLIS + " ms");
      }
    }
  }

  /** The facets' source counts of a response, summed. */
  static long sourceSum(JsonNode json) {
    long sum = 0;
    for (Iterator<JsonNode> it = json.get("facets").get("source").elements(); it.hasNext(); ) {
      sum += it.next().get("count").asLong();
    }
    return sum
        + json.get("facets_more").get("source").get("other_count").asLong()
        + json.get("facets_more").get("source").get("missing").asLong();
  }

  static List<String> ids(JsonNode json) {
    List<String> out = new ArrayList<>();
    json.get("hits").forEach(h -> out.add(h.get("id").asText()));
    return out;
  }
}
