package org.dateline.copies;

import java.time.Duration;
import java.util.Objects;

/**
 * When two articles are copies, and when one partly reuses another.
 *
 * @param enabled false turns detection off: no fingerprints are indexed and every article is a
 *     group of its own (for indexes where copies do not matter, and to measure the cost)
 * @param copyJaccard two articles are copies when the Jaccard similarity of their {@value
 *     Shingles#WORDS}-word shingle sets is at least this, 0.2 to 1
 * @param window and their dates are at most this far apart (so that a weekly template is not a
 *     copy of last week's); undated articles are compared only with undated ones; positive
 * @param reuseShare an article partly reuses another (and is not its copy) when at least this share
 *     of either one's shingles is found in the other, 0 to 1 exclusive
 * @param reuseMinShingles and they share at least this many shingles (a sentence or two, not a
 *     stock phrase), &gt;= 1
 */
public record CopyPolicy(
    boolean enabled, double copyJaccard, Duration window, double reuseShare, int reuseMinShingles) {

  /**
   * Detection on: copies at Jaccard 0.5 or more within 3 days; partial reuse at 20% of either text
   * and at least 10 shared shingles.
   */
  public static final CopyPolicy DEFAULT = new CopyPolicy(true, 0.5, Duration.ofDays(3), 0.2, 10);

  /** Detection off. */
  public static final CopyPolicy OFF = new CopyPolicy(false, 0.5, Duration.ofDays(3), 0.2, 10);

  /** Validates. */
  public CopyPolicy {
    if (!(copyJaccard >= 0.2 && copyJaccard <= 1)) {
      throw new IllegalArgumentException("copyJaccard must be between 0.2 and 1 (got: " + copyJaccard + ")");
    }
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive (got: " + window + ")");
    }
    if (!(reuseShare > 0 && reuseShare < 1)) {
      throw new IllegalArgumentException("reuseShare must be between 0 and 1 (got: " + reuseShare + ")");
    }
    if (reuseMinShingles < 1) {
      throw new IllegalArgumentException("reuseMinShingles must be >= 1 (got: " + reuseMinShingles + ")");
    }
  }

  /**
   * Returns a copy with another copy threshold and window.
   *
   * @param jaccard see {@link #copyJaccard()}
   * @param window see {@link #window()}
   * @return the new policy
   */
  public CopyPolicy withCopies(double jaccard, Duration window) {
    return new CopyPolicy(enabled, jaccard, window, reuseShare, reuseMinShingles);
  }

  /**
   * Returns a copy with detection on or off.
   *
   * @param enabled see {@link #enabled()}
   * @return the new policy
   */
  public CopyPolicy withEnabled(boolean enabled) {
    return new CopyPolicy(enabled, copyJaccard, window, reuseShare, reuseMinShingles);
  }
}
