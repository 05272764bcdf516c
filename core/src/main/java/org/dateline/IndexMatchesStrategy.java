package org.dateline;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The unified highlighter's match offsets for one field, from the index itself rather than from an
 * in-memory index of each hit's text: the query's weight is built once per search (the
 * highlighter's {@code ANALYSIS} source builds an in-memory index and a weight per hit), asked
 * where each hit matched, and the match positions turned into offsets by analyzing the hit's text
 * with the index analyzer only as far as the last match needs.
 *
 * <p>The hit's matches in the field are those the highlighter finds (as for {@link TitleMarks};
 * {@code IndexMatchesStrategyTest} compares the two on Reuters), and the highlighter's own {@link
 * OffsetsEnum} reads them, so passages are chosen and scored as before. Only for queries that mean the same against the index as against one hit's text (see
 * {@link TitleMarks#readerIndependent}); the caller checks.
 */
final class IndexMatchesStrategy extends FieldOffsetStrategy {
  private final HitMatches hitMatches;
  private final Analyzer analyzer;

  /** The token stream of the hit being highlighted, closed before the next one starts. */
  private Positions open;

  /**
   * @param components the highlighter's components for the field
   * @param hitMatches the hits' matches, of the query the highlighter highlights
   * @param analyzer the index analyzer
   */
  IndexMatchesStrategy(UHComponents components, HitMatches hitMatches, Analyzer analyzer) {
    super(components);
    this.hitMatches = hitMatches;
    this.analyzer = analyzer;
  }

  @Override
  public UnifiedHighlighter.OffsetSource getOffsetSource() {
    return UnifiedHighlighter.OffsetSource.ANALYSIS;
  }

  @Override
  public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content)
      throws IOException {
    closeOpen();
    Matches matches = hitMatches.of(hitMatches.topLevel(reader, docId));
    MatchesIterator it = matches == null ? null : matches.getMatches(getField());
    if (it == null) {
      return OffsetsEnum.EMPTY;
    }
    Positions positions = new Positions(analyzer, getField(), content);
    open = positions;
    OffsetsEnum inner = new OffsetsEnum.OfMatchesIteratorWithSubs(new WithOffsets(it, positions));
    return new OffsetsEnum() {
      @Override
      public boolean nextPosition() throws IOException {
        return inner.nextPosition();
      }

      @Override
      public int freq() throws IOException {
        return inner.freq();
      }

      @Override
      public org.apache.lucene.util.BytesRef getTerm() throws IOException {
        return inner.getTerm();
      }

      @Override
      public int startOffset() throws IOException {
        return inner.startOffset();
      }

      @Override
      public int endOffset() throws IOException {
        return inner.endOffset();
      }

      @Override
      public void close() throws IOException {
        inner.close();
        closeOpen();
      }
    };
  }

  private void closeOpen() throws IOException {
    if (open != null) {
      Positions p = open;
      open = null;
      p.close();
    }
  }

  /** A hit's tokens by position, analyzed as far as asked. */
  private static final class Positions {
    private final TokenStream ts;
    private final PositionIncrementAttribute inc;
    private final OffsetAttribute off;
    private final int length;

    /** {@code [2p]} smallest start, {@code [2p+1]} largest end of the tokens at position p. */
    private int[] t = new int[64];

    private int position = -1;
    private boolean done;
    private boolean closed;

    Positions(Analyzer analyzer, String field, String content) throws IOException {
      Arrays.fill(t, -1);
      this.length = content.length();
      this.ts = analyzer.tokenStream(field, content);
      this.inc = ts.addAttribute(PositionIncrementAttribute.class);
      this.off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
    }

    /** Analyzes until position {@code p} is passed (its tokens all seen) or the text ends. */
    private void through(int p) throws IOException {
      while (!done && position <= p) {
        if (!ts.incrementToken()) {
          done = true;
          ts.end();
          break;
        }
        position += inc.getPositionIncrement();
        if (position < 0) {
          continue;
        }
        t = TitleMarks.recordOffsets(t, position, off.startOffset(), off.endOffset());
      }
    }

    /** The start offset of a match over positions {@code from..to}; -1 beyond the text. */
    int start(int from, int to) throws IOException {
      through(to);
      int start = Integer.MAX_VALUE;
      for (int p = Math.max(0, from); p <= to && 2 * p + 1 < t.length; p++) {
        if (t[2 * p] >= 0) {
          start = Math.min(start, t[2 * p]);
        }
      }
      return start == Integer.MAX_VALUE ? -1 : start;
    }

    /** The end offset of a match over positions {@code from..to}; -1 beyond the text. */
    int end(int from, int to) throws IOException {
      through(to);
      int end = -1;
      for (int p = Math.max(0, from); p <= to && 2 * p + 1 < t.length; p++) {
        end = Math.max(end, t[2 * p + 1]);
      }
      return end;
    }

    /** Whether a match's last position is within the analyzed text. */
    boolean has(int to) throws IOException {
      through(to);
      return to >= 0 && 2 * to + 1 < t.length && t[2 * to] >= 0 && t[2 * to + 1] <= length;
    }

    void close() throws IOException {
      if (!closed) {
        closed = true;
        ts.close();
      }
    }
  }

  /**
   * A matches iterator whose offsets come from positions; matches beyond the analyzed text (past
   * the highlighter's length limit) are skipped, as the in-memory index never had them.
   */
  private static final class WithOffsets implements MatchesIterator {
    private final MatchesIterator in;
    private final Positions positions;

    WithOffsets(MatchesIterator in, Positions positions) {
      this.in = in;
      this.positions = positions;
    }

    @Override
    public boolean next() throws IOException {
      while (in.next()) {
        if (positions.has(in.endPosition())) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int startPosition() {
      return in.startPosition();
    }

    @Override
    public int endPosition() {
      return in.endPosition();
    }

    @Override
    public int startOffset() throws IOException {
      return positions.start(in.startPosition(), in.endPosition());
    }

    @Override
    public int endOffset() throws IOException {
      return positions.end(in.startPosition(), in.endPosition());
    }

    @Override
    public MatchesIterator getSubMatches() throws IOException {
      MatchesIterator sub = in.getSubMatches();
      return sub == null ? null : new WithOffsets(sub, positions);
    }

    @Override
    public Query getQuery() {
      return in.getQuery();
    }
  }
}
