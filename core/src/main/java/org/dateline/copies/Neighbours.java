package org.dateline.copies;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
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

  /**
   * How many stored articles were read back for comparison, in this JVM: what grouping costs
   * beyond the band lookups (tests check that exact copies are grouped without reading them).
   */
  static final java.util.concurrent.atomic.AtomicLong BODIES_READ =
      new java.util.concurrent.atomic.AtomicLong();

  static Member load(StoredFields stored, int doc) throws IOException {
    BODIES_READ.incrementAndGet();
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
    // Straight from the postings, not through a query: 64 term lookups per segment and a count
    // per document cost far less than building a 64-clause query for every article.
    BytesRef[] keys = MinHash.bandKeys(MinHash.signature(m.shingles()));
    java.util.Arrays.sort(keys);
    long w = window == null ? 0 : window.toMillis();
    List<Integer> out = new ArrayList<>();
    PostingsEnum postings = null;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(CopyFields.BANDS);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      Map<Integer, Integer> shared = new HashMap<>();
      for (BytesRef key : keys) {
        if (te.seekExact(key)) {
          postings = te.postings(postings, PostingsEnum.NONE);
          for (int d = postings.nextDoc();
              d != DocIdSetIterator.NO_MORE_DOCS;
              d = postings.nextDoc()) {
            shared.merge(d, 1, Integer::sum);
          }
        }
      }
      if (shared.isEmpty()) {
        continue;
      }
      int[] docs =
          shared.entrySet().stream()
              .filter(e -> e.getValue() >= minBands)
              .mapToInt(Map.Entry::getKey)
              .sorted()
              .toArray();
      Bits live = leaf.reader().getLiveDocs();
      SortedNumericDocValues dates = DocValues.getSortedNumeric(leaf.reader(), CopyFields.DATE);
      for (int d : docs) {
        int global = leaf.docBase + d;
        if (global == m.doc() || (live != null && !live.get(d))) {
          continue;
        }
        if (window != null) {
          boolean dated = dates.advanceExact(d);
          if (m.date() == null
              ? dated
              : !dated || Math.abs(dates.nextValue() - m.date()) > w) {
            continue;
          }
        }
        out.add(global);
        if (out.size() >= MAX_CANDIDATES) {
          return out;
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
