package org.dateline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile queries: at least 100,000 generated and mutated query strings thrown at a searcher over
 * Reuters-21578. Every one must end in results or an {@link InvalidQueryException} with a position
 * inside the query, within a bounded time; nothing else may escape (no Lucene exception, no
 * StackOverflowError, no OutOfMemoryError).
 *
 * <p>The seed is printed in every failure; run again with {@code -Ddateline.fuzz.seed=N}. Inputs
 * that ever failed are kept in {@code src/test/resources/fuzz/regressions.txt} and run first.
 */
class QueryFuzzTest {
  private static final int QUERIES = Integer.getInteger("dateline.fuzz.queries", 100_000);
  private static final long SEED = Long.getLong("dateline.fuzz.seed", 20170124L);
  /** No single query may take longer than this. */
  private static final long MAX_MILLIS = 3_000;

  private static NewsSearcher searcher;
  private static List<String> vocabulary;

  @BeforeAll
  static void open() throws IOException {
    assumeTrue(SharedReutersIndex.available(), "Reuters-21578 not found: fuzzing skipped");
    searcher = NewsSearcher.open(SharedReutersIndex.path());
    vocabulary = new ArrayList<>();
    for (var hit : searcher.search(SearchRequest.of("oil prices").page(0, 50)).hits()) {
      for (String w : hit.title().split("\\s+")) {
        if (w.length() > 2) {
          vocabulary.add(w.toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    vocabulary.addAll(List.of("oil", "the", "of", "prices", "bank", "rate", "said", "reuter"));
  }

  @AfterAll
  static void close() throws IOException {
    if (searcher != null) {
      searcher.close();
    }
  }

  /** Runs one query; returns its time in ms, or fails with the query and the seed. */
  private static long run(String query, String origin) {
    return run(query, origin, true);
  }

  private static long run(String query, String origin, boolean snippets) {
    long start = System.nanoTime();
    try {
      SearchResult r =
          searcher.search(SearchRequest.of(query).page(0, 10).snippets(snippets ? 1 : 0, 120));
      assertTrue(r.total() >= 0);
    } catch (InvalidQueryException e) {
      assertTrue(
          e.position() >= -1 && e.position() <= query.length(),
          () -> "position " + e.position() + " outside the query (" + origin + "): " + shorten(query));
      assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    } catch (Throwable t) {
      fail("query (" + origin + ") escaped with " + t + ": " + shorten(query), t);
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(ms <= MAX_MILLIS, () -> "took " + ms + " ms (" + origin + "): " + shorten(query));
    return ms;
  }

  private static String shorten(String q) {
    String s = q.length() > 300 ? q.substring(0, 300) + "… (" + q.length() + " chars)" : q;
    return s.replace("\n", "\\n");
  }

  @Test
  void knownHostileQueriesEndInResultsOrAClearError() throws IOException {
    Path file = Path.of("src/test/resources/fuzz/regressions.txt");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int n = 0;
    for (String line : lines) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      run(line.replace("\\n", "\n").replace("\\t", "\t"), "regressions.txt");
      n++;
    }
    assertTrue(n >= 20, "regression corpus read: " + n);
    // Built ones, too large for a file.
    run("(".repeat(10_000) + "oil" + ")".repeat(10_000), "10,000 nested parentheses");
    run("\"".repeat(10_001), "10,001 quotes");
    run(String.join(" ", java.util.Collections.nCopies(10_000, "oil")), "10,000 terms");
    run(String.join(" OR ", java.util.Collections.nCopies(10_000, "oil")), "10,000 OR terms");
    run("a*".repeat(2_000), "* storm");
    run("/" + "(a|b)*".repeat(500) + "c/", "regexp too complex to determinize");
    run("/" + "[a-z]{1,50}".repeat(40) + "/", "regexp with a huge automaton");
    run("x".repeat(1_000_000), "one-million-character word");
  }

  @Test
  void generatedAndMutatedQueriesEndInResultsOrAClearError() {
    Random random = new Random(SEED);
    long slowest = 0;
    String slowestQuery = "";
    for (int i = 0; i < QUERIES; i++) {
      String q = generate(random);
      // Highlight one query in ten: the highlighter sees every kind of query, and the parser and
      // the searcher, which are what hostile input attacks, see them all.
      long ms = run(q, "seed " + SEED + ", query #" + i, i % 10 == 0);
      if (ms > slowest) {
        slowest = ms;
        slowestQuery = q;
      }
    }
    System.out.println(
        "fuzz: " + QUERIES + " queries, seed " + SEED + ", slowest " + slowest + " ms: " + shorten(slowestQuery));
  }

  private static final String[] PIECES = {
    "AND", "OR", "NOT", "&&", "||", "!", "+", "-", "(", ")", "[", "]", "{", "}", "\"", "~", "~2",
    "^", "^3", "*", "?", ":", "\\", "/", "TO", "date:", "title:", "body:", "source:", "topics:",
    "places:", "date:[", "1987-03-01", "2017", "1987-13-45", "*:*", "\u0000", "\u0007", "\n", "\t",
    "\uD83D\uDE00", "\uFFFD", "é", "\u202E", "%", "'", ";", "=", "<", ">", "@", "#", "$"
  };

  private static String generate(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> randomBytes(r);
      case 1 -> pieces(r, 1 + r.nextInt(12));
      case 2 -> mutate(r, valid(r));
      case 3 -> valid(r);
      case 4 -> nested(r);
      default -> mutate(r, pieces(r, 1 + r.nextInt(6)));
    };
  }

  private static String randomBytes(Random r) {
    byte[] bytes = new byte[r.nextInt(40)];
    r.nextBytes(bytes);
    return new String(bytes, r.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  private static String word(Random r) {
    return vocabulary.get(r.nextInt(vocabulary.size()));
  }

  private static String pieces(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(r.nextInt(3) == 0 ? word(r) : PIECES[r.nextInt(PIECES.length)]);
      if (r.nextBoolean()) {
        sb.append(' ');
      }
    }
    return sb.toString();
  }

  private static String valid(Random r) {
    return switch (r.nextInt(9)) {
      case 0 -> word(r);
      case 1 -> word(r) + " " + word(r);
      case 2 -> "\"" + word(r) + " " + word(r) + "\"";
      case 3 -> "\"" + word(r) + " " + word(r) + "\"~" + r.nextInt(5);
      case 4 -> word(r) + " AND date:[1987-0" + (2 + r.nextInt(7)) + "-01 TO *]";
      case 5 -> word(r).substring(0, 2) + "*";
      case 6 -> word(r) + "~" + (1 + r.nextInt(2));
      case 7 -> "(" + word(r) + " OR " + word(r) + ") NOT " + word(r);
      default -> "title:" + word(r) + " places:usa";
    };
  }

  private static String mutate(Random r, String q) {
    StringBuilder sb = new StringBuilder(q);
    int edits = 1 + r.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = sb.isEmpty() ? 0 : r.nextInt(sb.length() + 1);
      switch (r.nextInt(3)) {
        case 0 -> sb.insert(at, PIECES[r.nextInt(PIECES.length)]);
        case 1 -> {
          if (at < sb.length()) {
            sb.deleteCharAt(at);
          }
        }
        default -> {
          if (at < sb.length()) {
            sb.setCharAt(at, (char) r.nextInt(0x3000));
          }
        }
      }
    }
    return sb.toString();
  }

  private static String nested(Random r) {
    int depth = 1 + r.nextInt(300);
    String open = r.nextBoolean() ? "(" : "[";
    String close = r.nextInt(4) == 0 ? "" : ")";
    return open.repeat(depth) + word(r) + close.repeat(depth);
  }
}
