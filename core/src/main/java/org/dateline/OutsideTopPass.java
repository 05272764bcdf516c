package org.dateline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Counts, per multi-valued keyword field, the matching articles that have values but none among
 * the listed top values: a facet's {@code otherCount}.
 *
 * <p>For a single-valued field that number follows from the first pass (articles with a value
 * minus the top values' counts). An article with several values may hold a top value and others
 * too, so it takes a second look once the top values are known: one more pass over the same
 * query, reading doc values per hit like the first.
 */
final class OutsideTopPass
    implements CollectorManager<OutsideTopPass.SliceCounter, Map<String, Long>> {
  private final Map<String, Set<String>> topByField;

  /**
   * @param topByField per field, the values listed in its facet
   */
  OutsideTopPass(Map<String, Set<String>> topByField) {
    this.topByField = Map.copyOf(topByField);
  }

  @Override
  public SliceCounter newCollector() {
    return new SliceCounter();
  }

  @Override
  public Map<String, Long> reduce(Collection<SliceCounter> collectors) {
    Map<String, Long> total = new HashMap<>();
    for (String field : topByField.keySet()) {
      total.put(field, 0L);
    }
    for (SliceCounter c : collectors) {
      c.outside.forEach((field, n) -> total.merge(field, n, Long::sum));
    }
    return total;
  }

  /** Counts the segments of one slice. */
  final class SliceCounter implements Collector {
    private final Map<String, Long> outside = new HashMap<>();

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      List<String> fields = new ArrayList<>(topByField.keySet());
      SortedSetDocValues[] values = new SortedSetDocValues[fields.size()];
      FixedBitSet[] topOrds = new FixedBitSet[fields.size()];
      long[] counts = new long[fields.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = DocValues.getSortedSet(context.reader(), fields.get(i));
        topOrds[i] = new FixedBitSet(Math.toIntExact(Math.max(1, values[i].getValueCount())));
        for (String top : topByField.get(fields.get(i))) {
          long ord = values[i].lookupTerm(new BytesRef(top));
          if (ord >= 0) {
            topOrds[i].set((int) ord);
          }
        }
      }
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          for (int i = 0; i < values.length; i++) {
            if (values[i].advanceExact(doc) && noneSet(values[i], topOrds[i])) {
              counts[i]++;
            }
          }
        }

        @Override
        public void finish() {
          for (int i = 0; i < counts.length; i++) {
            outside.merge(fields.get(i), counts[i], Long::sum);
          }
        }
      };
    }
  }

  private static boolean noneSet(SortedSetDocValues values, FixedBitSet ords) throws IOException {
    for (int i = 0, n = values.docValueCount(); i < n; i++) {
      if (ords.get((int) values.nextOrd())) {
        return false;
      }
    }
    return true;
  }
}
