package org.dateline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inclusive range of UTC days; either end may be open (null).
 *
 * @param from the first day included, or null for no lower bound
 * @param to the last day included, or null for no upper bound
 */
public record DateRange(LocalDate from, LocalDate to) {
  /** Every day. */
  public static final DateRange ALL = new DateRange(null, null);

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  /** Validates. */
  public DateRange {
    Check.argument(
        from == null || to == null || !to.isBefore(from),
        "date range must not end before it starts (got: %s to %s)",
        from,
        to);
  }

  /**
   * Returns the range of a label in ISO form: a year {@code 2017}, a month {@code 2017-01}, an ISO
   * week {@code 2017-W04} or a day {@code 2017-01-24}.
   *
   * @param label the label
   * @return the days it covers
   * @throws IllegalArgumentException when the label is none of those forms
   */
  public static DateRange ofLabel(String label) {
    return findLabel(label)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    impossible(label)
                        .map(why -> label.strip() + " does not exist: " + why)
                        .orElse(
                            "date must be a year (2017), month (2017-01), ISO week (2017-W04) or"
                                + " day (2017-01-24) (got: "
                                + label
                                + ")")));
  }

  /**
   * Says why a string shaped like a day, month or ISO week is none: for {@code 1987-02-30},
   * "February 1987 has 28 days".
   *
   * @param label the string
   * @return the reason, or empty when the string is a label or not shaped like one
   */
  static Optional<String> impossible(String label) {
    if (label == null || findLabel(label).isPresent()) {
      return Optional.empty();
    }
    String s = label.strip();
    Matcher m = DAY.matcher(s);
    boolean day = m.matches();
    if (!day) {
      m = MONTH.matcher(s);
    }
    if (day || m.matches()) {
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12) {
        return Optional.of(
            "there is no month " + m.group(2) + " (months are 01 to 12)");
      }
      YearMonth ym = YearMonth.of(year, month);
      // messages are in English, whatever the default locale
      String name = ym.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
      return Optional.of(
          name + " " + year + " has " + ym.lengthOfMonth() + " days");
    }
    m = WEEK.matcher(s);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(1));
      long weeks = LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
      return Optional.of(year + " has ISO weeks W01 to W" + weeks);
    }
    return Optional.empty();
  }

  /**
   * Returns the range of a label in ISO form, if it is one (see {@link #ofLabel}).
   *
   * @param label the label, or null
   * @return the days it covers, or empty
   */
  public static Optional<DateRange> findLabel(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String s = label.strip();
    try {
      Matcher m = YEAR.matcher(s);
      if (m.matches()) {
        int y = Integer.parseInt(m.group(1));
        return Optional.of(new DateRange(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
      }
      m = MONTH.matcher(s);
      if (m.matches()) {
        YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        return Optional.of(new DateRange(ym.atDay(1), ym.atEndOfMonth()));
      }
      m = WEEK.matcher(s);
      if (m.matches()) {
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate mid = LocalDate.of(year, 6, 1);
        if (week < 1 || week > mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
          return Optional.empty();
        }
        LocalDate monday =
            mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return Optional.of(new DateRange(monday, monday.plusDays(6)));
      }
      LocalDate day = LocalDate.parse(s);
      return Optional.of(new DateRange(day, day));
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Returns the first instant included, or {@link Long#MIN_VALUE} epoch millis when open. */
  public long fromMillis() {
    return from == null ? Long.MIN_VALUE : from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** Returns the last millisecond included, or {@link Long#MAX_VALUE} when open. */
  public long toMillis() {
    return to == null
        ? Long.MAX_VALUE
        : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
  }

  /**
   * Returns whether an instant falls in the range.
   *
   * @param instant an instant
   * @return true when its UTC day is within the bounds
   */
  public boolean contains(Instant instant) {
    long ms = instant.toEpochMilli();
    return ms >= fromMillis() && ms <= toMillis();
  }

  /** Returns whether both ends are open. */
  public boolean isAll() {
    return from == null && to == null;
  }
}
