package org.dateline.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Converts a corpus to what Anserini's {@code JsonCollection} reads ({@code {"id", "contents"}},
 * title and body joined) in two files, so that its two indexing threads both have work, and writes
 * the queries as a {@code TsvString} topics file, repeated so that JVM start-up weighs little.
 * {@code CORPUS_JSONL OUT_DIR QUERIES TOPICS_TSV REPEAT}. Anserini queries are bags of words: the
 * phrase and filter parts of a query are dropped, and the frequent phrases are left out.
 */
public final class AnseriniInput {
  private AnseriniInput() {}

  /** Runs the conversion; see the class description for the arguments. */
  public static void main(String[] args) throws IOException {
    Path input = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    long t0 = System.nanoTime();
    ObjectMapper json = new ObjectMapper();
    JsonFactory factory = new JsonFactory();
    long n = 0;
    try (BufferedReader r = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        Writer w0 = Files.newBufferedWriter(out.resolve("part0.jsonl"), StandardCharsets.UTF_8);
        Writer w1 = Files.newBufferedWriter(out.resolve("part1.jsonl"), StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode o = json.readTree(line);
        Writer w = n % 2 == 0 ? w0 : w1;
        try (JsonGenerator g = factory.createGenerator(w)) {
          g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
          g.writeStartObject();
          g.writeStringField("id", o.path("id").asText());
          g.writeStringField("contents", o.path("title").asText("") + "\n" + o.path("body").asText(""));
          g.writeEndObject();
        }
        w.write('\n');
        n++;
      }
    }
    System.out.printf(
        Locale.ROOT, "anserini input: %d articles converted in %.1f s%n", n,
        (System.nanoTime() - t0) / 1e9);
    List<BenchQuery> queries = BenchQuery.read(Path.of(args[2]));
    int repeat = Integer.parseInt(args[4]);
    try (Writer w = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
      for (int i = 1; i <= repeat; i++) {
        for (BenchQuery q : queries) {
          if (q.kind() != BenchQuery.Kind.FREQUENT_PHRASE) {
            w.write(q.qid() + "r" + i + "\t" + String.join(" ", q.words()) + "\n");
          }
        }
      }
    }
  }
}
