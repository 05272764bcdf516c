package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dateline serve}: starts on the sample corpus, prints the URL, answers, stops. */
class ServeCommandTest {
  @TempDir Path cache;

  /** A serve run in another thread, with the output it printed so far. */
  private record Serving(
      ServeCommand command, Future<Integer> exit, StringWriter out, StringWriter err) {
    URI awaitUri() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline) {
        String printed = out.toString().strip();
        if (!printed.isEmpty()) {
          return URI.create(printed);
        }
        if (exit.isDone()) {
          throw new AssertionError("serve ended before printing its URL: " + err);
        }
        Thread.sleep(20);
      }
      throw new AssertionError("no URL printed: " + err);
    }

    int stop() throws Exception {
      command.stop.countDown();
      return exit.get(30, TimeUnit.SECONDS);
    }
  }

  private Serving serve(ExecutorService pool, String... args) {
    Environment env =
        new Environment(Map.of(Environment.CACHE_VARIABLE, cache.toString()), false, false);
    CommandLine cmd = Dateline.commandLine(env, args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    ServeCommand serve =
        (ServeCommand) cmd.getSubcommands().get("serve").getCommandSpec().userObject();
    return new Serving(serve, pool.submit(() -> cmd.execute(args)), out, err);
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheSampleCorpusOnLoopbackAndStopsCleanly() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Serving s = serve(pool, "serve", "--port", "0");
      URI uri = s.awaitUri();
      assertEquals("127.0.0.1", uri.getHost(), "loopback by default");
      assertTrue(uri.getPort() > 0);
      HttpResponse<String> stats = get(uri.resolve("/api/stats"));
      assertEquals(200, stats.statusCode());
      assertTrue(stats.body().contains("\"sample\":true,\"articles\":5"), stats.body());
      HttpResponse<String> search =
          get(uri.resolve("/api/search?q=%22stored+communications+act%22"));
      assertTrue(search.body().contains("\"total\":3"), search.body());
      assertEquals(200, get(uri).statusCode());

      // One contract: the API's documents are the command line's --json ones.
      com.fasterxml.jackson.databind.ObjectMapper json =
          new com.fasterxml.jackson.databind.ObjectMapper();
      var api =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              json.readTree(
                  get(uri.resolve(
                          "/api/search?q=%22stored+communications+act%22&facets=source,month&sort=newest"))
                      .body());
      Cli.Run cli =
          Cli.withCache(cache)
              .run(
                  "search",
                  "\"stored communications act\"",
                  "--facets",
                  "--sort",
                  "newest",
                  "--json");
      var printed = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(cli.out());
      api.remove("took_ms");
      printed.remove("took_ms");
      assertEquals(printed, api);
      String id = api.get("hits").get(0).get("id").asText();
      assertEquals(
          json.readTree(Cli.withCache(cache).run("show", id, "--json").out()),
          json.readTree(get(uri.resolve("/api/articles/" + id)).body()));
      assertEquals(
          json.readTree(Cli.withCache(cache).run("stats", "--json").out()),
          json.readTree(get(uri.resolve("/api/stats")).body()));
      assertEquals(
          json.readTree(
              Cli.withCache(cache)
                  .run("facets", "microsoft", "--by", "source", "--by", "year", "--json")
                  .out()),
          json.readTree(get(uri.resolve("/api/facets?q=microsoft&by=source,year")).body()));

      assertEquals(0, s.stop());
      assertEquals("dateline: serving the sample corpus; stop with Ctrl-C\n", s.err().toString());
      try {
        get(uri.resolve("/api/stats"));
        throw new AssertionError("still answering after the stop");
      } catch (java.io.IOException expected) {
        // the port is closed
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void bindingBeyondLoopbackWarnsThatThereIsNoAuthentication() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Serving s = serve(pool, "serve", "--port", "0", "--bind", "0.0.0.0");
      URI uri = s.awaitUri();
      assertEquals("127.0.0.1", uri.getHost(), "the URL to open on this machine");
      assertTrue(
          s.err()
              .toString()
              .startsWith(
                  "dateline: warning: listening on 0.0.0.0, reachable from"
                      + " other machines; there is no authentication"),
          s.err()::toString);
      assertEquals(0, s.stop());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMissingIndexIsExit3BeforeListening() {
    Cli.Run r =
        Cli.withCache(cache)
            .run("serve", "--index", cache.resolve("none").toString(), "--port", "0");
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code(), r::toString);
    assertTrue(r.err().startsWith("dateline: no index at "), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void helpShowsACurlExampleWithoutFormatWarnings() {
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream picocliWarnings = new java.io.ByteArrayOutputStream();
    Cli.Run r;
    System.setErr(
        new java.io.PrintStream(picocliWarnings, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      r = Cli.withCache(cache).run("serve", "--help");
    } finally {
      System.setErr(stderr);
    }
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(
        r.out()
            .contains(
                "\n  curl 'http://127.0.0.1:8080/api/search?q=%22stored+communications+act%22'\n"),
        r::toString);
    assertEquals("", picocliWarnings.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aPortInUseIsExit2NamingIt() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Cli.Run r = Cli.withCache(cache).run("serve", "--port", String.valueOf(port));
      assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
      assertTrue(
          r.err().startsWith("dateline: cannot listen on 127.0.0.1:" + port + " ("), r::toString);
      assertTrue(r.err().contains("pick another --port, or 0 for a free one"), r::toString);
    }
  }

  @Test
  void badPortOrAddressIsExit2() {
    Cli.Run port = Cli.withCache(cache).run("serve", "--port", "70000");
    assertEquals(ExitCodes.BAD_INPUT, port.code(), port::toString);
    assertTrue(
        port.err().startsWith("dateline: --port must be between 0 and 65535 (got: 70000)"),
        port::toString);
    Cli.Run bind =
        Cli.withCache(cache).run("serve", "--port", "0", "--bind", "no.such.host.invalid");
    assertEquals(ExitCodes.BAD_INPUT, bind.code(), bind::toString);
    assertTrue(bind.err().startsWith("dateline: --bind: no such address"), bind::toString);
  }
}
