package org.dateline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One benchmark query in a neutral form that each system translates to its own syntax.
 *
 * @param qid a stable id, {@code q0001}…
 * @param kind the query class
 * @param words the lower-case words, in order
 * @param slop for a sloppy phrase, how far apart the words may be; 0 otherwise
 * @param from first day of the date filter, or null
 * @param to last day of the date filter (inclusive), or null
 * @param source the source filter, or null
 */
public record BenchQuery(
    String qid, Kind kind, List<String> words, int slop, LocalDate from, LocalDate to, String source) {

  /** The query classes. */
  public enum Kind {
    /** One word. */
    WORD,
    /** Two words, both required. */
    AND,
    /** Two or three words in a row, from a real sentence. */
    PHRASE,
    /** Two words from one sentence, at most {@code slop} positions apart, in order. */
    SLOPPY,
    /** One word within a tenth of the corpus's time span. */
    DATE,
    /** One word from one source. */
    SOURCE,
    /** A phrase of the most frequent words ("of the"): the known worst case, reported apart. */
    FREQUENT_PHRASE;

    /** Returns the name used in files and tables. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Validates and copies. */
  public BenchQuery {
    Objects.requireNonNull(qid, "qid");
    Objects.requireNonNull(kind, "kind");
    words = List.copyOf(words);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("words must not be empty");
    }
    if ((from == null) != (to == null)) {
      throw new IllegalArgumentException("from and to must both be set or both be null");
    }
  }

  /** Returns the words and the phrase quotes in Lucene's classic syntax, without filters. */
  public String classicText() {
    String joined = String.join(" ", words);
    return switch (kind) {
      case WORD, AND, DATE, SOURCE -> joined;
      case PHRASE, FREQUENT_PHRASE -> "\"" + joined + "\"";
      case SLOPPY -> "\"" + joined + "\"~" + slop;
    };
  }

  /** Returns the query as a JSON line. */
  String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("qid", qid);
    o.put("kind", kind.label());
    o.putPOJO("words", words);
    o.put("slop", slop);
    o.put("from", from == null ? null : from.toString());
    o.put("to", to == null ? null : to.toString());
    o.put("source", source);
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static BenchQuery fromJson(String line) throws IOException {
    JsonNode o = JSON.readTree(line);
    List<String> words = new ArrayList<>();
    o.get("words").forEach(w -> words.add(w.asText()));
    return new BenchQuery(
        o.get("qid").asText(),
        Kind.valueOf(o.get("kind").asText().toUpperCase(Locale.ROOT)),
        words,
        o.get("slop").asInt(),
        o.get("from").isNull() ? null : LocalDate.parse(o.get("from").asText()),
        o.get("to").isNull() ? null : LocalDate.parse(o.get("to").asText()),
        o.get("source").isNull() ? null : o.get("source").asText());
  }

  /** Reads a query file written by {@link #write}. */
  public static List<BenchQuery> read(Path file) throws IOException {
    List<BenchQuery> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(fromJson(line));
        }
      }
    }
    return out;
  }

  /** Writes queries as JSON lines. */
  public static void write(List<BenchQuery> queries, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (BenchQuery q : queries) {
        w.write(q.toJson());
        w.write('\n');
      }
    }
  }
}
