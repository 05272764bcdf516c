package org.dateline;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * One segment's source ordinal and day of every article, packed in one int per document, so that
 * counting the source and date facets of a match is two array increments instead of two doc-values
 * reads (an advance and a packed-ints decode each, and a division for the day).
 *
 * <p>A document's int holds {@code (sourceOrd + 1) << dayBits | (day - firstDay + 1)}: 0 in the
 * high bits means no source, 0 in the low bits no date. A segment gets a column only when both
 * fit in 31 bits (for example 65,535 sources and 32,767 days, about 90 years) and every article has
 * at most one source; otherwise its facets are read from the doc values as before.
 *
 * <p>Memory: 4 bytes per document of the segment ({@code maxDoc}, deleted ones included), 4 MB
 * per million articles, held while the segment's reader is open and released by its close
 * listener, as the labels of {@link FacetPass#labels} are. A column is built the second time a
 * segment's facets are counted, not the first, so that a one-shot search (one process, one query)
 * reads the doc values of its matches only instead of the whole segment's. The reader's cache key
 * is per open reader, so deletes and doc-values updates (a new reader) get a new column.
 */
final class SourceDayColumn {
  /** Milliseconds per day. */
  private static final long DAY = 86_400_000L;

  /** Counts of a segment's facet uses, and its column once built. */
  private static final class Slot {
    final AtomicInteger uses = new AtomicInteger();
    volatile SourceDayColumn column;
    volatile boolean unavailable;
  }

  private static final PerReader<Slot> SLOTS = new PerReader<>(Slot::new);

  /** Per document: source ordinal + 1 above {@link #dayBits}, day - {@link #firstDay} + 1 below. */
  final int[] packed;

  /** Bits of the day part. */
  final int dayBits;

  /** Mask of the day part. */
  final int dayMask;

  /** The epoch day that day part 1 stands for. */
  final long firstDay;

  /** Days from {@link #firstDay} to the segment's last date, inclusive. */
  final int span;

  /** The segment's number of distinct sources. */
  final int sources;

  private SourceDayColumn(int[] packed, int dayBits, long firstDay, int span, int sources) {
    this.packed = packed;
    this.dayBits = dayBits;
    this.dayMask = (1 << dayBits) - 1;
    this.firstDay = firstDay;
    this.span = span;
    this.sources = sources;
  }

  /**
   * The segment's column, or null when it has none (yet, or ever: a reader without a cache key, a
   * multi-valued source, too many sources or days to pack).
   *
   * @param reader the segment
   * @return the column, or null
   * @throws IOException when the doc values cannot be read
   */
  static SourceDayColumn of(LeafReader reader) throws IOException {
    Slot slot = SLOTS.get(reader.getReaderCacheHelper());
    if (slot == null) {
      return null;
    }
    SourceDayColumn column = slot.column;
    if (column != null || slot.unavailable) {
      return column;
    }
    if (slot.uses.incrementAndGet() < 2) {
      return null;
    }
    synchronized (slot) {
      if (slot.column == null && !slot.unavailable) {
        column = build(reader);
        if (column == null) {
          slot.unavailable = true;
        } else {
          slot.column = column;
        }
      }
      return slot.column;
    }
  }

  /**
   * The segment's column when it is already built, or null; unlike {@link #of} this does not count
   * as a use.
   *
   * @param reader the segment
   * @return the column, or null
   */
  static SourceDayColumn peek(LeafReader reader) {
    Slot slot = SLOTS.peek(reader.getReaderCacheHelper());
    return slot == null ? null : slot.column;
  }

  /** Reads the segment's sources and dates into a column, or null when they do not fit one. */
  static SourceDayColumn build(LeafReader reader) throws IOException {
    SortedDocValues sources = DocValues.unwrapSingleton(DocValues.getSortedSet(reader, Fields.SOURCE));
    NumericDocValues dates =
        DocValues.unwrapSingleton(DocValues.getSortedNumeric(reader, Fields.DATE));
    if (sources == null || dates == null) {
      return null; // some article has two values: counted from the doc values
    }
    long firstDay = 0;
    int span = 0;
    PointValues points = reader.getPointValues(Fields.DATE);
    if (points != null && points.size() > 0) {
      firstDay = Math.floorDiv(LongPoint.decodeDimension(points.getMinPackedValue(), 0), DAY);
      long lastDay = Math.floorDiv(LongPoint.decodeDimension(points.getMaxPackedValue(), 0), DAY);
      if (lastDay - firstDay + 1 >= Integer.MAX_VALUE) {
        return null;
      }
      span = (int) (lastDay - firstDay + 1);
    }
    int dayBits = bits(span);
    int sourceCount = sources.getValueCount();
    if (dayBits + bits(sourceCount) > 31) {
      return null;
    }
    int[] packed = new int[reader.maxDoc()];
    for (int doc = sources.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = sources.nextDoc()) {
      packed[doc] = (sources.ordValue() + 1) << dayBits;
    }
    for (int doc = dates.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dates.nextDoc()) {
      long day = Math.floorDiv(dates.longValue(), DAY) - firstDay;
      if (day < 0 || day >= span) {
        return null; // never: a date beyond the segment's points
      }
      packed[doc] |= (int) day + 1;
    }
    return new SourceDayColumn(packed, dayBits, firstDay, span, sourceCount);
  }

  /** Bits that hold every value from 0 to {@code max}. */
  private static int bits(int max) {
    return 32 - Integer.numberOfLeadingZeros(max);
  }
}
