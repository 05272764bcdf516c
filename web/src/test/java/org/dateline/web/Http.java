package org.dateline.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the tests: GET a path of a server, read JSON. */
final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Http() {}

  /** A response: status, headers, body text, and the body as JSON when it is JSON. */
  record Response(int status, java.net.http.HttpHeaders headers, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  static Response get(NewsServer server, String pathAndQuery)
      throws IOException, InterruptedException {
    return send(server, "GET", pathAndQuery);
  }

  static Response send(NewsServer server, String method, String pathAndQuery)
      throws IOException, InterruptedException {
    URI uri = server.uri().resolve(pathAndQuery);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.headers(), r.body());
  }

  static JsonNode parse(String json) throws IOException {
    return JSON.readTree(json);
  }
}
