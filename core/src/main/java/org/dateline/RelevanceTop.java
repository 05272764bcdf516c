package org.dateline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;

/**
 * The top hits by relevance, equal scores ordered by id, with the exact total: the same hits, in
 * the same order and with the same sort values, as Lucene's {@code TopFieldCollector} on {@link
 * NewsSearcher#sort(SortOrder) sort(RELEVANCE)} (score, then id), at the cost of a score-only
 * collector.
 *
 * <p>{@code TopFieldCollector} copies every competitive hit's id from the doc values and compares
 * through a chain of comparators, though the id decides only between equal scores. Here a hit is
 * first compared by score alone, as Lucene's {@code TopScoreDocCollector} does; a hit's id is read
 * (as its ordinal in its segment's ids) only when its score equals that of the hit it is compared
 * with (the page's last, or the cursor's), and when it is kept. Ids of different segments are
 * compared as bytes, each looked up once: the page's last and the cursor's are located among a
 * segment's ids ({@code lookupTerm}) once per segment and change.
 */
final class RelevanceTop implements CollectorManager<RelevanceTop.TopCollector, TopFieldDocs> {
  private final int n;
  private final float afterScore;
  private final BytesRef afterId;
  private final boolean paging;

  /**
   * A collector manager for the first {@code n} hits after {@code after}.
   *
   * @param n how many hits, &gt;= 1
   * @param after the last hit of the page before (sort values: Float score, BytesRef id), or null
   */
  RelevanceTop(int n, FieldDoc after) {
    Check.argument(n >= 1, "n must be >= 1 (got: %d)", n);
    this.n = n;
    this.paging = after != null;
    this.afterScore = after == null ? 0f : (Float) after.fields[0];
    this.afterId = after == null ? null : (BytesRef) after.fields[1];
  }

  @Override
  public TopCollector newCollector() {
    return new TopCollector();
  }

  @Override
  public TopFieldDocs reduce(Collection<TopCollector> collectors) throws IOException {
    List<Entry> all = new ArrayList<>();
    long total = 0;
    for (TopCollector c : collectors) {
      total += c.total;
      for (int i = 1; i <= c.size; i++) {
        all.add(c.heap[i]);
      }
    }
    all.sort(BEST_FIRST);
    int size = Math.min(n, all.size());
    ScoreDoc[] docs = new ScoreDoc[size];
    for (int i = 0; i < size; i++) {
      Entry e = all.get(i);
      docs[i] = new FieldDoc(e.doc, e.score, new Object[] {e.score, e.id()});
    }
    return new TopFieldDocs(
        new TotalHits(total, TotalHits.Relation.EQUAL_TO),
        docs,
        NewsSearcher.sort(SortOrder.RELEVANCE).getSort());
  }

  /** Compares ids as the id sort does: bytes unsigned, a missing id first. */
  private static int compareIds(BytesRef a, BytesRef b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }

  /** Compares two kept hits' ids: by ordinal within one segment, else by bytes. */
  private static int compareIds(Entry a, Entry b) {
    return a.ids == b.ids ? Long.compare(a.ord, b.ord) : compareIds(a.id(), b.id());
  }

  /**
   * Compares a segment's id ordinal (-1: no id) with an id from anywhere, given where that id
   * falls among the segment's ids ({@code lookupTerm}: its ordinal, or -(insertion point) - 1).
   */
  private static int compareOrd(long ord, BytesRef id, long position) {
    if (id == null) {
      return ord == -1 ? 0 : 1;
    }
    if (position >= 0) {
      return Long.compare(ord, position);
    }
    return ord < -position - 1 ? -1 : 1;
  }

  /** Higher score first, then lower id, then lower doc. */
  private static final Comparator<Entry> BEST_FIRST =
      (a, b) -> {
        int c = Float.compare(b.score, a.score);
        if (c != 0) {
          return c;
        }
        c = compareIds(a, b);
        return c != 0 ? c : Integer.compare(a.doc, b.doc);
      };

  /** Whether {@code a} ranks below {@code b}. */
  private static boolean worse(Entry a, Entry b) {
    return BEST_FIRST.compare(a, b) > 0;
  }

  /** A kept hit: its id's ordinal in its segment, and the id itself once needed across segments. */
  private static final class Entry {
    float score;
    int doc; // index-wide
    SortedSetDocValues ids; // of the hit's segment
    long ord; // -1: no id
    BytesRef id;

    BytesRef id() {
      if (id == null && ord >= 0) {
        try {
          id = BytesRef.deepCopyOf(ids.lookupOrd(ord));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return id;
    }
  }

  /** One slice's top hits, worst on top of a binary heap. */
  final class TopCollector implements Collector {
    private final Entry[] heap = new Entry[n + 1]; // 1-based
    private int size;
    private long total;
    private long version; // changes whenever the heap does

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE; // every match counted: exact totals
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      return new LeafCollector() {
        private Scorable scorer;
        private SortedSetDocValues ids; // opened at the first tie, read forward
        private int lastDoc = -1;
        private long lastOrd;
        private long afterPosition = Long.MIN_VALUE; // not looked up yet
        private long bottomVersion = -1;
        private long bottomPosition;

        @Override
        public void setScorer(Scorable scorer) {
          this.scorer = scorer;
        }

        private SortedSetDocValues ids() throws IOException {
          if (ids == null) {
            ids = DocValues.getSortedSet(context.reader(), Fields.ID);
          }
          return ids;
        }

        private long ordOf(int doc) throws IOException {
          if (doc != lastDoc) {
            SortedSetDocValues dv = ids();
            lastOrd = dv.advanceExact(doc) ? dv.nextOrd() : -1;
            lastDoc = doc;
          }
          return lastOrd;
        }

        private long position(BytesRef id) throws IOException {
          return id == null ? -1 : ids().lookupTerm(id);
        }

        /** This doc's id against the bottom's, when their scores are equal. */
        private int compareToBottom(int doc, Entry bottom) throws IOException {
          long ord = ordOf(doc);
          if (bottom.ids == ids) {
            return Long.compare(ord, bottom.ord);
          }
          if (bottomVersion != version) {
            bottomPosition = position(bottom.id());
            bottomVersion = version;
          }
          return compareOrd(ord, bottom.id(), bottomPosition);
        }

        @Override
        public void collect(int doc) throws IOException {
          float score = scorer.score();
          total++;
          if (paging) {
            int c = Float.compare(score, afterScore);
            if (c > 0) {
              return;
            }
            if (c == 0) {
              if (afterPosition == Long.MIN_VALUE) {
                afterPosition = position(afterId);
              }
              if (compareOrd(ordOf(doc), afterId, afterPosition) <= 0) {
                return; // the cursor's hit itself or one before it
              }
            }
          }
          Entry e;
          if (size == n) {
            Entry bottom = heap[1];
            int c = Float.compare(score, bottom.score);
            if (c < 0) {
              return;
            }
            // a later doc with the same id (none: ids are unique) would rank below too
            if (c == 0 && compareToBottom(doc, bottom) >= 0) {
              return;
            }
            e = bottom;
          } else {
            e = new Entry();
            heap[++size] = e;
          }
          e.score = score;
          e.doc = context.docBase + doc;
          e.ord = ordOf(doc);
          e.ids = ids;
          e.id = null;
          version++;
          if (e == heap[1] && size == n) {
            down(1);
          } else {
            up(size);
          }
        }
      };
    }

    private void up(int i) {
      Entry e = heap[i];
      while (i > 1 && worse(e, heap[i >>> 1])) {
        heap[i] = heap[i >>> 1];
        i >>>= 1;
      }
      heap[i] = e;
    }

    private void down(int i) {
      Entry e = heap[i];
      while (true) {
        int child = i << 1;
        if (child > size) {
          break;
        }
        if (child < size && worse(heap[child + 1], heap[child])) {
          child++;
        }
        if (!worse(heap[child], e)) {
          break;
        }
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = e;
    }
  }
}
