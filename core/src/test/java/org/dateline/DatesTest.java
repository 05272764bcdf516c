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
}
