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

  static {
    long s = 0x5DEECE66DL; // SplitMix64 from a fixed start: the seeds are part of the format
    for (int i = 0; i < HASHES; i++) {
      s += 0x9E3779B97F4A7C15L;
      SEEDS[i] = Shingles.mix(s);
    }
  }

  private MinHash() {}

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
    for (long x : shingles) {
      for (int i = 0; i < HASHES; i++) {
        long h = Shingles.mix(x ^ SEEDS[i]);
        if (h < sig[i]) {
          sig[i] = h;
        }
      }
    }
    return sig;
  }

  /**
   * The band keys of a signature, as index terms: one byte for the band number, then eight bytes
   * of the band's hash.
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
      byte[] bytes = new byte[9];
      bytes[0] = (byte) b;
      for (int k = 0; k < 8; k++) {
        bytes[1 + k] = (byte) (h >>> (56 - 8 * k));
      }
      keys[b] = new BytesRef(bytes);
    }
    return keys;
  }
}
