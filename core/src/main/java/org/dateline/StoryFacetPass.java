package org.dateline;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.dateline.copies.CopyFields;

/**
 * Facet counts by story rather than by article: the articles of one copy group count once.
 *
 * <p>A keyword value counts the stories having at least one matching article with that value (a
 * wire story run by three outlets counts once for each outlet, and once, not three times, for a
 * topic). Date buckets count each story once, in the bucket of its earliest matching article: where
 * the story first appeared. Memory is one set entry per distinct (value, story) among the matches.
 */
final class StoryFacetPass {
  private StoryFacetPass() {}

  /** What a pass found: per field, the stories by value, and the stories with no value. */
  static final class Stories {
    final Map<String, Map<String, Set<Long>>> byValue = new HashMap<>();
    final Map<String, Set<Long>> withoutValue = new HashMap<>();

    /** Each story's earliest matching day (epoch day); stories with no dated article are absent. */
    final Map<Long, Long> firstDay = new HashMap<>();

    /** Every story among the matches. */
    final Set<Long> all = new HashSet<>();
  }

  static Stories run(IndexSearcher searcher, Query query, List<String> termFields, boolean dates)
      throws IOException {
    Stories out = new Stories();
    for (String f : termFields) {
      out.byValue.put(f, new HashMap<>());
      out.withoutValue.put(f, new HashSet<>());
    }
    Weight weight =
        searcher.createWeight(
            searcher.rewrite(new ConstantScoreQuery(query)), ScoreMode.COMPLETE_NO_SCORES, 1);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      NumericDocValues keys = leaf.reader().getNumericDocValues(CopyFields.KEY);
      SortedSetDocValues[] values = new SortedSetDocValues[termFields.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = DocValues.getSortedSet(leaf.reader(), termFields.get(i));
      }
      SortedNumericDocValues days =
          dates ? DocValues.getSortedNumeric(leaf.reader(), Fields.DATE) : null;
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = scorer.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if (live != null && !live.get(d)) {
          continue;
        }
        long key =
            keys != null && keys.advanceExact(d) ? keys.longValue() : ~(long) (leaf.docBase + d);
        out.all.add(key);
        for (int i = 0; i < values.length; i++) {
          String field = termFields.get(i);
          if (values[i].advanceExact(d)) {
            for (int k = 0; k < values[i].docValueCount(); k++) {
              String v = values[i].lookupOrd(values[i].nextOrd()).utf8ToString();
              out.byValue.get(field).computeIfAbsent(v, x -> new HashSet<>()).add(key);
            }
          } else {
            out.withoutValue.get(field).add(key);
          }
        }
        if (days != null && days.advanceExact(d)) {
          long day = Math.floorDiv(days.nextValue(), 86_400_000L);
          out.firstDay.merge(key, day, Math::min);
        }
      }
    }
    return out;
  }
}
