package org.dateline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming record reader ({@link Json#parseObject}) against the tree it replaced ({@link
 * Json#parse} with {@link Json#scalar} and {@link Json#values}): same properties, same values, same
 * verdict on bad lines, on hand-made edge cases, seeded random records and mutations of them.
 */
class JsonStreamingTest {
  /** What the tree reader made of a line: its properties, or the reason it was refused. */
  private static Object viaTree(String line) {
    JsonNode node;
    try {
      node = Json.parse(line);
    } catch (IllegalArgumentException e) {
      return category(e.getMessage());
    }
    if (!node.isObject()) {
      return "not a JSON object (got: " + Json.kind(node) + ")";
    }
    Map<String, Json.Property> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.put(e.getKey(), new Json.Property(Json.scalar(e.getValue()), Json.values(e.getValue())));
    }
    return out;
  }

  private static Object viaStream(String line) {
    try {
      return Json.parseObject(line);
    } catch (IllegalArgumentException e) {
      return category(e.getMessage());
    }
  }

  /** Parse errors are compared by kind (Jackson words them), the rest exactly. */
  private static String category(String reason) {
    if (reason.startsWith("not valid JSON")) {
      return reason.contains("nesting depth") ? "not valid JSON: nesting depth" : "not valid JSON";
    }
    return reason;
  }

  private static void assertSame(String line) {
    assertEquals(viaTree(line), viaStream(line), () -> "line: " + line);
  }

  @Test
  void edgeCasesReadAsTheTreeReadThem() {
    List<String> lines =
        List.of(
            "{\"id\": \"a\", \"title\": \" T \", \"body\": \"\"}",
            "{\"id\": 7, \"n\": -0, \"f\": 1.50, \"e\": 1e400, \"big\": 123456789012345678901234567890}",
            "{\"l\": 12345678901, \"neg\": -2147483649, \"small\": 1E-7, \"z\": 0.0, \"m\": -0.0}",
            "{\"b\": true, \"c\": false, \"n\": null, \"o\": {\"x\": 1}, \"a\": [1, \" y \", null]}",
            "{\"a\": [[1], {\"k\": 2}, \"\", \" \", true, 2.50], \"e\": []}",
            "{\"title\": \"first\", \"Title\": \"second\", \"title\": \"third\"}",
            "{\"x\": 1, \"y\": 2, \"x\": [3]}",
            "{}",
            "  {\"id\": \"s\"}  ",
            "[1, 2]",
            "\"a string\"",
            "42",
            "true",
            "null",
            "[1, 2",
            "{\"id\": \"x\"} trailing",
            "{\"id\": \"x\"} {}",
            "1 2",
            "{\"id\": \"x\",}",
            "{id: \"x\"}",
            "{\"id\": \"x\"",
            "{\"id\": 'x'}",
            "{\"id\": NaN}",
            "{\"id\": 01}",
            "{\"s\": \"\\u00e9\\n\\t\\\"q\\\"\"}",
            "{\"id\": \"x\", \"deep\": " + "[".repeat(150) + "]".repeat(150) + "}",
            "[".repeat(150) + "]".repeat(150));
    lines.forEach(JsonStreamingTest::assertSame);
  }

  @Test
  void randomRecordsAndTheirMutationsReadAsTheTreeReadThem() {
    long seed = 20261127L;
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      String line = randomObject(random, 0);
      String mutated = mutate(random, line);
      assertEquals(viaTree(line), viaStream(line), () -> "seed " + seed + ", line: " + line);
      assertEquals(
          viaTree(mutated), viaStream(mutated), () -> "seed " + seed + ", line: " + mutated);
    }
  }

  @Test
  void reutersRecordsReadAsTheTreeReadThem() throws IOException {
    Path tgz = Corpora.sharedData().resolve("reuters21578/reuters21578.tar.gz");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isRegularFile(tgz), "no " + tgz + " (../shared is absent): skipped");
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    int n = 0;
    try (ArticleReader r =
        ArticleReaders.open(List.of(tgz), Format.REUTERS, Corpora.lenient())) {
      for (var a = r.next(); a.isPresent() && n < 3_000; a = r.next(), n++) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", a.get().id());
        record.put("title", a.get().title());
        record.put("body", a.get().body());
        record.put("date", String.valueOf(a.get().date()));
        record.put("source", a.get().source());
        record.put("topics", a.get().fields().getOrDefault("topics", List.of()));
        String line = json.writeValueAsString(record);
        Object tree = viaTree(line);
        assertTrue(tree instanceof Map, line);
        assertEquals(tree, viaStream(line), line);
      }
    }
    assertEquals(3_000, n);
  }

  private static final String[] NAMES = {"id", "title", "Title", "body", "text", "date", "tags"};

  private static String randomObject(Random r, int depth) {
    StringBuilder b = new StringBuilder("{");
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append('"').append(NAMES[r.nextInt(NAMES.length)]).append("\": ");
      b.append(randomValue(r, depth + 1));
    }
    return b.append('}').toString();
  }

  private static String randomValue(Random r, int depth) {
    return switch (r.nextInt(depth > 3 ? 7 : 9)) {
      case 0 -> "\"" + (r.nextBoolean() ? " spaced " : "w" + r.nextInt(100)) + "\"";
      case 1 -> Integer.toString(r.nextInt() >> r.nextInt(32));
      case 2 -> Long.toString(r.nextLong());
      case 3 -> (r.nextBoolean() ? "-" : "") + r.nextInt(1000) + "." + r.nextInt(1000) + "0";
      case 4 -> r.nextInt(10) + "e" + (r.nextInt(800) - 400);
      case 5 -> r.nextBoolean() ? "true" : (r.nextBoolean() ? "false" : "null");
      case 6 -> "\"\"";
      case 7 -> {
        List<String> values = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          values.add(randomValue(r, depth + 1));
        }
        yield "[" + String.join(", ", values) + "]";
      }
      default -> randomObject(r, depth + 1);
    };
  }

  /** Cuts, duplicates or breaks one character of a line, or appends something after it. */
  private static String mutate(Random r, String line) {
    int at = r.nextInt(line.length());
    return switch (r.nextInt(4)) {
      case 0 -> line.substring(0, at);
      case 1 -> line.substring(0, at) + line.charAt(at) + line.substring(at);
      case 2 -> line.substring(0, at) + "\"{}[],:x 1".charAt(r.nextInt(10)) + line.substring(at + 1);
      default -> line + (r.nextBoolean() ? " {}" : " x");
    };
  }
}
