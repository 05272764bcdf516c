package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
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
    for (String bad : new String[] {"2017-13", "2016-W54", "2017-02-30", "17", "Jan"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> DateRange.ofLabel(bad), bad);
      assertTrue(e.getMessage().contains("(got: " + bad + ")"), e.getMessage());
    }
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
