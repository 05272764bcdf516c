package org.dateline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The figures of one indexing run, written as JSON for the report. */
final class IndexRun {
  private IndexRun() {}

  static void write(
      Path out, String system, String corpus, long articles, double seconds, Path input, Path index)
      throws IOException {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("system", system);
    o.put("corpus", corpus);
    o.put("articles", articles);
    o.put("seconds", seconds);
    o.put("input_bytes", Files.size(input));
    o.put("index_bytes", size(index));
    o.put("peak_rss_kb", QueryRunner.peakRssKb());
    o.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), o);
    System.out.printf(
        "%s %s: %d articles in %.1f s = %.0f articles/s, index %d MB%n",
        system, corpus, articles, seconds, articles / seconds, size(index) >> 20);
  }

  /** The corpus a file belongs to: {@code queries-synth-200000.jsonl} is {@code synth-200000}. */
  static String corpusName(String path) {
    String f = Path.of(path).getFileName().toString();
    return f.replaceFirst("^queries-", "").replaceFirst("\\.jsonl$", "");
  }

  /** Bytes of all files under a folder. */
  static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    }
  }
}
