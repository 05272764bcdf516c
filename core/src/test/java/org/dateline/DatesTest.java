package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2017-01-24|2017-01-24T00:00:00Z",
        "2017-01-24T10:00:00Z|2017-01-24T10:00:00Z",
        "2017-01-24T10:00:00+01:00|2017-01-24T09:00:00Z",
        "2017-01-24T10:00:00|2017-01-24T10:00:00Z",
        "2017-01-24 10:00|2017-01-24T10:00:00Z",
        "2017-01-24T10:00:00-05:00[America/New_York]|2017-01-24T15:00:00Z",
        "'Tue, 24 Jan 2017 10:00:00 GMT'|2017-01-24T10:00:00Z",
        "'Tue, 24 Jan 2017 10:00:00 +0100'|2017-01-24T09:00:00Z",
        "24-JAN-2017|2017-01-24T00:00:00Z",
        "24-jan-2017|2017-01-24T00:00:00Z",
        "'January 24, 2017'|2017-01-24T00:00:00Z",
        "'Jan 24, 2017'|2017-01-24T00:00:00Z",
        "24 January 2017|2017-01-24T00:00:00Z",
        "26-FEB-1987 15:01:01.79|1987-02-26T15:01:01.790Z",
        " 5-MAR-1987 09:12:34.56|1987-03-05T09:12:34.560Z",
      })
  void parsesTheFormsNewsCorporaUse(String text, String expected) {
    assertEquals(Instant.parse(expected), Dates.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "soon", "24/01/2017", "01/24/2017", "2017-02-30", "2017-13-01", "Jan 2017", "1485216000"})
  void refusesAnythingElseRatherThanGuessing(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dates.parse(text));
    assertTrue(e.getMessage().contains("unrecognized date"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"24-JAN-2017", "January 24, 2017"})
  void parsingDoesNotDependOnTheDefaultLocale(String text) {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertEquals(Instant.parse("2017-01-24T00:00:00Z"), Dates.parse(text));
    } finally {
      Locale.setDefault(saved);
    }
  }

  /** The formatter's answer for a text, or null when it rejects it. */
  private static Instant byFormatter(String text) {
    try {
      return java.time.OffsetDateTime.parse(text, java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1987-02-26T15:01:01.790Z",
        "1987-02-26T15:01:01Z",
        "1987-02-26T15:01Z",
        "2019-04-25T20:28:51.123456789Z",
        "2019-04-25T20:28:51.1Z",
        "2020-02-29T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z"
      })
  void readsCommonUtcTimesWithoutAFormatterAndAsTheFormatterDoes(String text) {
    assertEquals(byFormatter(text), Dates.isoUtc(text));
    assertEquals(byFormatter(text), Dates.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2019-02-29T00:00:00Z",
        "2019-04-31T10:00:00Z",
        "2019-04-25T24:00:00Z",
        "2019-04-25T23:60:00Z",
        "2019-04-25T23:59:60Z",
        "2019-04-25T20:28:51.Z",
        "2019-04-25T20:28:51.1234567890Z",
        "2019-04-25T20:28:5Z",
        "2019-04-25T20:2Z",
        "2019-4-25T20:28:51Z",
        "2019-04-25t20:28:51z",
        "2019-04-25T20:28:51+00:00",
        "+2019-04-25T20:28:51Z",
        "2019-04-25T2a:28:51Z",
        "2019-04-25T20:28:51.1a3Z",
        "2019-04-25T20:28:51:00Z"
      })
  void leavesEveryOtherShapeToTheFormatters(String text) {
    assertEquals(null, Dates.isoUtc(text), text);
    // and the whole parse still answers as the formatters do
    Instant expected = byFormatter(text);
    if (expected != null) {
      assertEquals(expected, Dates.parse(text));
    }
  }

  @org.junit.jupiter.api.Test
  void agreesWithTheFormatterOnMutatedTimesSeeded() {
    long seed = 20261127L;
    java.util.Random random = new java.util.Random(seed);
    String alphabet = "0123456789:-.TZ+ ";
    String[] bases = {"1987-02-26T15:01:01.790Z", "2019-04-25T20:28:51Z", "2020-02-29T23:59Z"};
    int accepted = 0;
    for (int i = 0; i < 20000; i++) {
      StringBuilder b = new StringBuilder(bases[random.nextInt(bases.length)]);
      for (int k = random.nextInt(3); k >= 0; k--) {
        int at = random.nextInt(b.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> b.setCharAt(at, c);
          case 1 -> b.insert(at, c);
          default -> b.deleteCharAt(at);
        }
      }
      String text = b.toString();
      Instant fast = Dates.isoUtc(text);
      if (fast != null) {
        accepted++;
        assertEquals(byFormatter(text), fast, text + " (seed " + seed + ")");
      }
    }
    assertTrue(accepted > 1000, "mutations still readable: " + accepted);
  }
}
