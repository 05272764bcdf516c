package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextPrinterTest {
  /**
   * The hand-made grouping the search output uses writes every number as {@code %,d} did, so the
   * text output stays byte for byte what it was: each length of number, both signs, the ends.
   */
  @Test
  void groupedWritesNumbersAsFormatsGroupingDid() {
    long[] fixed = {
      0, 1, 9, 10, 99, 100, 999, 1_000, 9_999, 10_000, 99_999, 100_000, 999_999, 1_000_000,
      12_345_678, 215_770, -1, -999, -1_000, -123_456, -1_234_567, Long.MAX_VALUE, Long.MIN_VALUE
    };
    for (long n : fixed) {
      assertEquals(String.format(Locale.ROOT, "%,d", n), TextPrinter.grouped(n), "for " + n);
    }
    Random random = new Random(11);
    for (int i = 0; i < 10_000; i++) {
      long n = random.nextLong() >> random.nextInt(64);
      assertEquals(String.format(Locale.ROOT, "%,d", n), TextPrinter.grouped(n), "for " + n);
    }
  }
}
