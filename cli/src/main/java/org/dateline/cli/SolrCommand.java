package org.dateline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.dateline.IndexUnavailableException;
import org.dateline.solr.SolrCollection;
import org.dateline.solr.SolrCollections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dateline solr create|start|stop}: a local SolrCloud to try Dateline past one machine, and
 * Dateline collections on any SolrCloud.
 */
@Command(
    name = "solr",
    mixinStandardHelpOptions = true,
    description = "Run Dateline past one machine, on SolrCloud: start a local cluster, create collections.",
    subcommands = {SolrCommand.Create.class, SolrCommand.Start.class, SolrCommand.Stop.class},
    footer = {
      "",
      "Examples:",
      "  dateline solr start --nodes 2            # prints the URL; runs until stopped",
      "  dateline solr create --solr URL --collection news --shards 2 --replicas 2",
      "  dateline index reuters21578.tar.gz --solr URL --collection news",
      "  dateline search 'oil AND \"interest rates\"' --solr URL --collection news",
      "  dateline solr stop"
    })
final class SolrCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "name a solr command: create, start or stop");
  }

  /** Where {@code solr start} keeps its pid and URL for {@code solr stop}. */
  static Path stateFile(Environment env) {
    return env.cacheDir().resolve("solr").resolve("cluster.state");
  }

  private static Environment env(CommandSpec spec) {
    return ((DatelineCommand) spec.root().userObject()).environment;
  }

  /** A running local cluster's pid and URL, from its state file. */
  record Running(long pid, String urls) {
    static Optional<Running> find(Path state) throws IOException {
      if (!Files.exists(state)) {
        return Optional.empty();
      }
      String[] parts = Files.readString(state).strip().split(" ", 2);
      try {
        Running r = new Running(Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : "");
        return ProcessHandle.of(r.pid()).filter(ProcessHandle::isAlive).map(h -> r);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  /** {@code dateline solr create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Create a collection with Dateline's configset: its fields, its news analysis, BM25 and"
              + " exact distributed term statistics.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--solr", required = true, paramLabel = "URL", description = "The cluster's node URLs, comma-separated.")
    String solr;

    @Option(names = "--collection", required = true, paramLabel = "NAME", description = "The collection to create.")
    String collection;

    @Option(names = "--shards", paramLabel = "N", description = "Shards. Default: ${DEFAULT-VALUE}.")
    int shards = 2;

    @Option(names = "--replicas", paramLabel = "N", description = "Replicas of each shard. Default: ${DEFAULT-VALUE}.")
    int replicas = 2;

    @Override
    public Integer call() throws IOException {
      if (shards < 1 || replicas < 1) {
        throw new ParameterException(
            spec.commandLine(),
            "--shards and --replicas must be at least 1 (got: " + shards + " and " + replicas + ")");
      }
      SolrCollection c;
      try {
        c = SolrCollection.connect(solr, collection);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      try (c) {
        SolrCollections.create(c, shards, replicas);
      }
      spec.commandLine()
          .getOut()
          .printf(
              "created collection %s (%d shards x %d replicas) at %s%n",
              collection, shards, replicas, c.urls());
      return ExitCodes.OK;
    }
  }

  /** {@code dateline solr start}. */
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description =
          "Start a local SolrCloud (ZooKeeper and Solr nodes in a JVM of their own), print its URL"
              + " on a line of its own, and run until 'dateline solr stop' or Ctrl-C.")
  static final class Start implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--nodes", paramLabel = "N", description = "Solr nodes. Default: ${DEFAULT-VALUE}.")
    int nodes = 2;

    @Override
    public Integer call() throws IOException, InterruptedException {
      if (nodes < 1 || nodes > 16) {
        throw new ParameterException(
            spec.commandLine(), "--nodes must be between 1 and 16 (got: " + nodes + ")");
      }
      Path state = stateFile(env(spec));
      Optional<Running> running = Running.find(state);
      if (running.isPresent()) {
        throw new IndexUnavailableException(
            null,
            IndexUnavailableException.Reason.LOCKED,
            "a local SolrCloud is already running at "
                + running.get().urls()
                + " (pid "
                + running.get().pid()
                + "); stop it with 'dateline solr stop'",
            null);
      }
      Files.createDirectories(state.getParent());
      List<String> cmd = new ArrayList<>();
      cmd.add(ProcessHandle.current().info().command().orElse("java"));
      cmd.add("-Xmx512m");
      cmd.add("--enable-native-access=ALL-UNNAMED");
      cmd.add("-cp");
      cmd.add(clusterClasspath());
      cmd.add("org.dateline.solr.cluster.LocalCluster");
      cmd.add("--nodes");
      cmd.add(Integer.toString(nodes));
      cmd.add("--state-file");
      cmd.add(state.toString());
      PrintWriter out = spec.commandLine().getOut();
      out.flush();
      Process p = new ProcessBuilder(cmd).inheritIO().start();
      Thread stopChild = new Thread(p::destroy, "dateline-solr-stop");
      Runtime.getRuntime().addShutdownHook(stopChild);
      int code = p.waitFor();
      Runtime.getRuntime().removeShutdownHook(stopChild);
      return code == 0 || code == 143 || code == 130 ? ExitCodes.OK : ExitCodes.INTERNAL_ERROR;
    }

    /** The cluster module's classes and its dependencies, beside the CLI's build. */
    private static String clusterClasspath() throws IOException {
      Path root;
      try {
        // cli/target/dateline.jar or cli/target/classes: the repository is three levels up
        root =
            Path.of(SolrCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toAbsolutePath()
                .getParent()
                .getParent()
                .getParent();
      } catch (java.net.URISyntaxException | RuntimeException e) {
        throw new IOException("cannot tell where the dateline tool is installed", e);
      }
      Path module = root.resolve("solr-cluster");
      Path cp = module.resolve("target/cluster.classpath");
      Path classes = module.resolve("target/classes");
      if (!Files.exists(cp) || !Files.isDirectory(classes)) {
        throw new IndexUnavailableException(
            null,
            IndexUnavailableException.Reason.MISSING,
            "the local SolrCloud is not built ("
                + cp
                + " is missing); build it with 'mvn -q -pl solr-cluster -am package"
                + " -Dmaven.test.skip=true' in "
                + root,
            null);
      }
      return classes + java.io.File.pathSeparator + Files.readString(cp).strip();
    }
  }

  /** {@code dateline solr stop}. */
  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stop the local SolrCloud that 'dateline solr start' runs.")
  static final class Stop implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
      Optional<Running> running = Running.find(stateFile(env(spec)));
      if (running.isEmpty()) {
        spec.commandLine().getErr().println("dateline: no local SolrCloud is running");
        return ExitCodes.NO_MATCH;
      }
      ProcessHandle h = ProcessHandle.of(running.get().pid()).orElseThrow();
      h.destroy();
      try {
        h.onExit().get(120, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        h.destroyForcibly();
      }
      spec.commandLine().getOut().println("stopped the local SolrCloud at " + running.get().urls());
      return ExitCodes.OK;
    }
  }
}
