package org.dateline.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dateline.ingest.CorpusFormatException;

/**
 * The documents a system retrieved for each query, with scores: what {@code trec_eval} reads as its
 * "top file". Only the scores decide the order in which it is evaluated, as in {@code trec_eval}
 * (see {@link TrecEval}); the list order is kept for writing.
 *
 * @param results retrieved documents by query id; a document appears at most once per query
 */
public record Run(Map<String, List<ScoredDoc>> results) {
  /** Validates and copies. */
  public Run {
    Map<String, List<ScoredDoc>> copy = new LinkedHashMap<>();
    results.forEach(
        (q, docs) -> {
          Set<String> seen = new HashSet<>();
          for (ScoredDoc d : docs) {
            if (!seen.add(d.docno())) {
              throw new IllegalArgumentException(
                  "document " + d.docno() + " appears twice for query " + q);
            }
          }
          copy.put(q, List.copyOf(docs));
        });
    results = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the documents retrieved for a query.
   *
   * @param queryId the query
   * @return the documents, empty when the run has none for it
   */
  public List<ScoredDoc> results(String queryId) {
    return results.getOrDefault(queryId, List.of());
  }

  /**
   * Reads a run file in TREC format, one document a line: {@code qid Q0 docno rank score tag}.
   *
   * @param file the file (UTF-8)
   * @return the run
   * @throws CorpusFormatException when a line does not have six columns, a score is not a number,
   *     or a document repeats for a query
   * @throws IOException when the file cannot be read
   */
  public static Run read(Path file) throws IOException {
    Map<String, List<ScoredDoc>> results = new LinkedHashMap<>();
    Map<String, Set<String>> seen = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String[] cols = line.strip().split("\\s+");
        if (cols.length != 6) {
          throw Formats.bad(
              file,
              n,
              "a run line must have 6 columns: qid Q0 docno rank score tag (got: " + line + ")");
        }
        double score;
        try {
          score = Double.parseDouble(cols[4]);
        } catch (NumberFormatException e) {
          throw Formats.bad(file, n, "score must be a number (got: " + cols[4] + ")");
        }
        if (!seen.computeIfAbsent(cols[0], k -> new HashSet<>()).add(cols[2])) {
          throw Formats.bad(file, n, "document " + cols[2] + " appears twice for query " + cols[0]);
        }
        results.computeIfAbsent(cols[0], k -> new ArrayList<>()).add(new ScoredDoc(cols[2], score));
      }
    }
    return new Run(results);
  }

  /**
   * Writes the run in TREC format, ranks counting from 1 in list order.
   *
   * @param out where to write
   * @param tag the run's name, the last column; one word
   * @throws IOException when writing fails
   */
  public void write(Writer out, String tag) throws IOException {
    if (tag == null || tag.isBlank() || tag.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("tag must be one non-blank word (got: \"" + tag + "\")");
    }
    for (Map.Entry<String, List<ScoredDoc>> e : results.entrySet()) {
      int rank = 1;
      for (ScoredDoc d : e.getValue()) {
        out.write(
            String.format(
                Locale.ROOT, "%s Q0 %s %d %s %s%n", e.getKey(), d.docno(), rank++, d.score(), tag));
      }
    }
  }
}
