package org.dateline.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A local SolrCloud in a JVM of its own ({@code dateline-solr-cluster}'s {@code LocalCluster}),
 * started from the classpath that module's build wrote down, with the JDK running the tests. Its
 * stdin takes commands (stop a node, start it again), its stdout answers.
 */
final class ClusterProcess implements AutoCloseable {
  private final Process process;
  private final BufferedReader answers;
  private final PrintWriter commands;
  private final String urls;
  private final ExecutorService reader = Executors.newSingleThreadExecutor();

  private ClusterProcess(Process process, String urls, BufferedReader answers) {
    this.process = process;
    this.urls = urls;
    this.answers = answers;
    this.commands =
        new PrintWriter(
            new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
            true);
  }

  /** Where the cluster module is, beside this one. */
  static Path clusterModule() {
    return Path.of("").toAbsolutePath().resolve("../solr-cluster").normalize();
  }

  /**
   * Starts a cluster and waits for its URL line.
   *
   * @param nodes how many Solr nodes
   * @param log where the cluster's stderr goes
   */
  static ClusterProcess start(int nodes, Path log) throws IOException, InterruptedException {
    Path module = clusterModule();
    Path cpFile = module.resolve("target/cluster.classpath");
    if (!Files.exists(cpFile)) {
      throw new IllegalStateException(
          cpFile + " is missing: build the solr-cluster module first (mvn -pl solr -am ...)");
    }
    String cp =
        module.resolve("target/classes")
            + java.io.File.pathSeparator
            + Files.readString(cpFile).strip();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-Xmx384m");
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add("org.dateline.solr.cluster.LocalCluster");
    cmd.add("--nodes");
    cmd.add(Integer.toString(nodes));
    cmd.add("--control");
    Process p =
        new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    ClusterProcess c = null;
    try {
      String line = readLine(out, p, 180);
      c = new ClusterProcess(p, line.strip(), out);
      return c;
    } finally {
      if (c == null) {
        p.destroyForcibly();
      }
    }
  }

  private static String readLine(BufferedReader out, Process p, int seconds)
      throws IOException, InterruptedException {
    ExecutorService ex = Executors.newSingleThreadExecutor();
    try {
      Future<String> line = ex.submit(out::readLine);
      String s = line.get(seconds, TimeUnit.SECONDS);
      if (s == null) {
        throw new IOException("the cluster process ended (exit " + p.waitFor() + ") before its URL");
      }
      return s;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IOException("no URL from the cluster process within " + seconds + " s", e);
    } finally {
      ex.shutdownNow();
    }
  }

  /** The nodes' URLs, comma-separated, as {@code --solr} takes them. */
  String urls() {
    return urls;
  }

  /** Stops node {@code i} (from 0) and waits until it is down. */
  void stopNode(int i) throws IOException, InterruptedException {
    commands.println("stop-node " + i);
    String answer = readLine(answers, process, 120);
    if (!answer.equals("stopped " + i)) {
      throw new IOException("stop-node " + i + ": " + answer);
    }
  }

  @Override
  public void close() throws InterruptedException {
    commands.println("quit");
    commands.close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    reader.shutdownNow();
  }
}
