package org.dateline.page;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.Dates;

/** Reads the dates pages write in their metadata and URLs, refusing what is not a real day. */
final class PageDates {
  private PageDates() {}

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?"
              + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?.*");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:[T ]?\\d{4,6}.*)?");
  private static final Pattern URL_DATE =
      Pattern.compile("/((?:19|20)\\d{2})[/-]([01]?\\d)[/-]([0-3]?\\d)(?:[/_.-]|$)");
  private static final Pattern URL_COMPACT =
      Pattern.compile("[/_-]((?:19|20)\\d{2})([01]\\d)([0-3]\\d)(?:[/_.-]|$)");

  /** Thrown for a date written in a known form that is not a real day, such as 2017-02-30. */
  static final class BadDate extends Exception {
    private static final long serialVersionUID = 1L;

    BadDate(String message) {
      super(message);
    }
  }

  /**
   * Parses a date as metadata writes it: ISO 8601 (a day, or a time with or without an offset),
   * {@code yyyyMMdd}, or the forms {@link Dates} reads (RFC 1123...). A time without an offset is
   * taken as UTC; a day alone is its midnight UTC.
   *
   * @return the date, or null when the text is not a date in a known form
   * @throws BadDate when it has a known form but no such day or time exists
   */
  static OffsetDateTime parse(String text) throws BadDate {
    String s = text == null ? "" : text.strip();
    if (s.isEmpty()) {
      return null;
    }
    Matcher m = ISO.matcher(s);
    try {
      if (m.matches()) {
        LocalDate day = day(m.group(1), m.group(2), m.group(3), s);
        if (m.group(4) == null) {
          return day.atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        LocalDateTime time =
            day.atTime(
                Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        String zone = m.group(7);
        ZoneOffset offset =
            zone == null || zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset(zone));
        return time.atOffset(offset);
      }
      m = COMPACT.matcher(s);
      if (m.matches()) {
        return day(m.group(1), m.group(2), m.group(3), s).atStartOfDay().atOffset(ZoneOffset.UTC);
      }
    } catch (DateTimeException e) {
      throw new BadDate("not a real date: " + s);
    }
    try {
      Instant i = Dates.parse(s);
      return i.atOffset(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String offset(String zone) {
    if (zone.length() == 3) {
      return zone + ":00";
    }
    if (zone.length() == 5) {
      return zone.substring(0, 3) + ":" + zone.substring(3);
    }
    return zone;
  }

  private static LocalDate day(String y, String m, String d, String written) throws BadDate {
    try {
      return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
    } catch (DateTimeException e) {
      throw new BadDate("not a real date: " + written);
    }
  }

  private static final java.util.Map<String, Integer> MONTHS = months();

  private static java.util.Map<String, Integer> months() {
    java.util.Map<String, Integer> m = new java.util.HashMap<>();
    String[][] names = {
      {"january", "jan", "januar", "jänner", "janvier", "stycznia", "enero", "gennaio", "janeiro",
        "januari"},
      {"february", "feb", "februar", "février", "lutego", "febrero", "febbraio", "fevereiro",
        "februari"},
      {"march", "mar", "märz", "maerz", "mars", "marca", "marzo", "março", "maart"},
      {"april", "apr", "avril", "kwietnia", "abril", "aprile"},
      {"may", "mai", "maja", "mayo", "maggio", "maio", "mei"},
      {"june", "jun", "juni", "juin", "czerwca", "junio", "giugno", "junho"},
      {"july", "jul", "juli", "juillet", "lipca", "julio", "luglio", "julho"},
      {"august", "aug", "août", "sierpnia", "agosto", "augustus"},
      {"september", "sep", "sept", "septembre", "września", "septiembre", "settembre",
        "setembro"},
      {"october", "oct", "oktober", "okt", "octobre", "października", "octubre", "ottobre",
        "outubro"},
      {"november", "nov", "novembre", "listopada", "noviembre", "novembro"},
      {"december", "dec", "dezember", "dez", "décembre", "grudnia", "diciembre", "dicembre",
        "dezembro"}
    };
    // Russian and Ukrainian, in the genitive a day takes ("15 августа 2016", "15 серпня 2016")
    String[] russian = {
      "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
      "октября", "ноября", "декабря"
    };
    String[] ukrainian = {
      "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
      "жовтня", "листопада", "грудня"
    };
    for (int i = 0; i < names.length; i++) {
      for (String n : names[i]) {
        m.put(n, i + 1);
      }
      m.put(russian[i], i + 1);
      m.put(ukrainian[i], i + 1);
    }
    return m;
  }

  private static final Pattern TEXT_ISO = Pattern.compile("\\b((?:19|20)\\d{2})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern TEXT_DMY =
      Pattern.compile("\\b([0-3]?\\d)\\.\\s?([01]?\\d)\\.\\s?((?:19|20)\\d{2})\\b");
  private static final Pattern TEXT_DMY_SHORT =
      Pattern.compile("(?<![\\d.])([0-3]?\\d)\\.([01]?\\d)\\.(\\d{2})(?![\\d.])");
  private static final Pattern TEXT_D_MONTH_Y =
      Pattern.compile(
          "\\b([0-3]?\\d)(?:\\.|st|nd|rd|th)?\\s+(?:de\\s+)?(\\p{L}{3,12})\\.?,?\\s+(?:de\\s+)?"
              + "((?:19|20)\\d{2})\\b");
  private static final Pattern TEXT_MONTH_D_Y =
      Pattern.compile("\\b(\\p{L}{3,9})\\.?\\s+([0-3]?\\d)(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b");

  private static final Pattern TEXT_DMY_SLASH =
      Pattern.compile("(?<![\\d/.])([0-3]?\\d)/([0-3]?\\d)/((?:19|20)\\d{2}|\\d{2})(?![\\d/])");

  /**
   * The first full date written in a short text such as a byline or a post's date line: {@code
   * 2017-01-24}, {@code 24.01.2017}, {@code 24/01/2017} (day first, as htmldate reads it, unless
   * the first number cannot be a month's day and the second can), {@code 24. Januar 2017}, {@code
   * 24 January 2017}, {@code January 24, 2017} (month names in English, German, French, Polish,
   * Spanish, Italian, Portuguese, Dutch; Russian and Ukrainian day-month-year). Null when there is none, or it is not a real day.
   */
  static OffsetDateTime inText(String text) {
    return firstInText(text, 0, false).date;
  }

  /** Where in the text {@link #inText} found its date, or -1. */
  static int inTextPosition(String text) {
    return firstInText(text, 0, false).at;
  }

  /**
   * A date found in a text, and where it starts.
   *
   * @param date the day, or null when there is none
   * @param at where it starts in the text, or -1
   * @param end where it ends in the text, or -1
   */
  record Found(OffsetDateTime date, int at, int end) {}

  /**
   * The first date in the text that starts at or after {@code from}, as {@link #inText} reads,
   * except that with {@code monthFirst} a date written with slashes is read month first, as in
   * the United States ({@code 11/08/2023} is November 8), unless that is not a real day.
   */
  static Found firstInText(String text, int from, boolean monthFirst) {
    OffsetDateTime best = null;
    int bestAt = Integer.MAX_VALUE;
    int bestEnd = -1;
    Matcher m = from(TEXT_ISO, text, from);
    if (m.find() && m.start() < bestAt) {
      best = of(m.group(1), m.group(2), m.group(3));
      bestAt = best == null ? bestAt : m.start();
      bestEnd = m.end();
    }
    m = from(TEXT_DMY, text, from);
    if (m.find() && m.start() < bestAt) {
      OffsetDateTime d = of(m.group(3), m.group(2), m.group(1));
      if (d != null) {
        best = d;
        bestAt = m.start();
        bestEnd = m.end();
      }
    }
    m = from(TEXT_DMY_SHORT, text, from);
    if (m.find() && m.start() < bestAt) {
      OffsetDateTime d = of("20" + m.group(3), m.group(2), m.group(1));
      if (d != null) {
        best = d;
        bestAt = m.start();
        bestEnd = m.end();
      }
    }
    m = from(TEXT_DMY_SLASH, text, from);
    if (m.find() && m.start() < bestAt) {
      String year = m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
      int first = Integer.parseInt(m.group(1));
      int second = Integer.parseInt(m.group(2));
      // day first, as most of the world writes it; 12/31/2020 can only be month first
      boolean swap = monthFirst ? !(first > 12 && second <= 12) : second > 12 && first <= 12;
      OffsetDateTime d = swap ? of(year, m.group(1), m.group(2)) : of(year, m.group(2), m.group(1));
      if (d != null) {
        best = d;
        bestAt = m.start();
        bestEnd = m.end();
      }
    }
    m = from(TEXT_D_MONTH_Y, text, from);
    while (m.find() && m.start() < bestAt) {
      Integer month = MONTHS.get(m.group(2).toLowerCase(java.util.Locale.ROOT));
      if (month != null) {
        OffsetDateTime d = of(m.group(3), month.toString(), m.group(1));
        if (d != null) {
          best = d;
          bestAt = m.start();
          bestEnd = m.end();
        }
        break;
      }
    }
    m = from(TEXT_MONTH_D_Y, text, from);
    while (m.find() && m.start() < bestAt) {
      Integer month = MONTHS.get(m.group(1).toLowerCase(java.util.Locale.ROOT));
      if (month != null) {
        OffsetDateTime d = of(m.group(3), month.toString(), m.group(2));
        if (d != null) {
          best = d;
          bestAt = m.start();
          bestEnd = m.end();
        }
        break;
      }
    }
    return best == null ? new Found(null, -1, -1) : new Found(best, bestAt, bestEnd);
  }

  private static Matcher from(Pattern p, String text, int from) {
    Matcher m = p.matcher(text);
    m.useTransparentBounds(true).useAnchoringBounds(false).region(from, text.length());
    return m;
  }

  private static OffsetDateTime of(String y, String mo, String d) {
    try {
      return LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d))
          .atStartOfDay()
          .atOffset(ZoneOffset.UTC);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /**
   * The day a URL's path gives ({@code /2017/01/24/}, {@code /2017-01-24-}, {@code /20170124/}), or
   * null. A year and month alone are not a day, and are not guessed into one.
   */
  static OffsetDateTime fromUrl(String url) {
    if (url == null) {
      return null;
    }
    for (Pattern p : new Pattern[] {URL_DATE, URL_COMPACT}) {
      Matcher m = p.matcher(url);
      if (m.find()) {
        try {
          LocalDate d =
              LocalDate.of(
                  Integer.parseInt(m.group(1)),
                  Integer.parseInt(m.group(2)),
                  Integer.parseInt(m.group(3)));
          return d.atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeException e) {
          return null;
        }
      }
    }
    return null;
  }
}
