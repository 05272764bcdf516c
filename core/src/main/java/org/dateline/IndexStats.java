package org.dateline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one indexing run did.
 *
 * @param added articles whose id was new to the index
 * @param replaced articles whose id was already there (or earlier in the same run); the last one
 *     wins
 * @param skipped records that could not be read as articles and were left out
 * @param firstSkips the first few skipped records, with file, line and reason
 * @param warnings records indexed with a repair (invalid UTF-8 replaced, an over-long token dropped)
 * @param firstWarnings the first few warnings
 * @param commits how many commits the run made
 * @param elapsed wall time of the run
 */
public record IndexStats(
    long added,
    long replaced,
    long skipped,
    List<Problem> firstSkips,
    long warnings,
    List<Problem> firstWarnings,
    int commits,
    Duration elapsed) {
  /** Validates and copies. */
  public IndexStats {
    firstSkips = List.copyOf(firstSkips);
    firstWarnings = List.copyOf(firstWarnings);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Returns the number of articles written: added plus replaced. */
  public long indexed() {
    return added + replaced;
  }
}
