package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dateline index --replace} never destroys the index it replaces, and a run that indexes
 * nothing leaves no index behind.
 */
class ReplaceCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  Path index;
  Cli cli;

  static Path corpus() {
    return Path.of("").toAbsolutePath().resolve("../corpus/articles").normalize();
  }

  static Path reuters() {
    Path p =
        Path.of("")
            .toAbsolutePath()
            .resolve("../../shared/data/reuters21578/reuters21578.tar.gz")
            .normalize();
    assumeTrue(Files.isRegularFile(p), "Reuters-21578 not found at " + p + "; skipping");
    return p;
  }

  @BeforeEach
  void sampleIndex() {
    index = tmp.resolve("index");
    cli = Cli.withCache(tmp.resolve("cache"));
    Cli.Run r = cli.run("index", corpus().toString(), "--index", index.toString());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertEquals(5, articles(index));
  }

  private long articles(Path index) {
    Cli.Run r = cli.run("stats", "--index", index.toString(), "--json");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    try {
      return JSON.readTree(r.out()).get("articles").asLong();
    } catch (IOException e) {
      throw new AssertionError(r.toString(), e);
    }
  }

  private List<Path> besideIndex() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().startsWith("index.")).toList();
    }
  }

  @Test
  void replacingWithAnEmptyFolderKeepsTheIndex() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Cli.Run r = cli.run("index", empty.toString(), "--replace", "--index", index.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("the index in " + index.toAbsolutePath()), r::toString);
    assertTrue(r.err().contains("was left as it was"), r::toString);
    assertEquals(5, articles(index));
    assertEquals(List.of(), besideIndex());
  }

  @Test
  void replacingWithInputWhoseEveryRecordIsSkippedKeepsTheIndex() {
    // The sample texts read as Reuters SGML: every file is passed over, nothing indexed.
    Cli.Run r =
        cli.run(
            "index", corpus().toString(), "--format", "jsonl", "--replace", "--index",
            index.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertEquals(5, articles(index));
    Path dump = tmp.resolve("dump.jsonl");
    try {
      Files.writeString(dump, "{\"title\": \"no id\"}\nnot json\n");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    r = cli.run("index", dump.toString(), "--replace", "--index", index.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.out().matches("(?s).*skipped +2\n.*"), r::toString);
    assertEquals(5, articles(index));
  }

  @Test
  void aDamagedIndexCanBeReplaced() throws IOException {
    Path segments;
    try (Stream<Path> s = Files.list(index)) {
      segments =
          s.filter(p -> p.getFileName().toString().startsWith("segments_"))
              .max(Path::compareTo)
              .orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(segments.toFile(), "rw")) {
      f.seek(f.length() / 2);
      f.write(new byte[] {0x55, 0x55, 0x55, 0x55});
    }
    Cli.Run broken = cli.run("stats", "--index", index.toString());
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, broken.code(), broken::toString);
    Cli.Run r = cli.run("index", corpus().toString(), "--replace", "--index", index.toString());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertEquals(5, articles(index));
    assertEquals(List.of(), besideIndex());
  }

  @Test
  void aFirstRunThatIndexesNothingLeavesNoIndex() throws IOException {
    Path fresh = tmp.resolve("fresh");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Cli.Run r = cli.run("index", empty.toString(), "--index", fresh.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertFalse(Files.exists(fresh), "no index, no folder: " + r);
    assertTrue(r.err().contains("Formats: --format "), r::toString);
    assertTrue(r.err().contains("jsonl") && r.err().contains("reuters"), r::toString);

    // A strict run refusing its first record into a new folder leaves nothing either.
    Path bad = tmp.resolve("bad.jsonl");
    Files.writeString(bad, "{broken\n");
    r = cli.run("index", bad.toString(), "--strict", "--index", fresh.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertFalse(Files.exists(fresh), r::toString);

    // An existing empty folder is left empty, so the right command then works in it.
    Path mine = Files.createDirectories(tmp.resolve("mine"));
    r = cli.run("index", empty.toString(), "--index", mine.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    try (Stream<Path> s = Files.list(mine)) {
      assertEquals(List.of(), s.toList());
    }
    r = cli.run("index", corpus().toString(), "--index", mine.toString(), "--analysis",
        "english-stopwords-porter");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
  }

  @Test
  void addingNothingToAnExistingIndexKeepsIt() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Cli.Run r = cli.run("index", empty.toString(), "--index", index.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertEquals(5, articles(index));
  }

  @Test
  void anIndexFolderThatIsAFileIsNamedAsAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("notes"), "x");
    for (String replace : new String[] {"--strict", "--replace"}) {
      Cli.Run r = cli.run("index", corpus().toString(), replace, "--index", file.toString());
      assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code(), r::toString);
      assertTrue(r.err().contains(file + " is a file, not an index folder"), r::toString);
    }
    assertEquals("x", Files.readString(file));
  }

  /**
   * Eight searching processes run throughout a replacement of the sample index by Reuters: each
   * search finds the old index or the new one, whole; none fails or sees a part.
   */
  @Test
  void searchesInEightProcessesNeverFailOrSeeAPartDuringAReplacement() throws Exception {
    Path reuters = reuters();
    Path stop = tmp.resolve("stop");
    List<Process> searchers = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    String java = ProcessHandle.current().info().command().orElse("java");
    try {
      for (int i = 0; i < 8; i++) {
        Path log = tmp.resolve("searcher-" + i + ".log");
        logs.add(log);
        searchers.add(
            new ProcessBuilder(
                    java,
                    "--enable-native-access=ALL-UNNAMED",
                    "-Xmx128m",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    SearchingProcess.class.getName(),
                    index.toString(),
                    stop.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start());
      }
      // Wait until every searcher has searched the old index at least once.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      for (Path log : logs) {
        while (!Files.readString(log).contains("\n0 5") && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
      }
      Cli.Run r =
          cli.run(
              "index", reuters.toString(), "--replace", "--commit-every", "1000", "--index",
              index.toString());
      assertEquals(ExitCodes.OK, r.code(), r::toString);
      // Let every searcher see the new index before stopping them.
      for (Path log : logs) {
        while (!Files.readString(log).contains("\n0 21578") && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
      }
    } finally {
      Files.writeString(stop, "");
      for (Process p : searchers) {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
    Map<String, Integer> outcomes = new TreeMap<>();
    for (Path log : logs) {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
        String line = in.readLine();
        assertEquals("READY", line, () -> "searcher log " + log);
        while ((line = in.readLine()) != null) {
          outcomes.merge(line, 1, Integer::sum);
        }
      }
      String said = Files.readString(log);
      assertTrue(said.contains("\n0 5\n"), "searched the old index: " + log);
      assertTrue(said.contains("\n0 21578\n"), "searched the new index: " + log);
    }
    assertEquals(
        Set.of("0 5", "0 21578"),
        outcomes.keySet(),
        "every search found one whole index: " + outcomes);
  }
}
