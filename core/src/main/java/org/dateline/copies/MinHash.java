package org.dateline.copies;

import org.apache.lucene.util.BytesRef;

/**
 * MinHash signatures of shingle sets and their locality-sensitive band keys.
 *
 * <p>The signature has {@value #HASHES} values, each the least of one seeded hash function over
 * the shingles; two sets agree in one value with probability equal to their Jaccard similarity.
 * The signature is cut into {@value #BANDS} bands of {@value #ROWS} rows; two texts become
 * candidates when any band agrees in full, which happens with probability {@code 1 - (1 - J^2)^64}:
 * 0.77 at Jaccard 0.15, 0.93 at 0.2, 0.98 at 0.25, above 0.9999 at 0.4. Candidates are then checked
 * exactly, so the banding decides recall only, never precision.
 *
 * <p>The seeds are fixed: the same text gets the same band keys in every run and every index.
 * Changing {@link #HASHES}, {@link #ROWS} or the seeds changes the index format.
 */
public final class MinHash {
  /** Hash functions per signature. */
  public static final int HASHES = 128;

  /** Signature values per band. */
  public static final int ROWS = 2;

  /** Bands per signature. */
  public static final int BANDS = HASHES / ROWS;

  private static final long[] SEEDS = new long[HASHES];

  /** Odd multipliers: with {@link #SEEDS}, one permutation of the 64-bit values per hash. */
  private static final long[] MULTIPLIERS = new long[HASHES];

  static {
    long s = 0x5DEECE66DL; // SplitMix64 from a fixed start: the seeds are part of the format
    for (int i = 0; i < HASHES; i++) {
      s += 0x9E3779B97F4A7C15L;
      SEEDS[i] = Shingles.mix(s);
      s += 0x9E3779B97F4A7C15L;
      MULTIPLIERS[i] = Shingles.mix(s) | 1;
    }
  }

  private MinHash() {}

  /**
   * How many bands a pair must share to be looked at for a given similarity: the most that a pair
   * at that Jaccard similarity still reaches with probability at least 1 - 10<sup>-5</sup> (the
   * number of shared bands is binomial, 64 trials of probability J<sup>2</sup>); at least 1.
   * Requiring several bands rather than one keeps unrelated articles that happen to share a band
   * (common phrases) from being checked: 3 bands at the copy threshold 0.5.
   *
   * @param jaccard the least similarity that must be found, 0 to 1
   * @return the number of bands, 1 to {@value #BANDS}
   */
  public static int minBands(double jaccard) {
    double p = jaccard * jaccard;
    int best = 1;
    double cdf = 0; // P(shared bands < k)
    for (int k = 1; k <= BANDS; k++) {
      cdf += binomial(BANDS, k - 1, p);
      if (cdf > 1e-5) {
        break;
      }
      best = k;
    }
    return best;
  }

  private static double binomial(int n, int k, double p) {
    double logC = 0;
    for (int i = 0; i < k; i++) {
      logC += Math.log(n - i) - Math.log(i + 1);
    }
    if (p <= 0) {
      return k == 0 ? 1 : 0;
    }
    if (p >= 1) {
      return k == n ? 1 : 0;
    }
    return Math.exp(logC + k * Math.log(p) + (n - k) * Math.log1p(-p));
  }

  /**
   * The signature of a shingle set.
   *
   * @param shingles from {@link Shingles#of(String)}; must not be empty
   * @return {@value #HASHES} minimum hashes
   */
  public static long[] signature(long[] shingles) {
    if (shingles.length == 0) {
      throw new IllegalArgumentException("shingles must not be empty (got: 0)");
    }
    long[] sig = new long[HASHES];
    java.util.Arrays.fill(sig, Long.MAX_VALUE);
    // The shingle hashes are already well mixed, so each hash function is a cheap permutation of
    // them, an xor and a multiplication by an odd number (both one-to-one on 64 bits), whose high
    // bits, which decide the minimum, depend on every bit of the shingle: a third of the cost of
    // a full mix per function, in a loop the JIT unrolls.
    for (long x : shingles) {
      for (int i = 0; i < HASHES; i++) {
        long h = (x ^ SEEDS[i]) * MULTIPLIERS[i];
        if (h < sig[i]) {
          sig[i] = h;
        }
      }
    }
    return sig;
  }

  /** Bytes of a band's hash kept in its term: 40 bits, so that unrelated articles collide in a
   * band about once per band in a million articles (and a collision only costs one exact check). */
  static final int KEY_BYTES = 5;

  /**
   * The band keys of a signature, as index terms: one byte for the band number, then {@value
   * #KEY_BYTES} bytes of the band's hash.
   *
   * @param signature from {@link #signature(long[])}
   * @return {@value #BANDS} terms
   */
  public static BytesRef[] bandKeys(long[] signature) {
    BytesRef[] keys = new BytesRef[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long h = b;
      for (int r = 0; r < ROWS; r++) {
        h = Shingles.mix(h * 31 + signature[b * ROWS + r]);
      }
      byte[] bytes = new byte[1 + KEY_BYTES];
      bytes[0] = (byte) b;
      for (int k = 0; k < KEY_BYTES; k++) {
        bytes[1 + k] = (byte) (h >>> (56 - 8 * k));
      }
      keys[b] = new BytesRef(bytes);
    }
    return keys;
  }
}
