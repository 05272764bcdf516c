package org.dateline;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Where a query matched each hit of one search, asked of the index once per hit and shared by the
 * title's marks ({@link TitleMarks}) and the body's snippets ({@link IndexMatchesStrategy}): one
 * weight per search, built as the highlighter builds its own (no query cache, no scores).
 */
final class HitMatches {
  private final Query query;
  private final Weight weight;
  private final List<LeafReaderContext> leaves;
  private final Map<Integer, Matches> byDoc = new HashMap<>();

  /**
   * @param searcher the searcher the hits come from
   * @param query the text query, without filters
   */
  HitMatches(IndexSearcher searcher, Query query) throws IOException {
    IndexSearcher plain = new IndexSearcher(searcher.getIndexReader());
    plain.setQueryCache(null);
    this.query = query;
    this.weight = plain.createWeight(plain.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    this.leaves = plain.getIndexReader().leaves();
  }

  /** The query the matches are of. */
  Query query() {
    return query;
  }

  /** The leaf of a top-level doc id. */
  LeafReaderContext leaf(int docId) {
    return leaves.get(ReaderUtil.subIndex(docId, leaves));
  }

  /** The top-level doc id of a segment's doc. */
  int topLevel(LeafReader reader, int docId) {
    for (LeafReaderContext leaf : leaves) {
      if (leaf.reader() == reader) {
        return leaf.docBase + docId;
      }
    }
    throw new IllegalArgumentException("a segment not of this search's reader");
  }

  /** The hit's matches (a top-level doc id), null when it does not match. */
  Matches of(int docId) throws IOException {
    if (byDoc.containsKey(docId)) {
      return byDoc.get(docId);
    }
    LeafReaderContext leaf = leaf(docId);
    Matches m = weight.matches(leaf, docId - leaf.docBase);
    byDoc.put(docId, m);
    return m;
  }
}
