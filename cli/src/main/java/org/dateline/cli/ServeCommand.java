package org.dateline.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.dateline.NewsSearcher;
import org.dateline.web.NewsServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code dateline serve}: the search page and the JSON API over an index, until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a search page and a JSON API over the index, until Ctrl-C. The page searches,"
          + " pages, sorts, narrows by source and date and draws coverage over time; the API"
          + " (/api/search, /api/facets, /api/articles/ID, /api/stats) answers with the JSON"
          + " documents of --json.",
      "New commits of the index show within a second, without a restart. There is no"
          + " authentication: it listens on 127.0.0.1 unless --bind says otherwise."
    },
    footer = {
      "",
      "Examples:",
      "  dateline serve",
      "  dateline serve --index ~/reuters --port 9000",
      "  curl 'http://127.0.0.1:8080/api/search?q=%%22stored+communications+act%%22'",
      "",
      "Exit status: 0 when stopped, 2 for a bad option or a port that cannot be used,"
          + " 3 when the index cannot be opened."
    })
final class ServeCommand extends IndexedCommand {
  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on: 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or"
              + " one interface's address. Default: ${DEFAULT-VALUE}.")
  String bind;

  /** Counted down to stop the server (tests); Ctrl-C stops it through the shutdown hook. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (port < 0 || port > 65535) {
      throw new ParameterException(
          spec.commandLine(), "--port must be between 0 and 65535 (got: " + port + ")");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new ParameterException(
          spec.commandLine(), "--bind: no such address or host name (got: " + bind + ")");
    }
    Path folder = forReading();
    // Fail now, with the command line's message and exit code, rather than at the first request.
    NewsSearcher.open(folder).close();
    NewsServer server;
    try {
      server =
          NewsServer.start(
              folder,
              isSample(),
              new InetSocketAddress(address, port),
              e -> {
                err().println("dateline: internal error while answering a request: " + e);
                if (((DatelineCommand) spec.root().userObject()).verbose) {
                  e.printStackTrace(err());
                }
                err().flush();
              });
    } catch (java.net.BindException e) {
      throw new ParameterException(
          spec.commandLine(),
          "cannot listen on "
              + bind
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "); pick another"
              + " --port, or 0 for a free one");
    }
    if (!address.isLoopbackAddress()) {
      err()
          .println(
              "dateline: warning: listening on "
                  + bind
                  + ", reachable from other machines; there is no authentication, so anyone who can"
                  + " reach this port can read the whole index");
    }
    err()
        .println(
            "dateline: serving "
                + (isSample() ? "the sample corpus" : folder)
                + "; stop with Ctrl-C");
    err().flush();
    out().println(server.uri());
    out().flush();
    Thread hook =
        new Thread(
            () -> {
              stopQuietly(server);
              err().println("dateline: stopped");
              err().flush();
              stop.countDown();
            },
            "dateline-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stop.await();
    } finally {
      stopQuietly(server);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and stops the server itself
      }
    }
    return ExitCodes.OK;
  }

  private void stopQuietly(NewsServer server) {
    try {
      server.close();
    } catch (IOException e) {
      err().println("dateline: the index did not close cleanly: " + e.getMessage());
      err().flush();
    }
  }
}
