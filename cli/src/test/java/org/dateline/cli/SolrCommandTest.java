package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --solr} options and the {@code solr} commands without a cluster: usage errors, an
 * unreachable cluster, nothing running to stop. The commands against a real cluster are tested in
 * the solr module (SolrParityIT) and by hand from the README.
 */
class SolrCommandTest {
  @TempDir Path cache;

  private Cli cli() {
    return Cli.withCache(cache);
  }

  /** A port nothing listens on: bound, then released. */
  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void anUnreachableClusterIsExitThreeNamingTheUrl() throws IOException {
    String url = "http://127.0.0.1:" + freePort() + "/solr";
    for (String[] args :
        new String[][] {
          {"search", "oil", "--solr", url, "--collection", "news"},
          {"facets", "oil", "--by", "source", "--solr", url, "--collection", "news"},
          {"show", "1", "--solr", url, "--collection", "news"},
          {"stats", "--solr", url, "--collection", "news"},
        }) {
      Cli.Run r = cli().run(args);
      assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code(), r::toString);
      assertTrue(r.err().contains("cannot reach Solr at " + url), r::toString);
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
    }
  }

  @Test
  void solrAndCollectionGoTogetherAndUrlsAreChecked() {
    Cli.Run r = cli().run("search", "oil", "--solr", "http://127.0.0.1:8983/solr");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("--solr URL and --collection NAME go together"), r::toString);

    r = cli().run("search", "oil", "--solr", "localhost:8983", "--collection", "news");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("--solr must be http(s) URLs"), r::toString);

    r = cli().run("search", "oil", "--solr", "http://127.0.0.1:8983/solr", "--collection", "no/pe");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("a collection name is letters"), r::toString);
  }

  @Test
  void indexIntoSolrRefusesStrictAndReplace() {
    Cli.Run r =
        cli()
            .run(
                "index", "x.jsonl", "--strict", "--solr", "http://127.0.0.1:8983/solr",
                "--collection", "news");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("apply to a local index only"), r::toString);
  }

  @Test
  void commandsForLocalIndexesOnlyRefuseSolr() {
    Cli.Run r =
        cli().run("delete", "17", "--solr", "http://127.0.0.1:8983/solr", "--collection", "news");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("apply to index, search, facets, show and stats only"), r::toString);
  }

  @Test
  void stopWithNothingRunningSaysSoAndExitsOne() {
    Cli.Run r = cli().run("solr", "stop");
    assertEquals(ExitCodes.NO_MATCH, r.code(), r::toString);
    assertTrue(r.err().contains("no local SolrCloud is running"), r::toString);
  }

  @Test
  void solrHelpListsItsCommandsWithExamples() {
    Cli.Run r = cli().run("solr", "--help");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    for (String c : new String[] {"create", "start", "stop"}) {
      assertTrue(r.out().contains("  " + c + " "), () -> c + " missing: " + r);
    }
    assertTrue(r.out().contains("Examples:"), r::toString);
    Cli.Run bad =
        cli()
            .run(
                "solr", "create", "--solr", "http://127.0.0.1:8983/solr", "--collection", "n",
                "--shards", "0");
    assertEquals(ExitCodes.BAD_INPUT, bad.code(), bad::toString);
    assertTrue(bad.err().contains("--shards and --replicas must be at least 1"), bad::toString);
  }
}
