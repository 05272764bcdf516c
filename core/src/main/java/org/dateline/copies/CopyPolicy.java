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

  /** The key of the index's commit data that records its copy detection. */
  public static final String COMMIT_KEY = "dateline.copies";

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

  /**
   * How an index records this policy in its commit data: {@code off}, or {@code on} with the
   * thresholds.
   *
   * @return the recorded form, read back by {@link #ofCommitValue(String)}
   */
  public String commitValue() {
    if (!enabled) {
      return "off";
    }
    return "on jaccard="
        + copyJaccard
        + " window="
        + window
        + " reuse="
        + reuseShare
        + " min="
        + reuseMinShingles;
  }

  /**
   * Reads a policy as {@link #commitValue()} wrote it.
   *
   * @param value the recorded form
   * @return the policy
   * @throws IllegalArgumentException when the value is not one {@link #commitValue()} writes
   */
  public static CopyPolicy ofCommitValue(String value) {
    if (value.equals("off")) {
      return OFF;
    }
    String[] parts = value.split(" ");
    if (parts.length != 5 || !parts[0].equals("on")) {
      throw new IllegalArgumentException("not a copy policy: " + value);
    }
    try {
      return new CopyPolicy(
          true,
          Double.parseDouble(after(parts[1], "jaccard=")),
          Duration.parse(after(parts[2], "window=")),
          Double.parseDouble(after(parts[3], "reuse=")),
          Integer.parseInt(after(parts[4], "min=")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a copy policy: " + value, e);
    }
  }

  private static String after(String part, String prefix) {
    if (!part.startsWith(prefix)) {
      throw new IllegalArgumentException("expected " + prefix + " (got: " + part + ")");
    }
    return part.substring(prefix.length());
  }

  /**
   * Says the policy in words, for messages: {@code off}, or {@code on (Jaccard 0.5 within 3
   * days)}.
   *
   * @return the description
   */
  public String label() {
    if (!enabled) {
      return "off";
    }
    long hours = window.toHours();
    String w = hours % 24 == 0 ? (hours / 24) + " days" : window.toString();
    return "on (Jaccard " + copyJaccard + " within " + w + ")";
  }
}
