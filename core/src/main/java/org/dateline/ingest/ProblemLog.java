package org.dateline.ingest;

import java.util.ArrayList;
import java.util.List;
import org.dateline.Problem;

/**
 * Collects what went wrong while reading and indexing: records skipped and records repaired
 * (warnings). Counts everything and keeps the first few of each for the report. In strict mode a
 * skip is an error: {@link #skip} throws instead of counting.
 *
 * <p>Thread-safe.
 */
public final class ProblemLog {
  /** How many skips and warnings are kept with their reasons. */
  public static final int KEPT = 20;

  private final ReadMode mode;
  private final List<Problem> skips = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();
  private long skipCount;
  private long warningCount;

  /**
   * Creates one.
   *
   * @param mode whether a skip fails the run (strict) or is counted (lenient)
   */
  public ProblemLog(ReadMode mode) {
    this.mode = java.util.Objects.requireNonNull(mode, "mode");
  }

  /** Returns the mode this log was made with. */
  public ReadMode mode() {
    return mode;
  }

  /**
   * Records a record that could not be read and is left out.
   *
   * @param problem where and why
   * @throws CorpusFormatException in strict mode, always
   */
  public synchronized void skip(Problem problem) throws CorpusFormatException {
    if (mode == ReadMode.STRICT) {
      throw new CorpusFormatException(problem);
    }
    skipCount++;
    if (skips.size() < KEPT) {
      skips.add(problem);
    }
  }

  /**
   * Records a record that was read with a repair; it is still indexed.
   *
   * @param problem where and what was repaired
   */
  public synchronized void warn(Problem problem) {
    warningCount++;
    if (warnings.size() < KEPT) {
      warnings.add(problem);
    }
  }

  /** Returns how many records were skipped. */
  public synchronized long skipCount() {
    return skipCount;
  }

  /** Returns the first {@value #KEPT} skips. */
  public synchronized List<Problem> skips() {
    return List.copyOf(skips);
  }

  /** Returns how many records were repaired. */
  public synchronized long warningCount() {
    return warningCount;
  }

  /** Returns the first {@value #KEPT} warnings. */
  public synchronized List<Problem> warnings() {
    return List.copyOf(warnings);
  }
}
