package org.dateline.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.dateline.json.JsonPrinter;

/** Writing responses, with the headers every response carries. */
final class Responses {
  private Responses() {}

  /**
   * The page's Content-Security-Policy: scripts, styles and requests only from this server, no
   * inline script or style, no plugins, no framing. Article text is inserted as text anyway; this
   * is the second lock on the door.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src"
          + " 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  /** JSON documents are UTF-8. */
  static final String JSON = "application/json; charset=utf-8";

  /** A JSON body written by {@link JsonPrinter}. */
  interface JsonBody {
    void write(JsonPrinter printer) throws IOException;
  }

  /** Sends a JSON document with a status. */
  static void json(HttpExchange ex, int status, JsonBody body) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    PrintWriter w = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8), false);
    body.write(new JsonPrinter(w, false));
    w.flush();
    send(ex, status, JSON, buffer.toByteArray());
  }

  /** Sends the error document (see {@link JsonPrinter#error}). */
  static void error(
      HttpExchange ex, int status, String message, String parameter, String query, int position)
      throws IOException {
    json(ex, status, p -> p.error(status, message, parameter, query, position));
  }

  /** Sends bytes; a HEAD request gets the headers only. */
  static void send(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    Headers h = ex.getResponseHeaders();
    h.set("Content-Type", contentType);
    h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cache-Control", "no-store");
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.sendResponseHeaders(status, -1);
      ex.close();
      return;
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
