package org.dateline;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * One counting pass over the articles a query matches: per keyword field, how many have each
 * value; per UTC day, how many are dated that day.
 *
 * <p>Each matching document's doc values are read as it is collected; nothing per hit is kept.
 * Keyword values are counted by segment ordinal into an array sized by the segment's number of
 * distinct values, and turned into labels once the segment is done, so segments (and slices run
 * on other threads) merge by label. Each slice has its own {@link SliceCounter}; {@link #reduce}
 * adds them up.
 */
final class FacetPass implements CollectorManager<FacetPass.SliceCounter, FacetPass.Counts> {
  private final List<String> termFields;
  private final boolean countDays;

  /**
   * @param termFields keyword fields (sorted-set doc values) to count by value
   * @param countDays whether to count the {@link Fields#DATE} field by day
   */
  FacetPass(Collection<String> termFields, boolean countDays) {
    this.termFields = List.copyOf(termFields);
    this.countDays = countDays;
  }

  /** The pass that counts these dimensions. */
  static FacetPass of(List<FacetEngine.Dimension> dimensions) {
    List<String> termFields = new java.util.ArrayList<>();
    boolean dates = false;
    for (FacetEngine.Dimension d : dimensions) {
      if (d.isDate()) {
        dates = true;
      } else {
        termFields.add(d.name());
      }
    }
    return new FacetPass(termFields, dates);
  }

  /** What one keyword field's values counted. */
  static final class TermCounts {
    /** Matching articles per value, by value as written. */
    final Map<String, Long> byValue = new HashMap<>();

    /** Matching articles with at least one value. */
    long withValue;

    /** Matching articles with none. */
    long missing;

    /** Whether some matching article had more than one value. */
    boolean multiValued;

    void addAll(TermCounts other) {
      other.byValue.forEach((value, n) -> byValue.merge(value, n, Long::sum));
      withValue += other.withValue;
      missing += other.missing;
      multiValued |= other.multiValued;
    }
  }

  /** The counts of a pass. */
  static final class Counts {
    /** Per keyword field. */
    final Map<String, TermCounts> terms = new LinkedHashMap<>();

    /** Dated matching articles per UTC day. */
    final DayCounts days = new DayCounts();

    /** Matching articles without a date. */
    long undated;

    Counts(List<String> termFields) {
      for (String field : termFields) {
        terms.put(field, new TermCounts());
      }
    }

    void addAll(Counts other) {
      other.terms.forEach((field, counts) -> terms.get(field).addAll(counts));
      days.addAll(other.days);
      undated += other.undated;
    }
  }

  @Override
  public SliceCounter newCollector() {
    return new SliceCounter(new Counts(termFields));
  }

  @Override
  public Counts reduce(Collection<SliceCounter> collectors) {
    Counts total = new Counts(termFields);
    for (SliceCounter c : collectors) {
      total.addAll(c.counts);
    }
    return total;
  }

  /** Milliseconds per day. */
  private static final long DAY = 86_400_000L;

  /**
   * Widest span of days, from a segment's first dated article to its last, counted in an array
   * (about 180 years; 256 KiB); a wider segment is counted in the hash table directly.
   */
  private static final int MAX_DAY_ARRAY = 1 << 16;

  /** Counts the segments of one slice. */
  final class SliceCounter implements Collector {
    private final Counts counts;

    /** Per-day counts of the segment being collected, all zero between segments. */
    private int[] days = new int[0];

    private int[] dayArray(int length) {
      if (days.length < length) {
        days = new int[length];
      }
      return days;
    }

    SliceCounter(Counts counts) {
      this.counts = counts;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      // An array, not a list: an iterator per hit is garbage until the JIT removes it.
      SegmentTerms[] segmentTerms = new SegmentTerms[termFields.size()];
      for (int i = 0; i < segmentTerms.length; i++) {
        String field = termFields.get(i);
        segmentTerms[i] =
            new SegmentTerms(
                DocValues.getSortedSet(context.reader(), field), counts.terms.get(field));
      }
      SortedNumericDocValues dates =
          countDays ? DocValues.getSortedNumeric(context.reader(), Fields.DATE) : null;
      // Days are counted into an array indexed from the segment's first day (its points know the
      // span) and added to the table once the segment is done: a hash probe per hit costs more.
      long firstDay = 0;
      int span = 0;
      int[] byDay = null;
      if (dates != null) {
        PointValues points = context.reader().getPointValues(Fields.DATE);
        if (points != null && points.getDocCount() > 0) {
          firstDay = Math.floorDiv(LongPoint.decodeDimension(points.getMinPackedValue(), 0), DAY);
          long lastDay = Math.floorDiv(LongPoint.decodeDimension(points.getMaxPackedValue(), 0), DAY);
          if (lastDay - firstDay < MAX_DAY_ARRAY) {
            span = (int) (lastDay - firstDay + 1);
            byDay = dayArray(span);
          }
        }
      }
      final long segmentFirstDay = firstDay;
      final int segmentSpan = span;
      final int[] segmentDays = byDay;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          for (int i = 0; i < segmentTerms.length; i++) {
            segmentTerms[i].collect(doc);
          }
          if (dates != null) {
            if (dates.advanceExact(doc)) {
              // LongField holds one value; the smallest is the first.
              long day = Math.floorDiv(dates.nextValue(), DAY) - segmentFirstDay;
              if (day >= 0 && day < segmentSpan) {
                segmentDays[(int) day]++;
              } else { // no array for this segment (or, never, a value beyond its points)
                day += segmentFirstDay;
                counts.days.add(day, 1);
              }
            } else {
              counts.undated++;
            }
          }
        }

        @Override
        public void finish() throws IOException {
          for (SegmentTerms t : segmentTerms) {
            t.finish();
          }
          if (segmentDays != null) {
            for (int i = 0; i < segmentSpan; i++) {
              if (segmentDays[i] != 0) {
                counts.days.add(segmentFirstDay + i, segmentDays[i]);
                segmentDays[i] = 0; // the array serves the slice's next segment
              }
            }
          }
        }
      };
    }
  }

  /** One keyword field in one segment: counts by ordinal, labels at the end. */
  private static final class SegmentTerms {
    private final SortedSetDocValues values;
    private final TermCounts into;
    private final int[] byOrd;

    SegmentTerms(SortedSetDocValues values, TermCounts into) {
      this.values = values;
      this.into = into;
      this.byOrd = new int[Math.toIntExact(values.getValueCount())];
    }

    void collect(int doc) throws IOException {
      if (!values.advanceExact(doc)) {
        into.missing++;
        return;
      }
      int n = values.docValueCount();
      for (int i = 0; i < n; i++) {
        byOrd[(int) values.nextOrd()]++;
      }
      into.withValue++;
      if (n > 1) {
        into.multiValued = true;
      }
    }

    void finish() throws IOException {
      for (int ord = 0; ord < byOrd.length; ord++) {
        if (byOrd[ord] > 0) {
          into.byValue.merge(values.lookupOrd(ord).utf8ToString(), (long) byOrd[ord], Long::sum);
        }
      }
    }
  }
}
