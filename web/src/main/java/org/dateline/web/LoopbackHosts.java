package org.dateline.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Locale;

/**
 * On a server bound to the loopback address, refuses requests whose {@code Host} is not a loopback
 * name: a web page elsewhere could otherwise point a host name of its own at 127.0.0.1 (DNS
 * rebinding) and read the index through the visitor's browser.
 */
final class LoopbackHosts extends Filter {
  @Override
  public void doFilter(HttpExchange ex, Chain chain) throws IOException {
    String host = ex.getRequestHeaders().getFirst("Host");
    if (host == null || isLoopback(host)) {
      chain.doFilter(ex);
      return;
    }
    try (ex) {
      Responses.error(
          ex,
          403,
          "Host "
              + host
              + " is not this machine; a server bound to the loopback address answers"
              + " only to localhost, 127.0.0.1 and [::1]",
          "Host",
          null,
          -1);
    }
  }

  /** Whether a Host header ({@code name[:port]}) names this machine's loopback interface. */
  static boolean isLoopback(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end > 0 && h.substring(1, end).equals("::1");
    }
    int colon = h.indexOf(':');
    String name = colon < 0 ? h : h.substring(0, colon);
    return name.equals("localhost") || name.equals("127.0.0.1");
  }

  @Override
  public String description() {
    return "refuses Host names that are not loopback ones";
  }
}
