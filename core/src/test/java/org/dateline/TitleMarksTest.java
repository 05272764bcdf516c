package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * {@link TitleMarks} gives every title exactly the marks the unified highlighter gives it, on
 * Reuters-21578 (a multi-segment index), for seeded random queries of every kind it accepts:
 * words, phrases (one span each), sloppy phrases, OR, NOT, wildcards, field prefixes, date terms;
 * with offsets from the postings and with offsets from re-analysis (an index without offsets).
 * Queries whose meaning depends on the segment (fuzzy terms, source names) are left to the
 * highlighter.
 */
class TitleMarksTest {
  private static final long SEED = Long.getLong("dateline.titlemarks.seed", 20261127L);
  private static final int QUERIES = 1_500;

  @Test
  void marksEveryTitleAsTheHighlighterDoes() throws IOException {
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
        ScoreDoc[] top = searcher.search(query, 10).scoreDocs;
        int[] docIds = new int[top.length];
        Map<Integer, Document> stored = new HashMap<>();
        for (int i = 0; i < top.length; i++) {
          docIds[i] = top[i].doc;
          stored.put(docIds[i], searcher.storedFields().document(docIds[i]));
        }
        Highlighting.Highlights[] expected =
            Highlighting.highlight(searcher, indexAnalyzer, query, docIds, 0, 160, stored, false);
        Snippet[] fromPostings =
            TitleMarks.mark(
                searcher, indexAnalyzer, query, docIds, stored, Highlighting.MAX_ANALYZED_CHARS, true);
        Snippet[] reanalyzed =
            TitleMarks.mark(
                searcher, indexAnalyzer, query, docIds, stored, Highlighting.MAX_ANALYZED_CHARS, false);
        if (fromPostings == null) {
          assertNull(reanalyzed);
          continue;
        }
        for (int i = 0; i < docIds.length; i++) {
          String where = "query " + text + " (seed " + SEED + "), doc " + docIds[i];
          assertEquals(expected[i].title(), fromPostings[i], where + ", offsets from postings");
          assertEquals(expected[i].title(), reanalyzed[i], where + ", offsets from re-analysis");
          compared++;
          Snippet title = fromPostings[i];
          if (title != null && !title.spans().isEmpty()) {
            marked++;
            if (title.spans().stream()
                .anyMatch(s -> title.text().substring(s.start(), s.end()).contains(" "))) {
              phrases++;
            }
          }
        }
      }
      // the comparison covered marked titles and phrases marked as one span, not only empty ones;
      // how many phrase hits reach a top ten depends on how ties fall in the shared index's
      // segments (written by two threads), so the phrase floor leaves room: 20 to 30 are seen
      assertTrue(compared > 5_000, "compared " + compared);
      assertTrue(marked > 1_000, "marked " + marked);
      assertTrue(phrases >= 10, "phrases " + phrases);
    }
  }

  @Test
  void leavesSegmentDependentQueriesToTheHighlighter() throws IOException {
    Analyzer analyzer = NewsQueryParser.analyzer(TextAnalysis.NEWS);
    for (String q : List.of("oil~", "warrent~1 AND oil", "source:reuters oil")) {
      Query query = NewsQueryParser.parse(q, analyzer, Set.of(), true).query();
      assertTrue(!TitleMarks.readerIndependent(query), q);
    }
    for (String q : List.of("oil", "\"oil prices\" -gas", "pri* OR \"crude oil\"~2", "title:oil")) {
      Query query = NewsQueryParser.parse(q, analyzer, Set.of(), true).query();
      assertTrue(TitleMarks.readerIndependent(query), q);
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
