package org.dateline.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An HTTP server over one index: the search page at {@code /} and the JSON API under {@code /api/}
 * ({@code search}, {@code facets}, {@code articles/{id}}, {@code stats}), whose documents are the
 * command line's {@code --json} ones. It sees each new commit of the index within a fraction of a
 * second, without a restart, and answers 503 while the index cannot be opened.
 *
 * <pre>{@code
 * try (NewsServer server = NewsServer.start(Path.of("news-index"), false,
 *     new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080), Throwable::printStackTrace)) {
 *   System.out.println(server.uri());
 *   ...
 * }
 * }</pre>
 *
 * <p>There is no authentication: bind to the loopback address unless everyone who can reach the
 * port may read the index. Bound to the loopback address, it answers only requests for the host
 * names {@code localhost}, {@code 127.0.0.1} and {@code [::1]} (403 otherwise), so that no other
 * web site can reach it through a visitor's browser by DNS rebinding.
 */
public final class NewsServer implements AutoCloseable {
  /** Threads answering requests; searches are short, and more would only queue on the CPUs. */
  static final int THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  private final HttpServer http;
  private final ExecutorService executor;
  private final LiveSearcher searcher;

  private NewsServer(HttpServer http, ExecutorService executor, LiveSearcher searcher) {
    this.http = http;
    this.executor = executor;
    this.searcher = searcher;
  }

  /**
   * Starts a server. The index is opened on the first request (and again after a failure), so a
   * server may start before its index exists.
   *
   * @param index the index folder
   * @param sample whether it is the sample corpus's index (told in {@code /api/stats})
   * @param address where to listen; port 0 picks a free one
   * @param internalErrors told about each unexpected error (a bug), which the client sees as 500
   * @return the running server
   * @throws IOException when the address cannot be bound (port in use, no such interface)
   */
  public static NewsServer start(
      Path index, boolean sample, InetSocketAddress address, Consumer<Throwable> internalErrors)
      throws IOException {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(internalErrors, "internalErrors");
    LiveSearcher searcher = new LiveSearcher(index);
    HttpServer http = HttpServer.create(address, 64);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
    http.setExecutor(executor);
    var api = http.createContext("/api/", new Api(searcher, sample, internalErrors));
    var page = http.createContext("/", new StaticFiles());
    if (http.getAddress().getAddress().isLoopbackAddress()) {
      api.getFilters().add(new LoopbackHosts());
      page.getFilters().add(new LoopbackHosts());
    }
    http.start();
    return new NewsServer(http, executor, searcher);
  }

  /**
   * Returns the address the server listens on, with the port it got.
   *
   * @return the socket address
   */
  public InetSocketAddress address() {
    return http.getAddress();
  }

  /**
   * Returns the page's URL, e.g. {@code http://127.0.0.1:8080/}; an address bound to every
   * interface is shown as the loopback one, which a browser on this machine can open.
   *
   * @return the URL
   */
  public URI uri() {
    InetSocketAddress a = address();
    InetAddress host =
        a.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : a.getAddress();
    String literal = host.getHostAddress();
    if (literal.contains(":")) {
      literal = "[" + literal.replaceAll("%.*", "") + "]";
    }
    return URI.create("http://" + literal + ":" + a.getPort() + "/");
  }

  /**
   * Stops accepting requests, lets running ones finish (up to a second), and closes the index.
   *
   * @throws IOException when the index cannot be closed
   */
  @Override
  public void close() throws IOException {
    http.stop(1);
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    searcher.close();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "dateline-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
