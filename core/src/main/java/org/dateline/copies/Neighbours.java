package org.dateline.copies;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/** Reads articles for comparison and finds their LSH candidates in an index. */
final class Neighbours {
  private Neighbours() {}

  /**
   * More candidates than this for one article means its text is boilerplate shared by very many
   * articles; only the first ones by document order are compared, so that one such article cannot
   * stall a commit.
   */
  static final int MAX_CANDIDATES = 5_000;

  private static final Set<String> LOADED =
      Set.of(CopyFields.ID, CopyFields.BODY, CopyFields.DATE, CopyFields.SOURCE);

  /** One article as copy detection sees it. */
  record Member(int doc, String id, Long date, String source, long[] shingles) {}

  static Member load(StoredFields stored, int doc) throws IOException {
    Document d = stored.document(doc, LOADED);
    IndexableField date = d.getField(CopyFields.DATE);
    String source = d.get(CopyFields.SOURCE);
    return new Member(
        doc,
        d.get(CopyFields.ID),
        date == null ? null : date.numericValue().longValue(),
        source == null ? "" : source,
        Shingles.of(d.get(CopyFields.BODY)));
  }

  /**
   * The live documents sharing at least {@code minBands} band keys with an article, itself
   * excluded, in document order.
   *
   * @param minBands see {@link MinHash#minBands(double)}
   * @param window only articles dated at most this far from the article's date (undated: only
   *     undated ones); null for any date
   */
  static List<Integer> candidates(
      IndexSearcher searcher, Member m, int minBands, Duration window) throws IOException {
    if (m.shingles().length == 0) {
      return List.of();
    }
    BytesRef[] keys = MinHash.bandKeys(MinHash.signature(m.shingles()));
    Query q;
    if (minBands <= 1) {
      q = new TermInSetQuery(CopyFields.BANDS, List.of(keys)); // any band: one term set
    } else {
      BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(minBands);
      for (BytesRef key : keys) {
        b.add(new TermQuery(new Term(CopyFields.BANDS, key)), BooleanClause.Occur.SHOULD);
      }
      q = b.build();
    }
    if (window != null) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
      if (m.date() != null) {
        long w = window.toMillis();
        b.add(
            LongField.newRangeQuery(CopyFields.DATE, m.date() - w, m.date() + w),
            BooleanClause.Occur.FILTER);
      } else {
        b.add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.FILTER);
        b.add(new FieldExistsQuery(CopyFields.DATE), BooleanClause.Occur.MUST_NOT);
      }
      q = b.build();
    }
    IndexReader reader = searcher.getIndexReader();
    Weight weight =
        searcher.createWeight(
            searcher.rewrite(new ConstantScoreQuery(q)), ScoreMode.COMPLETE_NO_SCORES, 1);
    List<Integer> out = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = scorer.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        int global = leaf.docBase + d;
        if ((live == null || live.get(d)) && global != m.doc()) {
          out.add(global);
          if (out.size() >= MAX_CANDIDATES) {
            return out;
          }
        }
      }
    }
    return out;
  }

  /** Exact Jaccard similarity of two shingle sets; 0 when either is empty. */
  static double jaccard(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int shared = Shingles.shared(a, b);
    return (double) shared / (a.length + b.length - shared);
  }

  /** Whether two articles' dates are within the window (undated pairs only with undated). */
  static boolean withinWindow(Member a, Member b, Duration window) {
    if (a.date() == null || b.date() == null) {
      return a.date() == null && b.date() == null;
    }
    return Math.abs(a.date() - b.date()) <= window.toMillis();
  }
}
