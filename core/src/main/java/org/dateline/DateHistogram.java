package org.dateline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rolls day counts up into a UTC date histogram of years, months, ISO weeks or days, with every
 * bucket between the first and the last, empty ones as 0.
 *
 * <p>Buckets are numbered on one absolute scale per granularity (the year; months since year 0;
 * weeks since the Monday before the epoch; the epoch day), so a bucket's position in the
 * histogram is its number minus the first bucket's.
 */
enum DateHistogram {
  YEAR("year") {
    @Override
    long bucket(long epochDay) {
      return LocalDate.ofEpochDay(epochDay).getYear();
    }

    @Override
    String label(long bucket) {
      return year((int) bucket);
    }
  },
  MONTH("month") {
    @Override
    long bucket(long epochDay) {
      LocalDate d = LocalDate.ofEpochDay(epochDay);
      return d.getYear() * 12L + d.getMonthValue() - 1;
    }

    @Override
    String label(long bucket) {
      return YearMonth.of((int) Math.floorDiv(bucket, 12), Math.floorMod(bucket, 12) + 1)
          .toString();
    }
  },
  WEEK("week") {
    @Override
    long bucket(long epochDay) {
      // Epoch day 0 is a Thursday: day + 3 counts from the Monday of that first week.
      return Math.floorDiv(epochDay + 3, 7);
    }

    @Override
    String label(long bucket) {
      LocalDate monday = LocalDate.ofEpochDay(bucket * 7 - 3);
      return String.format(
          Locale.ROOT,
          "%s-W%02d",
          year(monday.get(IsoFields.WEEK_BASED_YEAR)),
          monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
  },
  DAY("day") {
    @Override
    long bucket(long epochDay) {
      return epochDay;
    }

    @Override
    String label(long bucket) {
      return LocalDate.ofEpochDay(bucket).toString();
    }
  };

  /**
   * Most buckets one histogram may have: 27 years of days, 192 years of weeks, 833 years of
   * months. More would be a response nobody can read, and memory spent on empty buckets.
   */
  static final int MAX_BUCKETS = 10_000;

  private final String dimension;

  DateHistogram(String dimension) {
    this.dimension = dimension;
  }

  /** Returns the facet dimension name: {@code year}, {@code month}, {@code week} or {@code day}. */
  String dimension() {
    return dimension;
  }

  /** Returns the histogram for a dimension name, or null when it is not a date dimension. */
  static DateHistogram forDimension(String name) {
    for (DateHistogram h : values()) {
      if (h.dimension.equals(name)) {
        return h;
      }
    }
    return null;
  }

  /** Returns the number of the bucket holding a day. */
  abstract long bucket(long epochDay);

  /** Returns the ISO label of a bucket: 2017, 2017-01, 2017-W04, 2017-01-24. */
  abstract String label(long bucket);

  /**
   * Fails when a histogram over the given days would have more than {@link #MAX_BUCKETS} buckets.
   *
   * @param firstDay the first epoch day covered
   * @param lastDay the last epoch day covered, not before {@code firstDay}
   * @return the number of buckets
   * @throws IllegalArgumentException when there would be too many
   */
  long requireBuckets(long firstDay, long lastDay) {
    long n = bucket(lastDay) - bucket(firstDay) + 1;
    Check.argument(
        n <= MAX_BUCKETS,
        "%s histogram over %s..%s would have %,d buckets; the limit is %,d: choose %sa narrower"
            + " range",
        dimension,
        LocalDate.ofEpochDay(firstDay),
        LocalDate.ofEpochDay(lastDay),
        n,
        MAX_BUCKETS,
        switch (this) {
          case DAY -> "week, month or year, or ";
          case WEEK -> "month or year, or ";
          case MONTH -> "year, or ";
          case YEAR -> "";
        });
    return n;
  }

  /**
   * Builds the histogram of one pass.
   *
   * <p>It covers every bucket the range touches, whole: a month histogram from 1987-03-15 counts
   * all of March. An open end of the range is the first or last day counted. Dated articles in
   * buckets outside the range are {@code otherCount}, their distinct buckets {@code otherValues}.
   *
   * @param days the matching articles' days
   * @param undated matching articles without a date
   * @param range the days to cover
   * @return the result, buckets in time order
   */
  FacetResult result(DayCounts days, long undated, DateRange range) {
    if (days.isEmpty() && (range.from() == null || range.to() == null)) {
      return new FacetResult(dimension, List.of(), 0, 0, undated);
    }
    long firstDay = range.from() != null ? range.from().toEpochDay() : days.first();
    long lastDay = range.to() != null ? range.to().toEpochDay() : days.last();
    long first = bucket(firstDay);
    long last = bucket(lastDay);
    // An open end taken from the matches can fall before the given one: nothing is in range.
    long[] counts = new long[last < first ? 0 : (int) requireBuckets(firstDay, lastDay)];
    long[] other = new long[1];
    Set<Long> otherBuckets = new HashSet<>();
    days.forEach(
        (day, count) -> {
          long b = bucket(day);
          if (b >= first && b <= last) {
            counts[(int) (b - first)] += count;
          } else {
            other[0] += count;
            otherBuckets.add(b);
          }
        });
    List<FacetCount> buckets = new ArrayList<>(counts.length);
    for (int i = 0; i < counts.length; i++) {
      buckets.add(new FacetCount(label(first + i), counts[i]));
    }
    return new FacetResult(dimension, buckets, otherBuckets.size(), other[0], undated);
  }

  /** ISO 8601 year: at least four digits, a sign beyond 9999 or before year 0. */
  private static String year(int year) {
    if (year >= 0 && year <= 9999) {
      return String.format(Locale.ROOT, "%04d", year);
    }
    return String.format(Locale.ROOT, "%+05d", year);
  }
}
