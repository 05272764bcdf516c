package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/**
 * Body snippets from the index's own matches ({@link IndexMatchesStrategy}) are exactly the
 * snippets the unified highlighter makes from an in-memory index of each hit, on Reuters-21578 (a
 * multi-segment index without offsets), for seeded random queries of every kind {@link
 * TitleMarks} accepts: words, phrases (one span each), sloppy phrases, OR, NOT, wildcards, field
 * prefixes, date terms.
 */
class IndexMatchesStrategyTest {
  private static final long SEED = Long.getLong("dateline.bodymatches.seed", 20261127L);
  private static final int QUERIES = 1_500;

  @Test
  void snippetsAreTheHighlightersOwn() throws IOException {
    assumeTrue(SharedReutersIndex.available(), "Reuters-21578 not found: test skipped");
    try (Directory dir = FSDirectory.open(SharedReutersIndex.path());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      assertTrue(reader.leaves().size() > 1, "a multi-segment index is the point");
      IndexSearcher searcher = new IndexSearcher(reader);
      TextAnalysis analysis = NewsIndex.analysisOf(reader.getIndexCommit().getUserData());
      Analyzer queryAnalyzer = NewsQueryParser.analyzer(analysis);
      Analyzer indexAnalyzer = NewsIndex.analyzer(analysis);
      List<String> words = vocabulary(searcher, queryAnalyzer);
      Random random = new Random(SEED);
      int compared = 0;
      int marked = 0;
      int phrases = 0;
      for (int n = 0; n < QUERIES; n++) {
        String text = query(random, words);
        Query query;
        try {
          query =
              NewsQueryParser.parse(text, queryAnalyzer, Set.of(), analysis.dropsFunctionWords())
                  .query();
        } catch (InvalidQueryException e) {
          continue;
        }
        if (!TitleMarks.readerIndependent(query)) {
          continue;
        }
        ScoreDoc[] top = searcher.search(query, 10).scoreDocs;
        int[] docIds = new int[top.length];
        Map<Integer, Document> stored = new HashMap<>();
        for (int i = 0; i < top.length; i++) {
          docIds[i] = top[i].doc;
          stored.put(docIds[i], searcher.storedFields().document(docIds[i]));
        }
        // false: the highlighter alone, its in-memory index per hit; true: the index's matches
        Highlighting.Highlights[] expected =
            Highlighting.highlight(searcher, indexAnalyzer, query, docIds, 2, 160, stored, false);
        Highlighting.Highlights[] actual =
            Highlighting.highlight(searcher, indexAnalyzer, query, docIds, 2, 160, stored, true);
        for (int i = 0; i < docIds.length; i++) {
          String where = "query " + text + " (seed " + SEED + "), doc " + docIds[i];
          assertEquals(expected[i].snippets(), actual[i].snippets(), where);
          assertEquals(expected[i].title(), actual[i].title(), where + ", title");
          compared++;
          for (Snippet s : actual[i].snippets()) {
            if (!s.spans().isEmpty()) {
              marked++;
              if (s.matchedTexts().stream().anyMatch(m -> m.contains(" "))) {
                phrases++;
              }
            }
          }
        }
      }
      // the comparison covered marked snippets and phrases marked as one span, not only empty ones
      assertTrue(compared > 5_000, "compared " + compared);
      assertTrue(marked > 3_000, "marked " + marked);
      assertTrue(phrases >= 50, "phrases " + phrases);
    }
  }

  /** Words, and pairs of words, of the titles of hits for a few common words. */
  private static List<String> vocabulary(IndexSearcher searcher, Analyzer analyzer)
      throws IOException {
    Set<String> words = new LinkedHashSet<>();
    for (String seed : List.of("oil", "bank", "trade", "prices", "rate", "japan")) {
      Query q = NewsQueryParser.parse(seed, analyzer, Set.of(), true).query();
      for (ScoreDoc sd : searcher.search(q, 40).scoreDocs) {
        String title = searcher.storedFields().document(sd.doc).get(Fields.TITLE);
        String[] ws = title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        for (int i = 0; i < ws.length; i++) {
          if (ws[i].length() > 1) {
            words.add(ws[i]);
            if (i + 1 < ws.length && ws[i + 1].length() > 1) {
              words.add(ws[i] + " " + ws[i + 1]); // a pair from a title: phrases that match
            }
          }
        }
      }
    }
    return new ArrayList<>(words);
  }

  private static String query(Random r, List<String> words) {
    String a = words.get(r.nextInt(words.size()));
    String b = words.get(r.nextInt(words.size()));
    String c = words.get(r.nextInt(words.size()));
    return switch (r.nextInt(11)) {
      case 0 -> a;
      case 1 -> a + " " + b;
      case 2 -> "\"" + a + " " + b + "\"";
      case 3 -> "\"" + a + " " + b + "\"~3";
      case 4 -> a + " OR " + b + " OR " + c;
      case 5 -> a + " -" + b;
      case 6 -> (a.length() > 3 ? a.substring(0, 3) : a) + "*";
      case 7 -> "title:" + a + " " + b;
      case 8 -> "\"" + a + " " + b + " " + c + "\" OR " + a;
      case 9 -> "(" + a + " AND " + b + ") OR " + c + " date:1987";
      default -> "\"" + b + " " + a + "\"~4 " + c;
    };
  }
}
