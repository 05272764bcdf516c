package org.dateline.copies;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Reads copy groups at search time: a hit's group, an article's copies and partial reuses, the
 * number of stories among a search's matches, and the largest groups among them. {@code
 * NewsSearcher} calls it; applications use {@code NewsSearcher}.
 */
public final class CopyFinder {
  private CopyFinder() {}

  /** The stored title field. */
  private static final String TITLE = "title";

  /**
   * A hit's copy group, as the index holds it.
   *
   * @param reader the reader the document number belongs to
   * @param doc the document
   * @param id the article's id, the answer for an index written before copy detection
   * @return its group
   * @throws IOException when the index cannot be read
   */
  public static CopyInfo info(IndexReader reader, int doc, String id) throws IOException {
    LeafReaderContext leaf = leaf(reader, doc);
    int d = doc - leaf.docBase;
    BinaryDocValues groups = leaf.reader().getBinaryDocValues(CopyFields.GROUP);
    NumericDocValues sizes = leaf.reader().getNumericDocValues(CopyFields.SIZE);
    if (groups == null || !groups.advanceExact(d)) {
      return CopyInfo.alone(id);
    }
    String group = groups.binaryValue().utf8ToString();
    long size = sizes != null && sizes.advanceExact(d) ? sizes.longValue() : 1;
    return new CopyInfo(group, group, Math.max(1, size), 0, 0);
  }

  /**
   * A document's collapse key: its group's hash, or (for an index written before copy detection)
   * the document number itself, so that it is a group of its own.
   *
   * @param reader the reader
   * @param doc the document
   * @return the key
   * @throws IOException when the index cannot be read
   */
  public static long key(IndexReader reader, int doc) throws IOException {
    LeafReaderContext leaf = leaf(reader, doc);
    NumericDocValues keys = leaf.reader().getNumericDocValues(CopyFields.KEY);
    return keys != null && keys.advanceExact(doc - leaf.docBase) ? keys.longValue() : ~doc;
  }

  /**
   * Where an article's text also appears: the rest of its group, with each one's similarity to
   * it, and the articles outside it that reuse a share of its text (or whose text it reuses), at
   * any date.
   *
   * @param searcher a searcher on the index
   * @param doc the article's document
   * @param policy the partial-reuse thresholds
   * @return its provenance
   * @throws IOException when the index cannot be read
   */
  public static Provenance provenance(IndexSearcher searcher, int doc, CopyPolicy policy)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    StoredFields stored = reader.storedFields();
    Neighbours.Member me = Neighbours.load(stored, doc);
    CopyInfo info = info(reader, doc, me.id());
    List<Neighbours.Member> copies = new ArrayList<>();
    Set<Integer> inGroup = new HashSet<>();
    if (info.size() > 1) {
      long key = key(reader, doc);
      for (LeafReaderContext leaf : reader.leaves()) {
        NumericDocValues keys = leaf.reader().getNumericDocValues(CopyFields.KEY);
        if (keys == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        for (int d = keys.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = keys.nextDoc()) {
          int global = leaf.docBase + d;
          if (keys.longValue() == key && (live == null || live.get(d)) && global != doc) {
            inGroup.add(global);
            copies.add(Neighbours.load(stored, global));
          }
        }
      }
    }
    List<Neighbours.Member> reuses = new ArrayList<>();
    for (int c : Neighbours.candidates(searcher, me, 1, null)) {
      if (inGroup.contains(c)) {
        continue;
      }
      Neighbours.Member other = Neighbours.load(stored, c);
      int shared = Shingles.shared(me.shingles(), other.shingles());
      double share =
          Math.max(
              (double) shared / me.shingles().length, (double) shared / other.shingles().length);
      if (shared >= policy.reuseMinShingles() && share >= policy.reuseShare()) {
        reuses.add(other);
      }
    }
    return new Provenance(
        me.id(), info, relatives(stored, me, copies), relatives(stored, me, reuses));
  }

  private static List<Relative> relatives(
      StoredFields stored, Neighbours.Member me, List<Neighbours.Member> others)
      throws IOException {
    others.sort(CopyGrouper.EARLIEST);
    List<Relative> out = new ArrayList<>(others.size());
    for (Neighbours.Member o : others) {
      int shared = Shingles.shared(me.shingles(), o.shingles());
      String title = stored.document(o.doc(), Set.of(TITLE)).get(TITLE);
      out.add(
          new Relative(
              o.id(),
              title == null ? "" : title,
              o.source(),
              o.date() == null ? null : Instant.ofEpochMilli(o.date()),
              Neighbours.jaccard(me.shingles(), o.shingles()),
              me.shingles().length == 0 ? 0 : (double) shared / me.shingles().length,
              o.shingles().length == 0 ? 0 : (double) shared / o.shingles().length));
    }
    return out;
  }

  /**
   * What a search's matches hold in copy terms, as {@link StoryPass} collects them beside the top
   * hits.
   *
   * @param stories how many distinct copy groups the matches belong to
   * @param folded for each requested key: how many matching articles the group has
   * @param outlets for each requested key: the distinct sources of its matching articles
   */
  public record MatchStats(long stories, Map<Long, Long> folded, Map<Long, Set<String>> outlets) {}

  /**
   * The largest copy groups among a query's matches: groups of two or more articles, by how many
   * of their articles match, then by name.
   *
   * @param searcher the searcher
   * @param query the query with its filters
   * @param top how many groups to return, &gt;= 1
   * @return the groups, largest first
   * @throws IOException when the index cannot be read
   */
  public static List<CopyGroup> largest(IndexSearcher searcher, Query query, int top)
      throws IOException {
    if (top < 1) {
      throw new IllegalArgumentException("top must be >= 1 (got: " + top + ")");
    }
    record Entry(String id, Long date) {}
    Map<Long, List<Entry>> byKey = new HashMap<>();
    Map<Long, Set<String>> outlets = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    Map<Long, Long> sizes = new HashMap<>();
    IndexReader reader = searcher.getIndexReader();
    StoredFields stored = reader.storedFields();
    Weight weight = weight(searcher, query);
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      LeafReader r = leaf.reader();
      NumericDocValues sizeValues = r.getNumericDocValues(CopyFields.SIZE);
      NumericDocValues keyValues = r.getNumericDocValues(CopyFields.KEY);
      BinaryDocValues groups = r.getBinaryDocValues(CopyFields.GROUP);
      SortedSetDocValues sources = r.getSortedSetDocValues(CopyFields.SOURCE);
      SortedNumericDocValues dates = r.getSortedNumericDocValues(CopyFields.DATE);
      Bits live = r.getLiveDocs();
      if (sizeValues == null || keyValues == null || groups == null) {
        continue;
      }
      DocIdSetIterator it = scorer.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if ((live != null && !live.get(d))
            || !sizeValues.advanceExact(d)
            || sizeValues.longValue() < 2
            || !keyValues.advanceExact(d)) {
          continue;
        }
        long k = keyValues.longValue();
        if (!names.containsKey(k) && groups.advanceExact(d)) {
          names.put(k, groups.binaryValue().utf8ToString());
          sizes.put(k, sizeValues.longValue());
        }
        Long date = dates != null && dates.advanceExact(d) ? dates.nextValue() : null;
        String id = stored.document(leaf.docBase + d, Set.of(CopyFields.ID)).get(CopyFields.ID);
        byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(new Entry(id, date));
        Set<String> s = outlets.computeIfAbsent(k, x -> new TreeSet<>());
        if (sources != null && sources.advanceExact(d)) {
          for (int i = 0; i < sources.docValueCount(); i++) {
            String src = sources.lookupOrd(sources.nextOrd()).utf8ToString();
            if (!src.isEmpty()) {
              s.add(src);
            }
          }
        }
      }
    }
    List<Long> order = new ArrayList<>(byKey.keySet());
    order.sort(
        Comparator.<Long>comparingInt(k -> -byKey.get(k).size())
            .thenComparing(k -> names.getOrDefault(k, "")));
    Comparator<Entry> earliest =
        Comparator.comparing(Entry::date, Comparator.nullsLast(Comparator.<Long>naturalOrder()))
            .thenComparing(Entry::id);
    List<CopyGroup> out = new ArrayList<>();
    for (Long k : order.subList(0, Math.min(top, order.size()))) {
      List<Entry> entries = byKey.get(k);
      entries.sort(earliest);
      Long first = null;
      Long last = null;
      for (Entry e : entries) {
        if (e.date() != null) {
          first = first == null ? e.date() : Math.min(first, e.date());
          last = last == null ? e.date() : Math.max(last, e.date());
        }
      }
      String name = names.get(k);
      int nameDoc = CopyGrouper.find(reader, name);
      String title =
          nameDoc < 0 ? "" : stored.document(nameDoc, Set.of(TITLE)).get(TITLE);
      out.add(
          new CopyGroup(
              name,
              title == null ? "" : title,
              entries.size(),
              sizes.get(k),
              List.copyOf(outlets.get(k)),
              first == null ? null : Instant.ofEpochMilli(first),
              last == null ? null : Instant.ofEpochMilli(last),
              entries.stream().map(Entry::id).toList()));
    }
    return out;
  }

  private static Weight weight(IndexSearcher searcher, Query query) throws IOException {
    return searcher.createWeight(
        searcher.rewrite(new ConstantScoreQuery(query)), ScoreMode.COMPLETE_NO_SCORES, 1);
  }

  private static LeafReaderContext leaf(IndexReader reader, int doc) {
    List<LeafReaderContext> leaves = reader.leaves();
    return leaves.get(ReaderUtil.subIndex(doc, leaves));
  }
}
