package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, run as a new user runs it: {@code ./dateline search '"stored
 * communications act"'} in a fresh clone (the repository's files without any build output), which
 * makes the launcher build the jar with Maven (about a minute) and index the sample corpus. Then
 * the jar alone, as {@code java -jar}, which must print no JVM warnings.
 */
class LauncherTest {
  private static final String README_QUERY = "\"stored communications act\"";

  @TempDir static Path clone;
  @TempDir static Path cache;

  private static Run first;

  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  @BeforeAll
  static void cloneAndRunTheReadmeCommand() throws Exception {
    Path repo = Path.of("").toAbsolutePath().getParent();
    assertTrue(Files.isExecutable(repo.resolve("dateline")), "no executable launcher at " + repo);
    List<String> files = trackedFiles(repo);
    for (String f : files) {
      Path from = repo.resolve(f);
      if (Files.isRegularFile(from)) {
        Path to = clone.resolve(f);
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    first = run(List.of("./dateline", "search", README_QUERY));
  }

  @Test
  void readmeFirstCommandPrintsHighlightedResultsFromAFreshClone() {
    assertEquals(ExitCodes.OK, first.code(), first::toString);
    assertTrue(first.out().contains("**Stored Communications Act**"), first::toString);
    assertTrue(first.out().contains("Showing 1-3 of 3 matches."), first::toString);
    assertEquals(
        "dateline: building the command-line tool (once)…\n", first.err(), first::toString);
    assertTrue(Files.isRegularFile(clone.resolve("cli/target/dateline.jar")));
  }

  @Test
  void aSecondRunNeitherBuildsNorWarns() throws Exception {
    Run again = run(List.of("./dateline", "search", README_QUERY));
    assertEquals(ExitCodes.OK, again.code(), again::toString);
    assertEquals(first.out(), again.out());
    assertEquals("", again.err(), again::toString);
  }

  @Test
  void theJarAloneSearchesWithNothingOnStderr() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Run r =
        run(
            List.of(
                java, "-jar", "cli/target/dateline.jar", "search", README_QUERY, "--json"));
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().startsWith("{\"query\":"), r::toString);
    assertEquals("", r.err(), "no JVM warning, no log line: " + r);
  }

  @Test
  void theLauncherPassesTheExitCodeThrough() throws Exception {
    Run r = run(List.of("./dateline", "search", "\"unclosed"));
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().startsWith("dateline: invalid query"), r::toString);
    assertFalse(r.err().contains("WARNING"), r::toString);
  }

  @Test
  void oneShotCommandsGetTheQuickCompilerAndLongRunningOnesFullJit(@TempDir Path tmp)
      throws Exception {
    // A stand-in JDK whose java prints its arguments, one a line: the flags the launcher chose.
    Path fakeJdk = tmp.resolve("jdk");
    Files.createDirectories(fakeJdk.resolve("bin"));
    Files.writeString(fakeJdk.resolve("release"), "JAVA_VERSION=\"21.0.5\"\n");
    Path java = fakeJdk.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    assertTrue(java.toFile().setExecutable(true));
    Map<String, String> env =
        Map.of("JAVA_HOME", fakeJdk.toString(), Environment.CACHE_VARIABLE, tmp.resolve("cache").toString());
    for (List<String> quick :
        List.of(
            List.of("--verbose", "search", "x"),
            List.of("facets"),
            List.of("show", "1"),
            List.of("stats"),
            List.of("delete", "1"),
            List.of("--help"))) {
      List<String> command = new ArrayList<>(List.of("./dateline"));
      command.addAll(quick);
      Run r = run(command, env);
      assertTrue(r.out().lines().toList().contains("-XX:TieredStopAtLevel=1"), () -> quick + ": " + r);
      assertTrue(r.out().contains("\n-jar\n"), r::toString);
    }
    for (String slow : List.of("index", "eval", "serve", "solr")) {
      Run r = run(List.of("./dateline", slow, "--help"), env);
      assertTrue(r.out().contains("\n-jar\n"), r::toString);
      assertFalse(r.out().contains("TieredStopAtLevel"), () -> slow + " gets full JIT: " + r);
    }
  }

  @Test
  void theStartUpCacheIsInUseAndANewJarGetsANewOne() throws Exception {
    Path jar = clone.resolve("cli/target/dateline.jar");
    Path before = startUpCache();
    assertUsable(before);

    // A rebuilt jar (here: the same bytes, a later time) must not be served the old cache, which
    // the JVM would silently refuse: the launcher trains a new one and drops the old.
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
    Run again = run(List.of("./dateline", "search", README_QUERY));
    assertEquals(ExitCodes.OK, again.code(), again::toString);
    assertEquals(first.out(), again.out());
    assertEquals("", again.err(), again::toString);
    Path after = startUpCache();
    assertFalse(after.equals(before), "the same cache after the jar changed: " + after);
    assertFalse(Files.exists(before), "the old jar's cache is left behind: " + before);
    assertUsable(after);
  }

  /** The one start-up cache (AOT cache or CDS archive) in the launcher's cache folder. */
  private static Path startUpCache() throws IOException {
    try (var files = Files.list(cache)) {
      List<Path> found =
          files.filter(f -> f.getFileName().toString().matches("dateline-.*\\.(aot|jsa)")).toList();
      assertEquals(1, found.size(), () -> "start-up caches in " + cache + ": " + found);
      return found.get(0);
    }
  }

  /**
   * Runs the README's command through the launcher with the JVM told to fail rather than run
   * without the cache (an AOT cache or CDS archive it cannot map is otherwise skipped without a
   * word, the launcher's logging being off): it must print the same, and only the JVM's note
   * that it read the option.
   */
  private static void assertUsable(Path startUpCache) throws Exception {
    String strict =
        startUpCache.toString().endsWith(".aot") ? "-XX:AOTMode=on" : "-Xshare:on";
    Run r = run(List.of("./dateline", "search", README_QUERY), Map.of("JDK_JAVA_OPTIONS", strict));
    assertEquals(ExitCodes.OK, r.code(), () -> startUpCache + " cannot be used: " + r);
    assertEquals(first.out(), r.out());
    assertEquals("NOTE: Picked up JDK_JAVA_OPTIONS: " + strict + "\n", r.err(), r::toString);
  }

  @Test
  void theStartUpCacheIsNamedAfterTheJdkAndTheJar(@TempDir Path tmp) throws Exception {
    // A stand-in JDK whose java prints its arguments and, when asked to train, writes the cache.
    Path fakeJdk = tmp.resolve("jdk");
    Files.createDirectories(fakeJdk.resolve("bin"));
    Files.createDirectories(fakeJdk.resolve("lib"));
    Files.writeString(fakeJdk.resolve("lib/modules"), "modules");
    Path java = fakeJdk.resolve("bin/java");
    Files.writeString(
        java,
        """
        #!/bin/sh
        for a in "$@"; do
          case "$a" in
            -XX:AOTCacheOutput=*) : > "${a#-XX:AOTCacheOutput=}" ;;
            -XX:ArchiveClassesAtExit=*) : > "${a#-XX:ArchiveClassesAtExit=}" ;;
          esac
          printf '%s\n' "$a"
        done
        """);
    assertTrue(java.toFile().setExecutable(true));
    Path cacheDir = tmp.resolve("cache");
    Map<String, String> env =
        Map.of("JAVA_HOME", fakeJdk.toString(), Environment.CACHE_VARIABLE, cacheDir.toString());

    Files.writeString(fakeJdk.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
    String aot = cacheFlag(run(List.of("./dateline", "stats"), env), "-XX:AOTCache=");
    assertTrue(aot.contains("25.0.1") && aot.endsWith(".aot"), aot);
    assertEquals(aot, cacheFlag(run(List.of("./dateline", "stats"), env), "-XX:AOTCache="));

    // A JDK updated in place (same folder, new version) gets a new cache; the old one goes.
    Files.writeString(fakeJdk.resolve("release"), "JAVA_VERSION=\"25.0.2\"\n");
    String updated = cacheFlag(run(List.of("./dateline", "stats"), env), "-XX:AOTCache=");
    assertTrue(updated.contains("25.0.2"), updated);
    assertFalse(Files.exists(Path.of(aot)), aot);

    // Java 21 to 24 have no AOT cache: a CDS archive instead, with -Xshare left at its default.
    Files.writeString(fakeJdk.resolve("release"), "JAVA_VERSION=\"21.0.5\"\n");
    Run r21 = run(List.of("./dateline", "stats"), env);
    String jsa = cacheFlag(r21, "-XX:SharedArchiveFile=");
    assertTrue(jsa.endsWith(".jsa"), jsa);
    assertFalse(r21.out().contains("AOTCache"), r21::toString);
    assertFalse(r21.out().contains("-Xshare"), r21::toString);
    assertFalse(Files.exists(Path.of(updated)), updated);
  }

  /** The value of the flag the launcher passed (the stand-in java prints one argument a line). */
  private static String cacheFlag(Run r, String prefix) {
    List<String> values =
        r.out().lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    assertEquals(1, values.size(), () -> prefix + " in " + r);
    assertTrue(Files.isRegularFile(Path.of(values.get(0))), () -> "no file " + values + ": " + r);
    return values.get(0);
  }

  @Test
  void theJarOnAJavaOlderThan21SaysSoInWords() throws Exception {
    Path old = olderJava();
    assumeTrue(old != null, "no Java older than 21 installed to try the jar with");
    Run r = run(List.of(old.toString(), "-jar", "cli/target/dateline.jar", "search", README_QUERY));
    assertEquals(127, r.code(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertTrue(r.err().startsWith("dateline: this is Java "), r::toString);
    assertTrue(r.err().contains("dateline needs Java 21 or newer"), r::toString);
    assertFalse(r.err().contains("UnsupportedClassVersionError"), r::toString);
  }

  /** A java older than 21 in the usual install folder, or null. */
  private static Path olderJava() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return null;
    }
    try (var homes = Files.list(jvms)) {
      for (Path home : homes.sorted().toList()) {
        Path release = home.resolve("release");
        Path java = home.resolve("bin/java");
        if (Files.isRegularFile(release) && Files.isExecutable(java)) {
          for (String line : Files.readAllLines(release)) {
            var m = Pattern.compile("JAVA_VERSION=\"(?:1\\.)?(\\d+)").matcher(line);
            if (m.find() && Integer.parseInt(m.group(1)) < 21) {
              return java;
            }
          }
        }
      }
    }
    return null;
  }

  @Test
  void listingTheFilesFailsWithGitsErrorOutsideARepository(@TempDir Path notARepository) {
    AssertionError e = assertThrows(AssertionError.class, () -> trackedFiles(notARepository));
    assertTrue(e.getMessage().contains("not a git repository"), e.getMessage());
  }

  private static Run run(List<String> command) throws IOException, InterruptedException {
    return run(command, Map.of());
  }

  private static Run run(List<String> command, Map<String, String> more)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(clone.toFile());
    Map<String, String> env = pb.environment();
    env.remove(Environment.INDEX_VARIABLE);
    env.remove("NO_COLOR");
    env.put(Environment.CACHE_VARIABLE, cache.toString());
    // The JDK running this test: the launcher would find one by itself, but this one is known.
    Path javaHome =
        Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent();
    env.put("JAVA_HOME", javaHome.toString());
    env.putAll(more);
    Path out = Files.createTempFile(cache, "out", ".txt");
    Path err = Files.createTempFile(cache, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    // The first run builds the jar (about a minute), indexes the sample corpus and trains the
    // start-up cache (on Java 25 a second JVM assembles it): minutes on a loaded machine.
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /**
   * The files a fresh clone has: tracked ones and new ones not ignored. Fails, showing git's
   * error, when git cannot list them: a skip here would silently drop the test of the README's
   * first command from CI.
   */
  static List<String> trackedFiles(Path repo) throws IOException, InterruptedException {
    List<String> command =
        List.of("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard");
    Path err = Files.createTempFile("git-ls-files", ".err");
    try {
      Process p;
      try {
        p = new ProcessBuilder(command).directory(repo.toFile()).redirectError(err.toFile()).start();
      } catch (IOException e) {
        throw new AssertionError(
            "git is needed to list the repository's files (" + String.join(" ", command) + "): " + e,
            e);
      }
      byte[] listing = p.getInputStream().readAllBytes();
      int code = p.waitFor();
      if (code != 0) {
        throw new AssertionError(
            String.join(" ", command)
                + " in "
                + repo
                + " failed with exit "
                + code
                + ":\n"
                + Files.readString(err, StandardCharsets.UTF_8));
      }
      List<String> files = new ArrayList<>();
      for (String f : new String(listing, StandardCharsets.UTF_8).split("\0")) {
        if (!f.isEmpty()) {
          files.add(f);
        }
      }
      if (files.isEmpty()) {
        throw new AssertionError(String.join(" ", command) + " in " + repo + " listed no files");
      }
      return files;
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
