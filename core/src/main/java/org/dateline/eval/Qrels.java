package org.dateline.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dateline.ingest.CorpusFormatException;

/**
 * Relevance judgments in TREC's format, one per line: {@code qid iteration docno relevance}, e.g.
 * {@code 1 Q0 CACM-1410 1}. The iteration column is ignored; a relevance of 1 or more means
 * relevant, and for nDCG the relevance is the gain.
 */
public final class Qrels {
  private final Map<String, Map<String, Integer>> judgments;

  private Qrels(Map<String, Map<String, Integer>> judgments) {
    this.judgments = judgments;
  }

  /**
   * Builds judgments from a map.
   *
   * @param judgments relevance by document id, by query id
   * @return the judgments
   */
  public static Qrels of(Map<String, Map<String, Integer>> judgments) {
    Map<String, Map<String, Integer>> copy = new TreeMap<>();
    judgments.forEach((q, docs) -> copy.put(q, Collections.unmodifiableMap(new TreeMap<>(docs))));
    return new Qrels(Collections.unmodifiableMap(copy));
  }

  /**
   * Reads a qrels file (UTF-8).
   *
   * @param file the file
   * @return the judgments
   * @throws CorpusFormatException when a line does not have four columns or the relevance is not an
   *     integer, or a document is judged twice for a query
   * @throws IOException when the file cannot be read
   */
  public static Qrels read(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file);
    }
  }

  /**
   * Parses qrels text.
   *
   * @param text the lines
   * @return the judgments
   * @throws CorpusFormatException when a line is malformed
   */
  public static Qrels parse(String text) throws CorpusFormatException {
    try {
      return parse(new StringReader(text), null);
    } catch (CorpusFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("reading a string cannot fail", e);
    }
  }

  private static Qrels parse(Reader reader, Path file) throws IOException {
    BufferedReader r = new BufferedReader(reader);
    Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] cols = line.strip().split("\\s+");
      if (cols.length != 4) {
        throw Formats.bad(
            file,
            n,
            "a qrels line must have 4 columns: qid iteration docno relevance (got: " + line + ")");
      }
      int rel;
      try {
        rel = Integer.parseInt(cols[3]);
      } catch (NumberFormatException e) {
        throw Formats.bad(file, n, "relevance must be an integer (got: " + cols[3] + ")");
      }
      Integer before =
          judgments.computeIfAbsent(cols[0], k -> new LinkedHashMap<>()).put(cols[2], rel);
      if (before != null) {
        throw Formats.bad(file, n, "document " + cols[2] + " is judged twice for query " + cols[0]);
      }
    }
    return of(judgments);
  }

  /**
   * Returns the ids of the judged queries.
   *
   * @return query ids, sorted
   */
  public Set<String> queryIds() {
    return judgments.keySet();
  }

  /**
   * Returns every judged document, whatever its relevance and query.
   *
   * @return document ids, sorted
   */
  public Set<String> documentIds() {
    Set<String> ids = new TreeSet<>();
    judgments.values().forEach(docs -> ids.addAll(docs.keySet()));
    return Collections.unmodifiableSet(ids);
  }

  /**
   * Returns one query's judgments.
   *
   * @param queryId the query
   * @return relevance by document id; empty when the query has none
   */
  public Map<String, Integer> judgments(String queryId) {
    return judgments.getOrDefault(queryId, Map.of());
  }

  /**
   * Returns how many documents are relevant (relevance &gt;= 1) to a query.
   *
   * @param queryId the query
   * @return the count
   */
  public int relevantCount(String queryId) {
    int n = 0;
    for (int rel : judgments(queryId).values()) {
      if (rel >= TrecEval.RELEVANT) {
        n++;
      }
    }
    return n;
  }
}
