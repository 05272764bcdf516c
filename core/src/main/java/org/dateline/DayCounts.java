package org.dateline;

/**
 * Article counts per UTC day (epoch day), in an open-addressing hash table of primitive longs.
 *
 * <p>A date facet counts days first and rolls them up into year, month, week or day buckets
 * afterwards, because with an open histogram range the buckets are only known once the matching
 * articles' first and last day are. The table grows with the number of distinct days, never with
 * the number of articles.
 *
 * <p>Days counted in a run ({@link #addRun}, a counting pass's per-day array) are kept in an array
 * of their own from the first run's first day, so that the thousands of days of a wide match set
 * cost an array add each instead of a hash probe; the days outside it go to the table.
 */
final class DayCounts {
  /** No epoch day is this small: days come from epoch milliseconds divided by 86,400,000. */
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] days = newTable(64);
  private long[] counts = new long[64];
  private int size;
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;

  /** Counts of the days from {@link #runFirst} on, or null before the first {@link #addRun}. */
  private long[] run;

  private long runFirst;

  /** Receives one day and its count. */
  @FunctionalInterface
  interface Visitor {
    void accept(long epochDay, long count);
  }

  /** Adds {@code count} articles on a day. */
  void add(long epochDay, long count) {
    if (run != null && epochDay >= runFirst && epochDay - runFirst < run.length) {
      run[(int) (epochDay - runFirst)] += count;
      first = Math.min(first, epochDay);
      last = Math.max(last, epochDay);
      return;
    }
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

  /**
   * Adds the counts of consecutive days: {@code counts[from + i]} articles on {@code firstDay + i},
   * for i from 0 while {@code from + i < to}.
   */
  void addRun(long firstDay, int[] counts, int from, int to) {
    if (run == null) {
      startRun(firstDay, to - from);
    }
    for (int i = from; i < to; i++) {
      if (counts[i] != 0) {
        add(firstDay + i - from, counts[i]);
      }
    }
  }

  /** Adds every count of another table. */
  void addAll(DayCounts other) {
    if (run == null && other.run != null) {
      startRun(other.runFirst, other.run.length);
    }
    other.forEach(this::add);
  }

  /** Starts counting a span of days in an array; the days counted so far move into it. */
  private void startRun(long firstDay, int length) {
    run = new long[length];
    runFirst = firstDay;
    long[] oldDays = days;
    long[] oldCounts = counts;
    days = newTable(64);
    counts = new long[64];
    size = 0;
    for (int i = 0; i < oldDays.length; i++) {
      if (oldDays[i] != EMPTY) {
        add(oldDays[i], oldCounts[i]);
      }
    }
  }

  /** Visits every day with a count, in no particular order. */
  void forEach(Visitor visitor) {
    if (run != null) {
      for (int i = 0; i < run.length; i++) {
        if (run[i] != 0) {
          visitor.accept(runFirst + i, run[i]);
        }
      }
    }
    forEachInTable(visitor);
  }

  private void forEachInTable(Visitor visitor) {
    for (int i = 0; i < days.length; i++) {
      if (days[i] != EMPTY) {
        visitor.accept(days[i], counts[i]);
      }
    }
  }

  /** Returns whether no day was counted. */
  boolean isEmpty() {
    return first > last;
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
