package org.dateline;

/**
 * Article counts per UTC day (epoch day), in an open-addressing hash table of primitive longs.
 *
 * <p>A date facet counts days first and rolls them up into year, month, week or day buckets
 * afterwards, because with an open histogram range the buckets are only known once the matching
 * articles' first and last day are. The table grows with the number of distinct days, never with
 * the number of articles.
 */
final class DayCounts {
  /** No epoch day is this small: days come from epoch milliseconds divided by 86,400,000. */
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] days = newTable(64);
  private long[] counts = new long[64];
  private int size;
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;

  /** Receives one day and its count. */
  @FunctionalInterface
  interface Visitor {
    void accept(long epochDay, long count);
  }

  /** Adds {@code count} articles on a day. */
  void add(long epochDay, long count) {
    int slot = slot(epochDay);
    if (days[slot] == EMPTY) {
      days[slot] = epochDay;
      size++;
      first = Math.min(first, epochDay);
      last = Math.max(last, epochDay);
    }
    counts[slot] += count;
    if (size * 2 > days.length) {
      grow();
    }
  }

  /** Adds every count of another table. */
  void addAll(DayCounts other) {
    other.forEach(this::add);
  }

  /** Visits every day with a count, in no particular order. */
  void forEach(Visitor visitor) {
    for (int i = 0; i < days.length; i++) {
      if (days[i] != EMPTY) {
        visitor.accept(days[i], counts[i]);
      }
    }
  }

  /** Returns whether no day was counted. */
  boolean isEmpty() {
    return size == 0;
  }

  /** Returns the earliest day counted; only when not empty. */
  long first() {
    return first;
  }

  /** Returns the latest day counted; only when not empty. */
  long last() {
    return last;
  }

  private int slot(long epochDay) {
    int mask = days.length - 1;
    long h = epochDay * 0x9E3779B97F4A7C15L;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (days[i] != EMPTY && days[i] != epochDay) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldDays = days;
    long[] oldCounts = counts;
    days = newTable(oldDays.length * 2);
    counts = new long[oldDays.length * 2];
    for (int i = 0; i < oldDays.length; i++) {
      if (oldDays[i] != EMPTY) {
        int slot = slot(oldDays[i]);
        days[slot] = oldDays[i];
        counts[slot] = oldCounts[i];
      }
    }
  }

  private static long[] newTable(int length) {
    long[] t = new long[length];
    java.util.Arrays.fill(t, EMPTY);
    return t;
  }
}
