package org.dateline.copies;

import java.util.Arrays;
import java.util.Locale;

/**
 * The word shingles of a text, as sorted distinct 64-bit hashes.
 *
 * <p>A word is a maximal run of letters and digits, lower-cased in {@link Locale#ROOT}; everything
 * else (punctuation, markup characters, spaces) separates words. A shingle is {@value #WORDS}
 * consecutive words. A text of fewer than {@value #WORDS} words has no shingles and is never a
 * copy of anything.
 */
public final class Shingles {
  /** Words per shingle. */
  public static final int WORDS = 5;

  private Shingles() {}

  /**
   * Hashes the {@value #WORDS}-word shingles of a text.
   *
   * @param text any text; null counts as empty
   * @return the distinct shingle hashes, ascending; empty when the text has fewer than {@value
   *     #WORDS} words
   */
  public static long[] of(String text) {
    if (text == null || text.isEmpty()) {
      return new long[0];
    }
    long[] words = words(text);
    int n = words.length - WORDS + 1;
    if (n <= 0) {
      return new long[0];
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      // a polynomial over the words' hashes (order matters), mixed once: one mix per shingle,
      // not one per word, and every bit of the result depends on every word
      long h = 0;
      for (int j = 0; j < WORDS; j++) {
        h = h * 0x9E3779B97F4A7C15L + words[i + j];
      }
      out[i] = mix(h);
    }
    Arrays.sort(out);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[distinct++] = out[i];
      }
    }
    return distinct == n ? out : Arrays.copyOf(out, distinct);
  }

  /**
   * How many hashes two sorted distinct hash arrays share.
   *
   * @param a shingles of one text, from {@link #of(String)}
   * @param b shingles of another
   * @return the size of the intersection
   */
  public static int shared(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return common;
  }

  /** The words' hashes, in text order. */
  private static long[] words(String text) {
    long[] out = new long[Math.max(8, text.length() / 5)];
    int count = 0;
    int i = 0;
    int len = text.length();
    while (i < len) {
      int cp = text.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      long h = 0xcbf29ce484222325L; // FNV-1a over the lower-cased code points
      while (i < len) {
        cp = text.codePointAt(i);
        if (!Character.isLetterOrDigit(cp)) {
          break;
        }
        int lower = Character.toLowerCase(cp); // code point case folding, locale-independent
        h = (h ^ lower) * 0x100000001b3L;
        i += Character.charCount(cp);
      }
      if (count == out.length) {
        out = Arrays.copyOf(out, count * 2);
      }
      out[count++] = h;
    }
    return Arrays.copyOf(out, count);
  }

  /** Murmur3's 64-bit finalizer: every input bit moves every output bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
