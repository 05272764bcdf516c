package org.dateline;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the date forms news corpora use, into UTC instants. Anything else is an error, never a
 * guess.
 *
 * <p>Accepted: ISO dates ({@code 2017-01-24}), ISO date-times with or without an offset or zone
 * ({@code 2017-01-24T10:00:00Z}, {@code 2017-01-24T10:00:00+01:00}, {@code 2017-01-24 10:00};
 * without one, UTC), RFC 1123 ({@code Tue, 24 Jan 2017 10:00:00 GMT}), {@code 24-JAN-2017},
 * {@code January 24, 2017} and {@code Jan 24, 2017}, {@code 24 January 2017}, and the Reuters
 * form {@code 26-FEB-1987 15:01:01.79}. Month names are English, in any case.
 */
public final class Dates {
  private Dates() {}

  /** What the error messages list as accepted. */
  public static final String ACCEPTED =
      "2017-01-24, 2017-01-24T10:00:00Z, Tue, 24 Jan 2017 10:00:00 GMT, 24-JAN-2017,"
          + " January 24, 2017 or 26-FEB-1987 15:01:01.79";

  private static DateTimeFormatter pattern(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  private static final DateTimeFormatter ISO_LOCAL_SPACE =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral(' ')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final DateTimeFormatter RFC_1123 =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.RFC_1123_DATE_TIME)
          .toFormatter(Locale.ENGLISH);

  private static final DateTimeFormatter REUTERS =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("d-MMM-uuuu H:mm:ss")
          .optionalStart()
          .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ENGLISH)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final List<DateTimeFormatter> DAY_FORMS =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          pattern("d-MMM-uuuu"),
          pattern("MMMM d, uuuu"),
          pattern("MMM d, uuuu"),
          pattern("d MMMM uuuu"),
          pattern("d MMM uuuu"));

  private static final List<DateTimeFormatter> LOCAL_DATE_TIME_FORMS =
      List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME, ISO_LOCAL_SPACE, REUTERS);

  /**
   * Parses a date or date-time.
   *
   * @param text the date as written
   * @return the instant in UTC (a date alone is its midnight UTC)
   * @throws IllegalArgumentException with the text and the accepted forms when it does not parse
   */
  public static Instant parse(String text) {
    return find(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unrecognized date \"" + text + "\" (expected a form such as " + ACCEPTED + ")"));
  }

  /**
   * Parses a date or date-time, if it is in one of the accepted forms.
   *
   * @param text the date as written, or null
   * @return the instant in UTC, or empty
   */
  public static Optional<Instant> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.isEmpty() || s.length() > 64) {
      return Optional.empty();
    }
    Instant utc = isoUtc(s);
    if (utc != null) {
      return Optional.of(utc);
    }
    for (DateTimeFormatter f : DAY_FORMS) {
      Optional<TemporalAccessor> t = tryParse(s, f);
      if (t.isPresent()) {
        return Optional.of(LocalDate.from(t.get()).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
    }
    Optional<TemporalAccessor> t = tryParse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    if (t.isPresent()) {
      return Optional.of(OffsetDateTime.from(t.get()).toInstant());
    }
    t = tryParse(s, DateTimeFormatter.ISO_ZONED_DATE_TIME);
    if (t.isPresent()) {
      return Optional.of(ZonedDateTime.from(t.get()).toInstant());
    }
    t = tryParse(s, RFC_1123);
    if (t.isPresent()) {
      return Optional.of(ZonedDateTime.from(t.get()).toInstant());
    }
    for (DateTimeFormatter f : LOCAL_DATE_TIME_FORMS) {
      t = tryParse(s, f);
      if (t.isPresent()) {
        return Optional.of(LocalDateTime.from(t.get()).toInstant(ZoneOffset.UTC));
      }
    }
    return Optional.empty();
  }

  /**
   * The most common form in JSON corpora, {@code 2017-01-24T10:00:00Z} (seconds and a fraction of
   * 1 to 9 digits optional), read without a formatter: trying the forms in turn cost about 2% of
   * a bulk load's CPU. Returns null for any other text, or for a field out of range (February 30,
   * hour 24), which the formatters then handle (and reject) as before; what it accepts, {@code
   * ISO_OFFSET_DATE_TIME} accepts with the same instant.
   */
  static Instant isoUtc(String s) {
    int n = s.length();
    // uuuu-MM-ddTHH:mm[:ss[.f{1,9}]]Z
    if (n < 17
        || s.charAt(n - 1) != 'Z'
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = 0;
    int nanos = 0;
    int at = 16;
    if (at < n - 1) {
      if (s.charAt(at) != ':' || at + 3 > n - 1) {
        return null;
      }
      second = digits(s, at + 1, 2);
      at += 3;
      if (at < n - 1) {
        int fraction = n - 1 - (at + 1);
        if (s.charAt(at) != '.' || fraction < 1 || fraction > 9) {
          return null;
        }
        nanos = digits(s, at + 1, fraction);
        if (nanos < 0) {
          return null;
        }
        for (int i = fraction; i < 9; i++) {
          nanos *= 10;
        }
      }
    }
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The value of {@code count} ASCII digits from {@code from}, or -1 if one is not a digit. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static Optional<TemporalAccessor> tryParse(String s, DateTimeFormatter f) {
    // Check the shape first without exceptions: trying the forms in turn would otherwise throw
    // (and fill in a stack trace) for every form that does not match, on every article.
    java.text.ParsePosition at = new java.text.ParsePosition(0);
    if (f.parseUnresolved(s, at) == null || at.getErrorIndex() >= 0 || at.getIndex() != s.length()) {
      return Optional.empty();
    }
    try {
      return Optional.of(f.parse(s));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns the UTC day of an instant in ISO form.
   *
   * @param instant an instant
   * @return e.g. {@code 2017-01-24}
   */
  public static String isoDay(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }
}
