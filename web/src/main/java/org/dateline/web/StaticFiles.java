package org.dateline.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page: a fixed set of files from the jar ({@value #FOLDER}), read once. Only the names listed
 * here are served, so no path can reach anything else.
 */
final class StaticFiles implements HttpHandler {
  static final String FOLDER = "/org/dateline/web/static/";

  /** URL path to file name and content type. */
  private static final Map<String, String[]> FILES =
      Map.of(
          "/", new String[] {"index.html", "text/html; charset=utf-8"},
          "/index.html", new String[] {"index.html", "text/html; charset=utf-8"},
          "/app.js", new String[] {"app.js", "text/javascript; charset=utf-8"},
          "/app.css", new String[] {"app.css", "text/css; charset=utf-8"},
          "/favicon.svg", new String[] {"favicon.svg", "image/svg+xml"});

  private final Map<String, byte[]> bytes;

  StaticFiles() {
    java.util.HashMap<String, byte[]> read = new java.util.HashMap<>();
    for (String[] f : FILES.values()) {
      read.computeIfAbsent(f[0], StaticFiles::read);
    }
    this.bytes = Map.copyOf(read);
  }

  private static byte[] read(String name) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("the page's file " + FOLDER + name + " is not in the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        Responses.send(ex, 405, "text/plain; charset=utf-8", "only GET and HEAD\n".getBytes(UTF8));
        return;
      }
      String[] file = FILES.get(ex.getRequestURI().getPath());
      if (file == null) {
        Responses.send(ex, 404, "text/plain; charset=utf-8", "no such page\n".getBytes(UTF8));
        return;
      }
      Responses.send(ex, 200, file[1], bytes.get(file[0]));
    }
  }

  private static final java.nio.charset.Charset UTF8 = java.nio.charset.StandardCharsets.UTF_8;
}
