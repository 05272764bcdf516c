package org.dateline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * RM3 query expansion ({@link Rm3}): runs the query once, estimates a relevance model from its best
 * articles and returns the query mixed with it. The articles' words come from their stored title
 * and body, analyzed as they were indexed (the index keeps no term vectors).
 *
 * <p>Two choices follow Anserini's RM3 where Dateline's defaults differ from Anserini's, because
 * RM3's parameters ({@link Rm3#DEFAULT}) were set with Anserini's. The feedback run ranks with
 * Anserini's BM25 ({@link #FEEDBACK_RANKING}, k1 0.9, b 0.4) whatever the searcher's: Lucene's b
 * 0.75 favours the shortest articles, which have the fewest words to learn from, and each feedback
 * article's words weigh its score. The words of the expanded query weigh the same in title and body:
 * the relevance model is estimated over each article as one text, as Anserini's one text field, so
 * a title match counts once. On CACM with Dateline's defaults, MAP with expansion went from 0.3381
 * to 0.3618 with the second change alone and to 0.3664 with both (see {@code
 * CacmReproductionTest}); with Anserini's settings, where there is no title and the searcher
 * already ranks with k1 0.9 b 0.4, neither changes anything.
 */
final class QueryExpansion {
  private QueryExpansion() {}

  /** Feedback words shorter than this are left out. */
  static final int MIN_WORD_LENGTH = 2;

  /** Feedback words longer than this are left out. */
  static final int MAX_WORD_LENGTH = 20;

  /** Feedback words in a larger share of the articles than this are left out, as Anserini does. */
  static final double MAX_DOC_SHARE = 0.1;

  /** The BM25 parameters of the feedback run, Anserini's, with which RM3's were set. */
  static final Bm25 FEEDBACK_RANKING = Bm25.ANSERINI;

  private static final BM25Similarity FEEDBACK_SIMILARITY =
      new BM25Similarity(FEEDBACK_RANKING.k1(), FEEDBACK_RANKING.b());

  /**
   * Expands a query.
   *
   * @param searcher the index
   * @param indexAnalyzer the analyzer the index was written with, to re-analyze stored text
   * @param original the parsed query
   * @param queryWords the query's own index words and their weights (any scale); empty for none
   * @param anyWord whether the query is plain words ({@link SearchRequest#anyWord()}): the
   *     expanded query is then the weighted words alone, else the original query stays required
   * @param filtered the original query with the request's filters, for the first run
   * @param rm3 the parameters
   * @return the expanded query, or {@code original} when there is nothing to learn from
   * @throws IOException when the index cannot be read
   */
  static Query expand(
      IndexSearcher searcher,
      Analyzer indexAnalyzer,
      Query original,
      Map<String, ? extends Number> queryWords,
      boolean anyWord,
      Query filtered,
      Rm3 rm3)
      throws IOException {
    if (queryWords.isEmpty() || original instanceof MatchAllDocsQuery) {
      return original;
    }
    IndexSearcher feedbackSearcher = new IndexSearcher(searcher.getIndexReader());
    feedbackSearcher.setSimilarity(FEEDBACK_SIMILARITY);
    TopFieldDocs top =
        feedbackSearcher.search(
            filtered,
            new TopFieldCollectorManager(
                NewsSearcher.sort(SortOrder.RELEVANCE), rm3.feedbackDocs(), null, 1));
    if (top.scoreDocs.length == 0) {
      return original;
    }
    Map<String, Double> model =
        relevanceModel(feedbackSearcher, indexAnalyzer, top.scoreDocs, rm3);
    Map<String, Double> query = unitSum(queryWords);
    double w = rm3.originalQueryWeight();
    Map<String, Double> mixed = new LinkedHashMap<>();
    query.forEach((t, p) -> mixed.merge(t, w * p, Double::sum));
    model.forEach((t, p) -> mixed.merge(t, (1 - w) * p, Double::sum));
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (anyWord) {
      addWords(b, mixed);
    } else {
      // The original query stays whole and required: phrases, required and excluded words keep
      // deciding what matches. Its score stands for its words, each weighing 1/n as in the model.
      b.add(new BoostQuery(original, (float) (w / query.size())), BooleanClause.Occur.MUST);
      Map<String, Double> feedback = new LinkedHashMap<>();
      model.forEach((t, p) -> feedback.put(t, (1 - w) * p));
      addWords(b, feedback);
    }
    return b.build();
  }

  /**
   * The title and body words a parsed query looks for, excluded ones aside, each weighing 1: the
   * query words of a query in syntax.
   *
   * @param query the parsed query
   * @return the words in order of appearance
   */
  static Map<String, Integer> wordsOf(Query query) {
    Set<String> words = new LinkedHashSet<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            return field.equals(Fields.TITLE) || field.equals(Fields.BODY);
          }

          @Override
          public void consumeTerms(Query q, Term... terms) {
            for (Term t : terms) {
              words.add(t.text());
            }
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
          }
        });
    Map<String, Integer> out = new LinkedHashMap<>();
    words.forEach(t -> out.put(t, 1));
    return out;
  }

  /** The feedback words of the best articles with their weights, summing to 1. */
  private static Map<String, Double> relevanceModel(
      IndexSearcher searcher, Analyzer analyzer, ScoreDoc[] best, Rm3 rm3) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    StoredFields stored = searcher.storedFields();
    Map<String, Boolean> common = new HashMap<>();
    List<Map<String, Integer>> docs = new ArrayList<>();
    for (ScoreDoc hit : best) {
      Document doc = stored.document(hit.doc, Set.of(Fields.TITLE, Fields.BODY));
      Map<String, Integer> counts = new HashMap<>();
      count(analyzer, Fields.TITLE, doc.get(Fields.TITLE), counts);
      count(analyzer, Fields.BODY, doc.get(Fields.BODY), counts);
      counts
          .keySet()
          .removeIf(t -> !candidate(t) || common.computeIfAbsent(t, x -> isCommon(reader, x)));
      docs.add(top(counts, rm3.feedbackTerms()));
    }
    Map<String, Double> weights = new HashMap<>();
    for (int i = 0; i < best.length; i++) {
      Map<String, Integer> doc = docs.get(i);
      double norm = doc.values().stream().mapToInt(Integer::intValue).sum();
      if (norm == 0) {
        continue;
      }
      double score = scoreOf(best[i]);
      doc.forEach((t, n) -> weights.merge(t, n / norm * score, Double::sum));
    }
    return unitSum(top(weights, rm3.feedbackTerms()));
  }

  private static void count(Analyzer analyzer, String field, String text, Map<String, Integer> to)
      throws IOException {
    if (text == null || text.isEmpty()) {
      return;
    }
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        to.merge(term.toString(), 1, Integer::sum);
      }
      ts.end();
    }
  }

  /** A word fit for feedback: 2 to 20 characters, letters and digits only. */
  private static boolean candidate(String t) {
    if (t.length() < MIN_WORD_LENGTH || t.length() > MAX_WORD_LENGTH) {
      return false;
    }
    return t.codePoints().allMatch(Character::isLetterOrDigit);
  }

  /** In more than {@link #MAX_DOC_SHARE} of the articles' titles or bodies. */
  private static boolean isCommon(IndexReader reader, String t) {
    try {
      int df =
          Math.max(
              reader.docFreq(new Term(Fields.TITLE, t)), reader.docFreq(new Term(Fields.BODY, t)));
      return df > MAX_DOC_SHARE * reader.numDocs();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double scoreOf(ScoreDoc d) {
    // sorted by relevance: the score is the first sort value
    return d instanceof org.apache.lucene.search.FieldDoc fd && fd.fields[0] instanceof Float f
        ? f
        : d.score;
  }

  /** The {@code n} heaviest entries, ties broken by word so that the result is repeatable. */
  private static <N extends Number> Map<String, N> top(Map<String, N> weights, int n) {
    List<Map.Entry<String, N>> entries = new ArrayList<>(weights.entrySet());
    entries.sort(
        Comparator.comparingDouble((Map.Entry<String, N> e) -> e.getValue().doubleValue())
            .reversed()
            .thenComparing(Map.Entry::getKey));
    Map<String, N> out = new LinkedHashMap<>();
    for (Map.Entry<String, N> e : entries.subList(0, Math.min(n, entries.size()))) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  private static Map<String, Double> unitSum(Map<String, ? extends Number> weights) {
    double sum = weights.values().stream().mapToDouble(Number::doubleValue).sum();
    Map<String, Double> out = new LinkedHashMap<>();
    if (sum > 0) {
      weights.forEach((t, v) -> out.put(t, v.doubleValue() / sum));
    }
    return out;
  }

  /**
   * Each word as a title clause and a body clause of the same weight: the relevance model counts
   * an article's words in title and body alike (see the class comment).
   */
  private static void addWords(BooleanQuery.Builder b, Map<String, Double> words) {
    List<String> sorted = new ArrayList<>(words.keySet());
    sorted.sort(null); // the same query, whatever order the words were found in
    for (String t : sorted) {
      float w = (float) (double) words.get(t);
      if (w <= 0) {
        continue;
      }
      b.add(
          new BoostQuery(new TermQuery(new Term(Fields.TITLE, t)), w),
          BooleanClause.Occur.SHOULD);
      b.add(new BoostQuery(new TermQuery(new Term(Fields.BODY, t)), w), BooleanClause.Occur.SHOULD);
    }
  }
}
