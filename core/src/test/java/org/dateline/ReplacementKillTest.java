package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * kill -9 of a process replacing an index, at each step of the replacement: before the switch the
 * folder holds the old index, whole; after it, the new one, whole; never a mix or nothing. The next
 * writer on the folder deletes what the killed process left.
 */
class ReplacementKillTest {
  private static final int LIMIT = 1_200;
  @TempDir static Path shared;
  static Path reuters;
  static Set<String> sampleIds;
  @TempDir Path dir;

  @BeforeAll
  static void corpus() {
    reuters = SearchTestSupport.reutersArchive();
    sampleIds = new TreeSet<>();
    SearchTestSupport.sampleArticles().forEach(a -> sampleIds.add(a.id()));
  }

  private Process start(Path index, String point) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ReplacingProcess.class.getName());
    cmd.add(index.toString());
    cmd.add(point);
    cmd.add(Integer.toString(LIMIT));
    cmd.add(reuters.toString());
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  /** Reads the child's output until it says it reached its point; returns everything it said. */
  private static String awaitPoint(Process child, String point) throws IOException {
    StringBuilder said = new StringBuilder();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      said.append(line).append('\n');
      if (line.equals("AT " + point)) {
        return said.toString();
      }
    }
    throw new AssertionError("the child ended before reaching " + point + ":\n" + said);
  }

  @ParameterizedTest(name = "killed at {0}: the folder holds the {1} index")
  @CsvSource({"write, old", "sync, old", "rename, old", "delete, new"})
  void aKilledReplacementLeavesOneWholeIndex(String point, String which) throws Exception {
    Path index = dir.resolve("news");
    try (NewsIndex news = NewsIndex.open(index)) {
      news.add(SearchTestSupport.sampleArticles());
    }
    Process child = start(index, point);
    try {
      awaitPoint(child, point);
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    Set<String> ids = IndexReplacementTest.ids(index);
    if (which.equals("old")) {
      assertEquals(sampleIds, ids, "the old index, whole");
    } else {
      assertEquals(LIMIT, ids.size(), "the new index, whole");
      assertTrue(ids.contains("1") && ids.contains(Integer.toString(LIMIT)), "the first " + LIMIT);
    }
    try (NewsSearcher s = NewsSearcher.open(index)) {
      assertEquals(ids.size(), s.search(SearchRequest.of("")).total());
    }
    IndexReplacementTest.assertCheckIndexClean(index);
    assertTrue(
        !IndexReplacementTest.unreferenced(index).isEmpty(),
        "the killed process left files behind (else this point tests no clean-up)");
    // The next writer deletes the files the killed process left; its index is unchanged.
    try (NewsIndex news = NewsIndex.open(index)) {
      assertEquals(ids.size(), news.count());
    }
    assertEquals(Set.of(), IndexReplacementTest.unreferenced(index));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(index), files.toList(), "nothing beside the index");
    }
  }
}
