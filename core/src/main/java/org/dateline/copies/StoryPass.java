package org.dateline.copies;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Collects what collapsing and story counts need from the same walk over the matches as the top
 * hits (run beside the top-hits collector in one {@code MultiCollectorManager}), so that neither
 * costs a second pass over the matches.
 *
 * <p>Per match it reads the group size; an article alone in its group (most of them) is one story
 * and nothing more is kept. For an article of a group of two or more it keeps the group's key and
 * the document: 12 bytes per such match. Once the page is known, {@link Matches#stats} counts the
 * page groups' matching articles and outlets from what was kept.
 */
public final class StoryPass implements CollectorManager<StoryPass.Slice, StoryPass.Matches> {

  /** A pass for one search. */
  public StoryPass() {}

  @Override
  public Slice newCollector() {
    return new Slice();
  }

  @Override
  public Matches reduce(Collection<Slice> slices) {
    Matches all = new Matches();
    for (Slice s : slices) {
      all.addAll(s.matches);
    }
    return all;
  }

  /** What one pass found among the matches. */
  public static final class Matches {
    private long singles;
    private long[] keys = new long[64];
    private int[] docs = new int[64];
    private int n;

    private Matches() {}

    private void add(long key, int doc) {
      if (n == keys.length) {
        keys = Arrays.copyOf(keys, n * 2);
        docs = Arrays.copyOf(docs, n * 2);
      }
      keys[n] = key;
      docs[n++] = doc;
    }

    private void addAll(Matches other) {
      singles += other.singles;
      for (int i = 0; i < other.n; i++) {
        add(other.keys[i], other.docs[i]);
      }
    }

    /**
     * How many distinct copy groups the matches belong to.
     *
     * @return the story count
     */
    public long stories() {
      long[] sorted = Arrays.copyOf(keys, n);
      Arrays.sort(sorted);
      long distinct = 0;
      for (int i = 0; i < n; i++) {
        if (i == 0 || sorted[i] != sorted[i - 1]) {
          distinct++;
        }
      }
      return singles + distinct;
    }

    /**
     * The counts a page of hits shows: the stories, and for each page hit's group its matching
     * articles and their distinct sources.
     *
     * @param reader the reader the pass ran on
     * @param page the page's documents
     * @return the stats
     * @throws IOException when the index cannot be read
     */
    public CopyFinder.MatchStats stats(IndexReader reader, int[] page) throws IOException {
      Map<Long, Long> folded = new HashMap<>();
      Map<Long, Set<Integer>> members = new HashMap<>();
      for (int doc : page) {
        long key = CopyFinder.key(reader, doc);
        folded.put(key, 0L);
        members.put(key, new HashSet<>(List.of(doc)));
      }
      long[] pageKeys = folded.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
      for (int i = 0; i < n; i++) {
        if (Arrays.binarySearch(pageKeys, keys[i]) >= 0) {
          folded.merge(keys[i], 1L, Long::sum);
          members.get(keys[i]).add(docs[i]);
        }
      }
      Map<Long, Set<String>> outlets = new HashMap<>();
      for (Map.Entry<Long, Set<Integer>> e : members.entrySet()) {
        // a page hit alone in its group was not kept by the pass: it is its only matching article
        folded.compute(e.getKey(), (k, v) -> Math.max(1L, v));
        Set<String> sources = new TreeSet<>();
        for (int doc : e.getValue()) {
          addSources(reader, doc, sources);
        }
        outlets.put(e.getKey(), sources);
      }
      return new CopyFinder.MatchStats(stories(), folded, outlets);
    }

    private static void addSources(IndexReader reader, int doc, Set<String> into)
        throws IOException {
      List<LeafReaderContext> leaves = reader.leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      SortedSetDocValues sources = leaf.reader().getSortedSetDocValues(CopyFields.SOURCE);
      if (sources != null && sources.advanceExact(doc - leaf.docBase)) {
        for (int i = 0; i < sources.docValueCount(); i++) {
          into.add(sources.lookupOrd(sources.nextOrd()).utf8ToString());
        }
      }
    }
  }

  /** Collects the segments of one slice. */
  public static final class Slice implements Collector {
    private final Matches matches = new Matches();

    private Slice() {}

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      NumericDocValues sizes = context.reader().getNumericDocValues(CopyFields.SIZE);
      NumericDocValues keys = context.reader().getNumericDocValues(CopyFields.KEY);
      int base = context.docBase;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          // the collector sees live documents only
          if (sizes != null
              && sizes.advanceExact(doc)
              && sizes.longValue() > 1
              && keys != null
              && keys.advanceExact(doc)) {
            matches.add(keys.longValue(), base + doc);
          } else {
            matches.singles++;
          }
        }
      };
    }
  }
}
