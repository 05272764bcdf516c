package org.dateline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;

/**
 * An {@link IndexingProcess} in a separate JVM, as a test drives it: started with an optional
 * pause, watched through its output and the index's commit generation, killed with SIGKILL.
 */
final class IndexingChild implements AutoCloseable {
  private final Process process;
  private final Path log;

  private IndexingChild(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts indexing a corpus into an index.
   *
   * @param pause a {@link PausingDirectory} spec, or null
   * @param log where the child's stdout and stderr go
   */
  static IndexingChild start(Path index, int every, Path corpus, String pause, Path log)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("--enable-native-access=ALL-UNNAMED");
    if (pause != null) {
      cmd.add("-D" + PausingDirectory.PROPERTY + "=" + pause);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(IndexingProcess.class.getName());
    cmd.add(index.toString());
    cmd.add(Integer.toString(every));
    cmd.add(corpus.toString());
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new IndexingChild(p, log);
  }

  /** The generation of an index's newest commit (the first commit is 1), or 0 without one. */
  static long generation(Path index) {
    try (var d = FSDirectory.open(index)) {
      return Math.max(0, SegmentInfos.getLastCommitGeneration(d));
    } catch (IOException e) {
      return 0;
    }
  }

  /** What the child printed so far. */
  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** How many commits the child has reported visible ({@code COMMITTED} lines). */
  int commits() throws IOException {
    return (int) output().lines().filter(l -> l.startsWith("COMMITTED ")).count();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits until a condition holds; fails with the child's output when the child ends first or
   * two minutes pass.
   */
  void await(String what, BooleanSupplier condition) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the child ended (exit " + process.exitValue() + ") before " + what + ":\n" + output());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + ":\n" + output());
      }
      Thread.sleep(10);
    }
  }

  /** Waits until the child prints a line starting with this text. */
  void awaitLine(String prefix) throws IOException, InterruptedException {
    await(
        "\"" + prefix + "\"",
        () -> {
          try {
            return output().lines().anyMatch(l -> l.startsWith(prefix));
          } catch (IOException e) {
            return false;
          }
        });
  }

  /** SIGKILL: no shutdown hooks, no finally blocks. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the child did not die");
    }
  }

  /** Waits for the child to end by itself; returns its exit code. */
  int waitFor(long seconds) throws IOException, InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child did not finish in " + seconds + " s:\n" + output());
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
