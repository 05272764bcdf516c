package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DateRangeTest {
  private static DateRange range(String from, String to) {
    return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
  }

  @Test
  void labelsCoverTheirWholePeriod() {
    assertEquals(range("2017-01-01", "2017-12-31"), DateRange.ofLabel("2017"));
    assertEquals(range("2016-02-01", "2016-02-29"), DateRange.ofLabel("2016-02"));
    assertEquals(range("2017-01-24", "2017-01-24"), DateRange.ofLabel("2017-01-24"));
    assertEquals(range("2017-01-23", "2017-01-29"), DateRange.ofLabel("2017-W04"));
    assertEquals(range("2015-12-28", "2016-01-03"), DateRange.ofLabel("2015-W53"));
  }

  @Test
  void badLabelsAreRefusedWithTheAcceptedForms() {
    for (String bad : new String[] {"17", "Jan", "2017-1-24", "24/01/2017"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> DateRange.ofLabel(bad), bad);
      assertTrue(e.getMessage().contains("(got: " + bad + ")"), e.getMessage());
      assertTrue(e.getMessage().contains("ISO week (2017-W04)"), e.getMessage());
    }
  }

  @Test
  void daysMonthsAndWeeksThatDoNotExistAreToldSo() {
    Map<String, String> told =
        Map.of(
            "1987-02-30", "1987-02-30 does not exist: February 1987 has 28 days",
            "2016-02-30", "2016-02-30 does not exist: February 2016 has 29 days",
            "2017-04-31", "2017-04-31 does not exist: April 2017 has 30 days",
            "2017-01-00", "2017-01-00 does not exist: January 2017 has 31 days",
            "2017-13", "2017-13 does not exist: there is no month 13 (months are 01 to 12)",
            "2017-13-01", "2017-13-01 does not exist: there is no month 13 (months are 01 to 12)",
            "2016-W54", "2016-W54 does not exist: 2016 has ISO weeks W01 to W52",
            "2015-W00", "2015-W00 does not exist: 2015 has ISO weeks W01 to W53");
    told.forEach(
        (label, message) ->
            assertEquals(
                message,
                assertThrows(IllegalArgumentException.class, () -> DateRange.ofLabel(label))
                    .getMessage()));
  }

  @Test
  void boundsAreInclusiveDaysInUtc() {
    DateRange jan24 = DateRange.ofLabel("2017-01-24");
    assertTrue(jan24.contains(Instant.parse("2017-01-24T00:00:00Z")));
    assertTrue(jan24.contains(Instant.parse("2017-01-24T23:59:59.999Z")));
    assertTrue(!jan24.contains(Instant.parse("2017-01-25T00:00:00Z")));
    assertTrue(!jan24.contains(Instant.parse("2017-01-23T23:59:59.999Z")));
    assertTrue(DateRange.ALL.contains(Instant.parse("1900-01-01T00:00:00Z")));
  }

  @Test
  void aRangeMayNotEndBeforeItStarts() {
    assertThrows(IllegalArgumentException.class, () -> range("2017-02-01", "2017-01-31"));
  }
}
