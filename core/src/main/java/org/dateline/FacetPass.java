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

    /** Counts by global ordinal of {@link #ordinals}, folded into {@link #byValue} at the end. */
    private long[] byGlobal;

    private GlobalOrdinals ordinals;

    /**
     * Adds one segment's counts by ordinal: {@code byOrd[from + ord]} articles have the segment's
     * ordinal {@code ord}. Through the index's global ordinals when there are, else by label.
     */
    void addSegment(
        LeafReaderContext context,
        String field,
        int[] byOrd,
        int from,
        SortedSetDocValues values,
        String[] labels)
        throws IOException {
      GlobalOrdinals global = GlobalOrdinals.of(context, field);
      if (global != null && (ordinals == null || ordinals == global)) {
        if (ordinals == null) {
          ordinals = global;
          byGlobal = new long[global.valueCount()];
        }
        int[] toGlobal = global.toGlobal(context.ord);
        for (int ord = 0; ord < byOrd.length - from; ord++) {
          byGlobal[toGlobal[ord]] += byOrd[from + ord];
        }
        return;
      }
      for (int ord = 0; ord < byOrd.length - from; ord++) {
        int n = byOrd[from + ord];
        if (n > 0) {
          String label = labels[ord];
          if (label == null) {
            label = values.lookupOrd(ord).utf8ToString();
            labels[ord] = label;
          }
          byValue.merge(label, (long) n, Long::sum);
        }
      }
    }

    /** Moves the counts by global ordinal into {@link #byValue}. */
    void fold() throws IOException {
      if (byGlobal == null) {
        return;
      }
      for (int g = 0; g < byGlobal.length; g++) {
        if (byGlobal[g] > 0) {
          byValue.merge(ordinals.label(g), byGlobal[g], Long::sum);
        }
      }
      byGlobal = null;
      ordinals = null;
    }

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
  public Counts reduce(Collection<SliceCounter> collectors) throws IOException {
    Counts total = new Counts(termFields);
    for (SliceCounter c : collectors) {
      c.flushDays();
      for (TermCounts t : c.counts.terms.values()) {
        t.fold();
      }
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

    /** The epoch day that {@code days[1]} counts. */
    private long firstDay;

    /**
     * Per-day counts of this slice, {@code days[1 + i]} for {@link #firstDay} + i, and the undated
     * matches of segments counted from a {@link SourceDayColumn} in {@code days[0]}, added to the
     * table in {@link #flushDays}: a hash probe per hit, or per day and segment, costs more. Null
     * when the index's dates span more than {@link #MAX_DAY_ARRAY} days or there are none.
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
        days = new int[(int) (lastDay - firstDay + 2)];
      }
    }

    /** Adds the day array's counts to the table (once, after the last segment). */
    void flushDays() {
      if (days == null) {
        return;
      }
      counts.undated += days[0];
      counts.days.addRun(firstDay, days, 1, days.length);
      days = null;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafReader reader = context.reader();
      if (countDays && !daysReady) {
        setUpDays(context);
      }
      boolean source = termFields.contains(Fields.SOURCE);
      SourceDayColumn column =
          (source || countDays) && (!countDays || days != null)
              ? SourceDayColumn.of(reader)
              : null;
      // An array, not a list: an iterator per hit is garbage until the JIT removes it.
      SegmentTerms[] segmentTerms =
          new SegmentTerms[termFields.size() - (column != null && source ? 1 : 0)];
      int t = 0;
      for (String field : termFields) {
        if (column == null || !field.equals(Fields.SOURCE)) {
          segmentTerms[t++] = new SegmentTerms(context, field, counts.terms.get(field));
        }
      }
      if (column != null) {
        return new ColumnCollector(
            column,
            segmentTerms,
            source ? new ColumnSources(context, column, counts.terms.get(Fields.SOURCE)) : null,
            countDays ? days : null,
            firstDay);
      }
      SortedNumericDocValues dates =
          countDays ? DocValues.getSortedNumeric(reader, Fields.DATE) : null;
      // LongField holds one value: read it as a single value when the codec says so
      NumericDocValues date = dates == null ? null : DocValues.unwrapSingleton(dates);
      final long sliceFirstDay = firstDay;
      final int[] sliceDays = days;
      final int span = sliceDays == null ? 0 : sliceDays.length - 1;
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
              sliceDays[(int) day + 1]++;
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
   * Counts a segment's matches from its {@link SourceDayColumn}: the source by ordinal into a
   * per-segment array, the day into the slice's day array; other keyword fields as usual.
   */
  private static final class ColumnCollector implements LeafCollector {
    private final int[] packed;
    private final int dayBits;
    private final int dayMask;
    private final SegmentTerms[] others;
    private final ColumnSources sources;
    private final int[] sourceCounts;
    private final int[] sliceDays;

    /** What to add to a day part (1 = the segment's first day) to index {@link #sliceDays}. */
    private final int dayOffset;

    ColumnCollector(
        SourceDayColumn column,
        SegmentTerms[] others,
        ColumnSources sources,
        int[] sliceDays,
        long sliceFirstDay) {
      this.packed = column.packed;
      this.dayBits = column.dayBits;
      this.dayMask = column.dayMask;
      this.others = others;
      this.sources = sources;
      this.sourceCounts = sources == null ? null : sources.byOrd;
      this.sliceDays = sliceDays;
      // the column's days lie within the index's, hence within the slice array
      this.dayOffset = (int) (column.firstDay - sliceFirstDay);
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public void collect(int doc) throws IOException {
      for (int i = 0; i < others.length; i++) {
        others[i].collect(doc);
      }
      int v = packed[doc];
      if (sourceCounts != null) {
        sourceCounts[v >>> dayBits]++;
      }
      if (sliceDays != null) {
        int d = v & dayMask;
        sliceDays[d == 0 ? 0 : d + dayOffset]++;
      }
    }

    @Override
    public void finish() throws IOException {
      for (SegmentTerms t : others) {
        t.finish();
      }
      if (sources != null) {
        sources.finish();
      }
    }
  }

  /** The source counts of one segment counted from its column: index 0 is "no source". */
  private static final class ColumnSources {
    private final LeafReaderContext context;
    private final SortedSetDocValues values;
    private final TermCounts into;
    private final String[] labels;
    final int[] byOrd;

    ColumnSources(LeafReaderContext context, SourceDayColumn column, TermCounts into)
        throws IOException {
      LeafReader reader = context.reader();
      this.context = context;
      this.values = DocValues.getSortedSet(reader, Fields.SOURCE);
      this.into = into;
      this.byOrd = new int[column.sources + 1];
      this.labels = labels(reader, Fields.SOURCE, column.sources);
    }

    void finish() throws IOException {
      into.missing += byOrd[0];
      for (int i = 1; i < byOrd.length; i++) {
        into.withValue += byOrd[i];
      }
      into.addSegment(context, Fields.SOURCE, byOrd, 1, values, labels);
    }
  }

  /**
   * Labels of segments' ordinals by field, per open segment (its reader's cache key: a new one
   * after deletes or doc-values updates), filled as ordinals are first counted and dropped when
   * the segment's reader closes: looking a label up in the doc values (a terms-dictionary seek
   * and a new string) per value, segment and search was a tenth of a search with facets.
   */
  private static final PerReader<Map<String, String[]>> LABELS =
      new PerReader<>(ConcurrentHashMap::new);

  /**
   * The label array of a segment's field, shared while the segment is open; a fresh one when the
   * reader has no cache key.
   */
  static String[] labels(LeafReader reader, String field, int valueCount) {
    Map<String, String[]> byField = LABELS.get(reader.getReaderCacheHelper());
    if (byField == null) {
      return new String[valueCount];
    }
    String[] labels = byField.computeIfAbsent(field, f -> new String[valueCount]);
    // the same reader has the same values; a mismatch would be a bug, never a wrong label
    return labels.length == valueCount ? labels : new String[valueCount];
  }

  /** One keyword field in one segment: counts by ordinal, labels at the end. */
  private static final class SegmentTerms {
    private final LeafReaderContext context;
    private final String field;
    private final SortedSetDocValues values;
    private final SortedDocValues single;
    private final TermCounts into;
    private final int[] byOrd;
    private final String[] labels;

    SegmentTerms(LeafReaderContext context, String field, TermCounts into) throws IOException {
      LeafReader reader = context.reader();
      this.context = context;
      this.field = field;
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
      into.addSegment(context, field, byOrd, 0, values, labels);
    }
  }
}
