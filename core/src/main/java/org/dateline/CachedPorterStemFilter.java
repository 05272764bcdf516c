package org.dateline;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Lucene's {@link PorterStemFilter} behind a small direct-mapped cache of the words it stemmed last:
 * the same stems (the cache only ever answers with what the stemmer gave for the same characters),
 * for less work on the words a text repeats. News is mostly the same few thousand words, and a hit
 * costs a hash and a comparison of a few chars where the stemmer tries dozens of suffixes.
 *
 * <p>No allocation on a hit (an earlier cache of strings in a hash map cost more than it saved).
 * Each instance is one thread's (Lucene reuses an analyzer's filters per thread), so the cache
 * needs no locking; it holds at most {@value #SLOTS} words of up to {@value #MAX_CACHED} chars.
 */
final class CachedPorterStemFilter extends TokenFilter {
  private static final int SLOTS = 8192; // a power of two
  private static final int MAX_CACHED = 24;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final OneToken feed;
  private final PorterStemFilter porter;
  private final char[][] words = new char[SLOTS][];
  private final char[][] stems = new char[SLOTS][];

  /**
   * Wraps the tokens to stem.
   *
   * @param in the tokens, lower case
   */
  CachedPorterStemFilter(TokenStream in) {
    super(in);
    feed = new OneToken(this);
    porter = new PorterStemFilter(feed);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] b = term.buffer();
    int n = term.length();
    if (n > MAX_CACHED || keyword.isKeyword()) {
      stem();
      return true;
    }
    int h = 0;
    for (int i = 0; i < n; i++) {
      h = 31 * h + b[i];
    }
    int slot = (h ^ (h >>> 13)) & (SLOTS - 1);
    char[] word = words[slot];
    if (word != null && word.length == n && Arrays.equals(word, 0, n, b, 0, n)) {
      char[] s = stems[slot];
      term.copyBuffer(s, 0, s.length);
      return true;
    }
    word = Arrays.copyOf(b, n);
    stem();
    words[slot] = word;
    stems[slot] = Arrays.copyOf(term.buffer(), term.length());
    return true;
  }

  /** Stems the current token with Lucene's filter, which works on the shared attributes. */
  private void stem() throws IOException {
    feed.ready = true;
    porter.incrementToken();
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    porter.reset();
  }

  /** Hands the stemmer the token already in the shared attributes, once per call. */
  private static final class OneToken extends TokenStream {
    boolean ready;

    OneToken(AttributeSource shared) {
      super(shared);
    }

    @Override
    public boolean incrementToken() {
      boolean r = ready;
      ready = false;
      return r;
    }
  }
}
