package org.dateline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Marks the query's matches in hits' titles: the marks the unified highlighter gives a title with
 * weight matches (each match the query itself reports, a quoted phrase as one span, overlapping
 * matches merged), without its machinery. The highlighter rewrites the query and builds its weight
 * once per hit and field; here one weight serves every hit of the search, and each hit's matches
 * are asked of it once.
 *
 * <p>A match's offsets come from the postings when the index stores them, else from re-analyzing
 * the stored title with the index analyzer, which gives the positions the index holds: a match's
 * span runs from the start of the token at its first position to the end of the token at its last.
 *
 * <p>Only queries whose meaning does not depend on the reader they are rewritten against are
 * marked here (terms, phrases, wildcards and ranges with constant-score rewriting, and boolean
 * combinations of them): the highlighter rewrites against one segment, and a fuzzy term's top
 * expansions, or a source name's existence, may differ between a segment and the whole index.
 * For any other query {@link #mark} returns null and the highlighter marks the titles.
 */
final class TitleMarks {
  private TitleMarks() {}

  /**
   * Marks the titles of hits.
   *
   * @param searcher the searcher the hits come from
   * @param analyzer the index analyzer, to find offsets when the postings hold none
   * @param query the text query, without filters
   * @param docIds the hits
   * @param stored the hits' stored fields by doc id (the title at least)
   * @param maxLength the longest stretch of a title searched for matches
   * @param postingsOffsets whether to read offsets from the postings when they hold them (false:
   *     always re-analyze, as for an index without offsets)
   * @return one marked title per hit, null for a hit without a title; or null when this query's
   *     titles are for the highlighter (see the class description)
   * @throws IOException when the index cannot be read
   */
  static Snippet[] mark(
      IndexSearcher searcher,
      Analyzer analyzer,
      Query query,
      int[] docIds,
      Map<Integer, Document> stored,
      int maxLength,
      boolean postingsOffsets)
      throws IOException {
    if (!readerIndependent(query)) {
      return null;
    }
    return mark(
        new HitMatches(searcher, query), analyzer, docIds, stored, maxLength, postingsOffsets);
  }

  /**
   * Marks the titles of hits, with matches asked of (and kept by) {@code matches}; only for a
   * query {@link #readerIndependent} accepts.
   *
   * @see #mark(IndexSearcher, Analyzer, Query, int[], Map, int, boolean)
   */
  static Snippet[] mark(
      HitMatches hitMatches,
      Analyzer analyzer,
      int[] docIds,
      Map<Integer, Document> stored,
      int maxLength,
      boolean postingsOffsets)
      throws IOException {
    Snippet[] out = new Snippet[docIds.length];
    for (int i = 0; i < docIds.length; i++) {
      String title = stored.get(docIds[i]).get(Fields.TITLE);
      if (title == null || title.isEmpty()) {
        continue; // the caller shows the title plain, as for a title the highlighter skipped
      }
      String content = title.length() <= maxLength ? title : title.substring(0, maxLength);
      Matches matches = hitMatches.of(docIds[i]);
      MatchesIterator it = matches == null ? null : matches.getMatches(Fields.TITLE);
      List<int[]> spans = new ArrayList<>();
      if (it != null) {
        collect(it, content, analyzer, postingsOffsets, spans, new int[1][]);
      }
      List<Span> merged = new ArrayList<>();
      for (int[] s : Highlighting.merge(spans)) {
        merged.add(new Span(s[0], s[1]));
      }
      out[i] = new Snippet(content, merged);
    }
    return out;
  }

  /**
   * Adds the offsets of every match of an iterator, descending into sub-matches as the
   * highlighter does (a match without sub-matches, such as a phrase, is one span).
   *
   * @param tokens the title's per-position offsets, computed on first need: {@code [2p]} the start
   *     and {@code [2p+1]} the end of the tokens at position p
   */
  private static void collect(
      MatchesIterator it,
      String content,
      Analyzer analyzer,
      boolean postingsOffsets,
      List<int[]> spans,
      int[][] tokens)
      throws IOException {
    while (it.next()) {
      MatchesIterator sub = it.getSubMatches();
      if (sub != null) {
        collect(sub, content, analyzer, postingsOffsets, spans, tokens);
        continue;
      }
      int start = postingsOffsets ? it.startOffset() : -1;
      int end = postingsOffsets ? it.endOffset() : -1;
      if (start < 0 || end < 0) {
        if (tokens[0] == null) {
          tokens[0] = positions(analyzer, content);
        }
        int[] t = tokens[0];
        int from = it.startPosition();
        int to = it.endPosition();
        if (from < 0 || 2 * to + 1 >= t.length) {
          continue; // beyond the analyzed text
        }
        start = Integer.MAX_VALUE;
        end = -1;
        for (int p = from; p <= to; p++) {
          if (t[2 * p] >= 0) {
            start = Math.min(start, t[2 * p]);
            end = Math.max(end, t[2 * p + 1]);
          }
        }
        if (end < 0) {
          continue;
        }
      }
      // as the highlighter: a match running past the text searched is left out
      if (end > content.length()) {
        continue;
      }
      spans.add(new int[] {start, end});
    }
  }

  /** The title's tokens by position: {@code [2p]} smallest start, {@code [2p+1]} largest end. */
  private static int[] positions(Analyzer analyzer, String content) throws IOException {
    int[] t = new int[32];
    Arrays.fill(t, -1);
    try (TokenStream ts = analyzer.tokenStream(Fields.TITLE, content)) {
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        if (position < 0) {
          continue;
        }
        t = recordOffsets(t, position, off.startOffset(), off.endOffset());
      }
      ts.end();
    }
    return t;
  }

  /**
   * Records a token's offsets in a table of positions (start at {@code 2p}, end at {@code 2p+1},
   * -1 where no token was seen; tokens at one position widen its span), growing the table when
   * needed.
   *
   * @return the table, the same or a grown copy
   */
  static int[] recordOffsets(int[] t, int position, int start, int end) {
    if (2 * position + 1 >= t.length) {
      int old = t.length;
      t = Arrays.copyOf(t, Math.max(old * 2, 2 * position + 2));
      Arrays.fill(t, old, t.length, -1);
    }
    t[2 * position] = t[2 * position] < 0 ? start : Math.min(t[2 * position], start);
    t[2 * position + 1] = Math.max(t[2 * position + 1], end);
    return t;
  }

  /**
   * Whether the query means the same rewritten against one segment as against the whole index:
   * only the query types listed here, and multi-term queries whose rewriting keeps every term.
   */
  static boolean readerIndependent(Query q) {
    if (q instanceof BooleanQuery b) {
      for (BooleanClause c : b.clauses()) {
        if (!readerIndependent(c.query())) {
          return false;
        }
      }
      return true;
    }
    if (q instanceof BoostQuery b) {
      return readerIndependent(b.getQuery());
    }
    if (q instanceof ConstantScoreQuery c) {
      return readerIndependent(c.getQuery());
    }
    if (q instanceof DisjunctionMaxQuery d) {
      for (Query sub : d.getDisjuncts()) {
        if (!readerIndependent(sub)) {
          return false;
        }
      }
      return true;
    }
    if (q instanceof MultiTermQuery m) {
      MultiTermQuery.RewriteMethod r = m.getRewriteMethod();
      return r == MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE
          || r == MultiTermQuery.CONSTANT_SCORE_REWRITE
          || r == MultiTermQuery.CONSTANT_SCORE_BOOLEAN_REWRITE
          || r == MultiTermQuery.SCORING_BOOLEAN_REWRITE
          || r == MultiTermQuery.DOC_VALUES_REWRITE;
    }
    return q instanceof TermQuery
        || q instanceof PhraseQuery
        || q instanceof MultiPhraseQuery
        || q instanceof SynonymQuery
        || q instanceof TermInSetQuery
        || q instanceof PointRangeQuery
        || q instanceof IndexOrDocValuesQuery
        || q instanceof MatchAllDocsQuery
        || q instanceof MatchNoDocsQuery;
  }
}
