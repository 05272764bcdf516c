package org.dateline;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Remembers the Porter stems of the words one analysis chain has seen, so that a word met again
 * (most words of a news corpus: "the", "said", "mln"...) is not stemmed again. Porter stemming was
 * the largest part of analysis in indexing profiles (about a tenth of the indexing threads' time),
 * and its result depends on the word alone.
 *
 * <p>{@link #wrap} puts two filters around a {@link PorterStemFilter}: the first replaces a known
 * word by its stem and marks it as a keyword, which the stemmer leaves alone; the second records
 * the stem of a word that was not known. The tokens that come out are exactly the stemmer's. The
 * cache belongs to one chain (one thread); it holds at most {@value #MAX_ENTRIES} words of at most
 * {@value #MAX_WORD_CHARS} characters and stops learning when full (the frequent words come early
 * in any corpus), so its memory is bounded (a few MB).
 */
final class StemCache {
  /** Most words remembered. */
  static final int MAX_ENTRIES = 1 << 15;

  /** Longest word remembered; longer ones are stemmed every time. */
  static final int MAX_WORD_CHARS = 24;

  private static final int SLOTS = MAX_ENTRIES * 2; // load at most one half: short probes

  private int[] hashes;
  private char[][] words;
  private char[][] stems;
  private int size;

  /** The word the first filter did not know, waiting for its stem; -1 when none is pending. */
  private final char[] pending = new char[MAX_WORD_CHARS];

  private int pendingLength = -1;
  private int pendingHash;

  private StemCache() {}

  /**
   * Porter stemming of a stream, with a cache in front of the stemmer.
   *
   * @param in the stream to stem; it must not mark keywords itself
   * @return the stemmed stream
   */
  static TokenStream wrap(TokenStream in) {
    StemCache cache = new StemCache();
    return cache.new Remember(new PorterStemFilter(cache.new Lookup(in)));
  }

  private static int hash(char[] text, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + text[i];
    }
    return h ^ (h >>> 16);
  }

  /** The slot of a word: where it is, or the empty slot where it would go. */
  private int slot(char[] text, int length, int h) {
    int mask = SLOTS - 1;
    int i = h & mask;
    while (words[i] != null) {
      if (hashes[i] == h && Arrays.equals(words[i], 0, words[i].length, text, 0, length)) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Gives known words their stem and marks them for the stemmer to skip. */
  private final class Lookup extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    Lookup(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      pendingLength = -1;
      if (!input.incrementToken()) {
        return false;
      }
      int length = term.length();
      if (length > MAX_WORD_CHARS || keyword.isKeyword()) {
        return true;
      }
      char[] buffer = term.buffer();
      int h = hash(buffer, length);
      if (words == null) {
        hashes = new int[SLOTS];
        words = new char[SLOTS][];
        stems = new char[SLOTS][];
      }
      int i = slot(buffer, length, h);
      if (words[i] != null) {
        char[] stem = stems[i];
        term.copyBuffer(stem, 0, stem.length);
        keyword.setKeyword(true);
      } else if (size < MAX_ENTRIES) {
        System.arraycopy(buffer, 0, pending, 0, length);
        pendingLength = length;
        pendingHash = h;
      }
      return true;
    }
  }

  /** Records the stem of the word the lookup did not know, and clears the keyword mark. */
  private final class Remember extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    Remember(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      keyword.setKeyword(false);
      if (pendingLength >= 0) {
        int i = slot(pending, pendingLength, pendingHash);
        hashes[i] = pendingHash;
        words[i] = Arrays.copyOf(pending, pendingLength);
        stems[i] = Arrays.copyOf(term.buffer(), term.length());
        size++;
        pendingLength = -1;
      }
      return true;
    }
  }
}
