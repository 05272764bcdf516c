package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user of the command line sees of scraped pages: the sample corpus (its CSO and News Ledge
 * articles carry page furniture) and a scraped text indexed with {@code dateline index}.
 */
class ScrapedTextCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path cache;
  @TempDir Path tmp;

  private static long total(Cli.Run r) throws Exception {
    return JSON.readTree(r.out()).get("total").asLong();
  }

  @Test
  void pageDebrisInTheSampleFindsNothing() throws Exception {
    for (String q : new String[] {"SanDisk", "\"Deal Alert\"", "\"Surface Studio\""}) {
      Cli.Run r = Cli.withCache(cache).run("search", q, "--json");
      assertEquals(1, r.code(), r::toString);
      assertEquals(0, total(r), r::toString);
    }
  }

  @Test
  void theStoriesOfTheSampleFindWhatTheyDid() throws Exception {
    Map<String, Integer> expected =
        Map.of(
            "\"stored communications act\"", 3,
            "Preska", 1,
            "Snowden", 1,
            "Cabranes", 1,
            "\"immediately available for comment\"", 1);
    for (var e : expected.entrySet()) {
      Cli.Run r = Cli.withCache(cache).run("search", e.getKey(), "--json");
      assertEquals(0, r.code(), r::toString);
      assertEquals((long) e.getValue(), total(r), e.getKey());
    }
  }

  @Test
  void anIndexedScrapedTextLosesItsTeasers() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("pages"));
    Files.writeString(
        folder.resolve("ferry.txt"),
        """
        Harbour ferry fares to rise in spring

        The harbour authority will raise ferry fares by ten percent from April, its board said.

        Commuters who buy monthly passes will be spared until the summer, the board added.

        Most Read
        Lighthouse keeper retires after forty years
        The last keeper of the point light hands over the keys on Friday, and the lamp...
        Trawler crew rescued off the point
        All five men were brought ashore by the lifeboat late on Sunday, after their...
        """);
    Path index = tmp.resolve("index");
    Cli.Run indexed =
        Cli.withCache(cache).run("index", folder.toString(), "--index", index.toString());
    assertEquals(0, indexed.code(), indexed::toString);
    Cli.Run story =
        Cli.withCache(cache)
            .run("search", "\"monthly passes\"", "--json", "--index", index.toString());
    assertEquals(1, total(story), story::toString);
    Cli.Run teaser =
        Cli.withCache(cache)
            .run("search", "lighthouse OR trawler", "--json", "--index", index.toString());
    assertEquals(1, teaser.code(), teaser::toString);
    assertEquals(0, total(teaser), teaser::toString);
  }
}
