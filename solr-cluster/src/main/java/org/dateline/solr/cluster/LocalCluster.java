package org.dateline.solr.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Runs a local SolrCloud until it is stopped: ZooKeeper and {@code --nodes} Solr nodes on
 * 127.0.0.1, random ports, in a temporary folder that is deleted at the end.
 *
 * <p>Once every node is up it prints one line to stdout: the nodes' base URLs, comma-separated
 * ({@code http://127.0.0.1:PORT/solr,...}), the value {@code --solr} takes. With {@code
 * --state-file F} it also writes {@code pid url} to F (for {@code dateline solr stop}) and deletes
 * it at the end. It stops on SIGTERM or Ctrl-C (a shutdown hook closes the nodes, then ZooKeeper).
 *
 * <p>With {@code --control} it reads commands from stdin, one a line, and answers each on stdout:
 * {@code stop-node I} (stops node I, from 0; answers {@code stopped I}), {@code start-node I}
 * ({@code started I URL}), {@code quit}. End of input also quits. Tests use it to stop a node in
 * the middle of a query.
 */
public final class LocalCluster {
  private LocalCluster() {}

  /**
   * Starts the cluster.
   *
   * @param args {@code [--nodes N] [--state-file F] [--control]}
   */
  public static void main(String[] args) throws Exception {
    int nodes = 2;
    Path stateFile = null;
    boolean control = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--nodes" -> nodes = Integer.parseInt(value(args, ++i, "--nodes"));
        case "--state-file" -> stateFile = Path.of(value(args, ++i, "--state-file"));
        case "--control" -> control = true;
        default -> usage("unknown option: " + args[i]);
      }
    }
    if (nodes < 1 || nodes > 16) {
      usage("--nodes must be between 1 and 16 (got: " + nodes + ")");
    }
    quietJavaLogging();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path base = Files.createTempDirectory("dateline-solr-");
    MiniSolrCloudCluster cluster =
        new MiniSolrCloudCluster(nodes, base, JettyConfig.builder().build());
    CountDownLatch stopped = new CountDownLatch(1);
    Path state = stateFile;
    Thread hook =
        new Thread(
            () -> {
              shutdown(cluster, base, state);
              stopped.countDown();
            },
            "dateline-solr-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    String urls = urls(cluster);
    if (stateFile != null) {
      Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
      Files.createDirectories(stateFile.toAbsolutePath().getParent());
      Files.writeString(tmp, ProcessHandle.current().pid() + " " + urls + "\n");
      Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    out.println(urls);
    if (control) {
      control(cluster, out);
      System.exit(0); // runs the hook
    }
    stopped.await();
  }

  private static void control(MiniSolrCloudCluster cluster, PrintStream out) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] words = line.strip().split("\\s+");
      try {
        switch (words[0]) {
          case "quit" -> {
            return;
          }
          case "stop-node" -> {
            int i = Integer.parseInt(words[1]);
            JettySolrRunner node = cluster.getJettySolrRunner(i);
            cluster.stopJettySolrRunner(node);
            cluster.waitForJettyToStop(node);
            out.println("stopped " + i);
          }
          case "start-node" -> {
            int i = Integer.parseInt(words[1]);
            JettySolrRunner node = cluster.getJettySolrRunner(i);
            cluster.startJettySolrRunner(node, true);
            cluster.waitForNode(node, 60);
            out.println("started " + i + " " + node.getBaseUrl());
          }
          default -> out.println("error unknown command: " + line);
        }
      } catch (Exception e) {
        out.println("error " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }

  /**
   * Lucene and Jersey log through java.util.logging (a note about memory-mapping, one about the
   * Vector API, a missing optional provider); only errors go to stderr.
   */
  private static void quietJavaLogging() {
    java.util.logging.LogManager.getLogManager().reset();
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.setLevel(java.util.logging.Level.SEVERE);
    java.util.logging.ConsoleHandler stderr = new java.util.logging.ConsoleHandler();
    stderr.setLevel(java.util.logging.Level.SEVERE);
    root.addHandler(stderr);
  }

  private static String urls(MiniSolrCloudCluster cluster) {
    List<String> urls = new ArrayList<>();
    for (JettySolrRunner node : cluster.getJettySolrRunners()) {
      urls.add(node.getBaseUrl().toString());
    }
    return String.join(",", urls);
  }

  private static void shutdown(MiniSolrCloudCluster cluster, Path base, Path state) {
    try {
      cluster.shutdown();
    } catch (Exception e) {
      System.err.println("solr: shutting down: " + e);
    }
    try (Stream<Path> files = Files.walk(base)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("solr: could not delete " + base + ": " + e.getMessage());
    }
    if (state != null) {
      try {
        Files.deleteIfExists(state);
      } catch (IOException e) {
        System.err.println("solr: could not delete " + state + ": " + e.getMessage());
      }
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      usage(option + " needs a value");
    }
    return args[i];
  }

  private static void usage(String message) {
    System.err.println(
        "solr: "
            + message
            + "\nusage: LocalCluster [--nodes N] [--state-file FILE] [--control]");
    System.exit(2);
  }
}
