package org.dateline;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
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
 * on other threads) merge by label; a segment's labels are looked up once while it is open (see
 * {@link #labels}). Days are counted in one array per slice spanning the whole index's dates, added
 * to the table once, in {@link #reduce}. Each slice has its own {@link SliceCounter}; {@link
 * #reduce} adds them up.
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
      c.flushDays();
      total.addAll(c.counts);
    }
    return total;
  }

  /** Milliseconds per day. */
  private static final long DAY = 86_400_000L;

  /**
   * Widest span of days, from the index's first dated article to its last, counted in an array
   * (about 180 years; 256 KiB); in a wider index days are counted in the hash table directly.
   */
  private static final int MAX_DAY_ARRAY = 1 << 16;

  /** Counts the segments of one slice. */
  final class SliceCounter implements Collector {
    private final Counts counts;

    /** Whether {@link #days} was set up (on the first segment, from the whole index's dates). */
    private boolean daysReady;

    /** The epoch day that {@code days[0]} counts. */
    private long firstDay;

    /**
     * Per-day counts of this slice, indexed from {@link #firstDay}, added to the table in {@link
     * #flushDays}: a hash probe per hit, or per day and segment, costs more. Null when the
     * index's dates span more than {@link #MAX_DAY_ARRAY} days or there are none.
     */
    private int[] days;

    SliceCounter(Counts counts) {
      this.counts = counts;
    }

    /** Sets up the day array from the whole index's first and last date. */
    private void setUpDays(LeafReaderContext context) throws IOException {
      daysReady = true;
      IndexReader top = ReaderUtil.getTopLevelContext(context).reader();
      byte[] min = PointValues.getMinPackedValue(top, Fields.DATE);
      byte[] max = PointValues.getMaxPackedValue(top, Fields.DATE);
      if (min == null || max == null) {
        return;
      }
      firstDay = Math.floorDiv(LongPoint.decodeDimension(min, 0), DAY);
      long lastDay = Math.floorDiv(LongPoint.decodeDimension(max, 0), DAY);
      if (lastDay - firstDay < MAX_DAY_ARRAY) {
        days = new int[(int) (lastDay - firstDay + 1)];
      }
    }

    /** Adds the day array's counts to the table (once, after the last segment). */
    void flushDays() {
      if (days == null) {
        return;
      }
      for (int i = 0; i < days.length; i++) {
        if (days[i] != 0) {
          counts.days.add(firstDay + i, days[i]);
        }
      }
      days = null;
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
        segmentTerms[i] = new SegmentTerms(context.reader(), field, counts.terms.get(field));
      }
      SortedNumericDocValues dates =
          countDays ? DocValues.getSortedNumeric(context.reader(), Fields.DATE) : null;
      // LongField holds one value: read it as a single value when the codec says so
      NumericDocValues date = dates == null ? null : DocValues.unwrapSingleton(dates);
      if (dates != null && !daysReady) {
        setUpDays(context);
      }
      final long sliceFirstDay = firstDay;
      final int[] sliceDays = days;
      final int span = sliceDays == null ? 0 : sliceDays.length;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          for (int i = 0; i < segmentTerms.length; i++) {
            segmentTerms[i].collect(doc);
          }
          if (dates != null) {
            long millis;
            if (date != null) {
              if (!date.advanceExact(doc)) {
                counts.undated++;
                return;
              }
              millis = date.longValue();
            } else {
              if (!dates.advanceExact(doc)) {
                counts.undated++;
                return;
              }
              millis = dates.nextValue(); // the smallest value is the first
            }
            long day = Math.floorDiv(millis, DAY) - sliceFirstDay;
            if (day >= 0 && day < span) {
              sliceDays[(int) day]++;
            } else { // no array for this index (or, never, a value beyond its points)
              counts.days.add(day + sliceFirstDay, 1);
            }
          }
        }

        @Override
        public void finish() throws IOException {
          for (SegmentTerms t : segmentTerms) {
            t.finish();
          }
        }
      };
    }
  }

  /**
   * Labels of segments' ordinals by field, per open segment (its reader's cache key: a new one
   * after deletes or doc-values updates), filled as ordinals are first counted and dropped when
   * the segment's reader closes: looking a label up in the doc values (a terms-dictionary seek
   * and a new string) per value, segment and search was a tenth of a search with facets.
   */
  private static final Map<IndexReader.CacheKey, Map<String, String[]>> LABELS =
      new ConcurrentHashMap<>();

  /**
   * The label array of a segment's field, shared while the segment is open; a fresh one when the
   * reader has no cache key.
   */
  static String[] labels(LeafReader reader, String field, int valueCount) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return new String[valueCount];
    }
    IndexReader.CacheKey key = helper.getKey();
    Map<String, String[]> byField = LABELS.get(key);
    if (byField == null) {
      Map<String, String[]> fresh = new ConcurrentHashMap<>();
      byField = LABELS.putIfAbsent(key, fresh);
      if (byField == null) {
        byField = fresh;
        helper.addClosedListener(LABELS::remove);
      }
    }
    String[] labels = byField.computeIfAbsent(field, f -> new String[valueCount]);
    // the same reader has the same values; a mismatch would be a bug, never a wrong label
    return labels.length == valueCount ? labels : new String[valueCount];
  }

  /** One keyword field in one segment: counts by ordinal, labels at the end. */
  private static final class SegmentTerms {
    private final SortedSetDocValues values;
    private final SortedDocValues single;
    private final TermCounts into;
    private final int[] byOrd;
    private final String[] labels;

    SegmentTerms(LeafReader reader, String field, TermCounts into) throws IOException {
      this.values = DocValues.getSortedSet(reader, field);
      // a field with at most one value per article in this segment: its ordinal read directly
      this.single = DocValues.unwrapSingleton(values);
      this.into = into;
      int count = Math.toIntExact(values.getValueCount());
      this.byOrd = new int[count];
      this.labels = labels(reader, field, count);
    }

    void collect(int doc) throws IOException {
      if (single != null) {
        if (!single.advanceExact(doc)) {
          into.missing++;
          return;
        }
        byOrd[single.ordValue()]++;
        into.withValue++;
        return;
      }
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
          String label = labels[ord];
          if (label == null) {
            label = values.lookupOrd(ord).utf8ToString();
            labels[ord] = label;
          }
          into.byValue.merge(label, (long) byOrd[ord], Long::sum);
        }
      }
    }
  }
}
