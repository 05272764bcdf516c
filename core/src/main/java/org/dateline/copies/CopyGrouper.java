package org.dateline.copies;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Brings the copy groups of an index up to date after articles were added, replaced or deleted:
 * run by the writer before each commit, in the writer's thread, once the indexing threads have
 * written everything handed to them.
 *
 * <p>A group is a connected component of the copy graph (see {@link org.dateline.copies}). The
 * pass recomputes the component of every changed article, and of every article that shared a
 * group with a replaced or deleted one (the group may have split, or lost its earliest), by a
 * breadth-first walk over LSH candidates checked exactly, in a near-real-time reader that sees
 * the uncommitted articles. Members whose group name or size changed get their doc values
 * updated. Memory is bounded by the ids changed since the last commit and the largest component,
 * never by the size of the index.
 */
public final class CopyGrouper {
  private CopyGrouper() {}

  /** A walk stops growing a component at this many articles. */
  public static final int MAX_GROUP = 10_000;

  /** Earliest first: by date (undated last), ties by id. */
  static final Comparator<Neighbours.Member> EARLIEST =
      Comparator.comparing(
              Neighbours.Member::date, Comparator.nullsLast(Comparator.<Long>naturalOrder()))
          .thenComparing(Neighbours.Member::id);

  /**
   * What the writer knows of an article it has just written: its band keys and date, so that
   * regrouping need not read its text back to find that it has no copy (most articles).
   *
   * @param bands the article's band keys, as indexed in {@link CopyFields#BANDS}
   * @param date its date in epoch milliseconds, or null when undated
   */
  public record Fingerprint(BytesRef[] bands, Long date) {
    /**
     * The fingerprint of a document built for the index.
     *
     * @param doc the document, with its {@link CopyFields#BANDS} fields
     * @param date the article's date in epoch milliseconds, or null
     * @return the fingerprint
     */
    public static Fingerprint of(Document doc, Long date) {
      IndexableField[] fields = doc.getFields(CopyFields.BANDS);
      BytesRef[] bands = new BytesRef[fields.length];
      for (int i = 0; i < fields.length; i++) {
        bands[i] = fields[i].binaryValue();
      }
      return new Fingerprint(bands, date);
    }
  }

  /**
   * Regroups after a change.
   *
   * @param writer the writer holding the uncommitted change
   * @param before a reader on the last commit, to find the former groups of replaced and deleted
   *     articles; null when there is none
   * @param changed the ids added, replaced or deleted since that commit
   * @param policy the thresholds; nothing is done when detection is off
   * @return how many articles got a new group name or size
   * @throws IOException when the index cannot be read or written
   */
  public static int regroup(
      IndexWriter writer, DirectoryReader before, Collection<String> changed, CopyPolicy policy)
      throws IOException {
    return regroup(writer, before, changed, Map.of(), policy);
  }

  /**
   * Regroups after a change, knowing the fingerprints of the articles just written: those of them
   * that share too few bands with any article within the window (most of them) are settled as
   * groups of their own in one pass over the band postings, in term order, without reading their
   * text back; the others, and every former group mate, are walked one by one.
   *
   * @param writer the writer holding the uncommitted change
   * @param before a reader on the last commit, to find the former groups of replaced and deleted
   *     articles; null when there is none
   * @param changed the ids added, replaced or deleted since that commit
   * @param known fingerprints of (some of) the changed articles, by id, as last written
   * @param policy the thresholds; nothing is done when detection is off
   * @return how many articles got a new group name or size
   * @throws IOException when the index cannot be read or written
   */
  public static int regroup(
      IndexWriter writer,
      DirectoryReader before,
      Collection<String> changed,
      Map<String, Fingerprint> known,
      CopyPolicy policy)
      throws IOException {
    if (!policy.enabled() || changed.isEmpty()) {
      return 0;
    }
    Set<String> seeds = new TreeSet<>(changed); // sorted: the same work in the same order
    if (before != null) {
      seeds.addAll(formerMates(before, changed));
    }
    int updated = 0;
    try (DirectoryReader after = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(after);
      searcher.setQueryCache(null);
      StoredFields stored = after.storedFields();
      Map<String, Integer> docs = new HashMap<>();
      Set<String> alone = alone(after, seeds, known, policy, docs);
      Set<String> done = new HashSet<>();
      for (String seed : seeds) {
        if (done.contains(seed)) {
          continue;
        }
        Integer cached = docs.get(seed);
        int doc = cached != null ? cached : find(after, seed);
        if (doc < 0) {
          continue; // deleted
        }
        if (alone.contains(seed)) {
          // no article shares enough bands with it within the window, and copy edges are
          // symmetric: a group of its own, named by itself
          done.add(seed);
          if (update(writer, after, doc, seed, seed, 1)) {
            updated++;
          }
          continue;
        }
        Collection<Neighbours.Member> component = component(searcher, stored, doc, policy);
        Neighbours.Member earliest = component.stream().min(EARLIEST).orElseThrow();
        for (Neighbours.Member m : component) {
          done.add(m.id());
          if (update(writer, after, m.doc(), m.id(), earliest.id(), component.size())) {
            updated++;
          }
        }
      }
    }
    return updated;
  }

  /** Seeds per pass of {@link #alone}: the seed's number takes the low bits of a sort key. */
  private static final int SEED_BITS = 17;

  /**
   * The seeds with a known fingerprint that have no LSH candidate ({@link Neighbours#candidates}
   * with the same band count and window): found for all of them together, leaf by leaf, with the
   * band keys sorted so that the terms dictionary is walked forward once. Puts the document of
   * each seed it looked at into {@code docs}.
   */
  static Set<String> alone(
      IndexReader reader,
      Set<String> seeds,
      Map<String, Fingerprint> known,
      CopyPolicy policy,
      Map<String, Integer> docs)
      throws IOException {
    List<String> ids = new ArrayList<>();
    for (String s : seeds) {
      Fingerprint f = known.get(s);
      if (f != null && f.bands().length == MinHash.BANDS) {
        ids.add(s);
      }
    }
    Set<String> alone = new HashSet<>();
    int chunk = 1 << SEED_BITS;
    for (int from = 0; from < ids.size(); from += chunk) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + chunk));
      alone.addAll(alone(reader, part, known, policy, docs));
    }
    return alone;
  }

  private static Set<String> alone(
      IndexReader reader,
      List<String> ids,
      Map<String, Fingerprint> known,
      CopyPolicy policy,
      Map<String, Integer> docs)
      throws IOException {
    int n = ids.size();
    int[] self = new int[n];
    Long[] dates = new Long[n];
    // sort key: band (6 bits), the band's 40-bit hash, the seed's number (17 bits)
    long[] keys = new long[n * MinHash.BANDS];
    for (int i = 0; i < n; i++) {
      self[i] = find(reader, ids.get(i));
      docs.put(ids.get(i), self[i]);
      Fingerprint f = known.get(ids.get(i));
      dates[i] = f.date();
      for (int b = 0; b < MinHash.BANDS; b++) {
        BytesRef k = f.bands()[b];
        long hash = 0;
        for (int j = 1; j < k.length; j++) {
          hash = (hash << 8) | (k.bytes[k.offset + j] & 0xff);
        }
        keys[i * MinHash.BANDS + b] =
            ((long) (k.bytes[k.offset] & 0x3f) << 57) | (hash << SEED_BITS) | i;
      }
    }
    java.util.Arrays.sort(keys);
    int minBands = MinHash.minBands(policy.copyJaccard());
    long window = policy.window().toMillis();
    boolean[] matched = new boolean[n];
    byte[] term = new byte[1 + MinHash.KEY_BYTES];
    BytesRef termRef = new BytesRef(term);
    PostingsEnum postings = null;
    long seedMask = (1L << SEED_BITS) - 1;
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(CopyFields.BANDS);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      // A leaf with few terms more than the keys sought (the new articles' own segments) is read
      // through in step with the sorted keys; in a larger one, each key is looked up.
      boolean scan = terms.size() >= 0 && terms.size() <= 2L * keys.length;
      BytesRef current = scan ? te.next() : null;
      Map<Long, Integer> shared = new HashMap<>(); // (seed, doc) -> bands shared
      int i = 0;
      while (i < keys.length) {
        long term64 = keys[i] >>> SEED_BITS;
        int j = i;
        while (j < keys.length && (keys[j] >>> SEED_BITS) == term64) {
          j++;
        }
        term[0] = (byte) (term64 >>> 40);
        for (int k = 0; k < MinHash.KEY_BYTES; k++) {
          term[1 + k] = (byte) (term64 >>> (32 - 8 * k));
        }
        boolean found;
        if (scan) {
          while (current != null && current.compareTo(termRef) < 0) {
            current = te.next();
          }
          found = current != null && current.bytesEquals(termRef);
        } else {
          found = te.seekExact(termRef);
        }
        if (found) {
          postings = te.postings(postings, PostingsEnum.NONE);
          for (int d = postings.nextDoc();
              d != DocIdSetIterator.NO_MORE_DOCS;
              d = postings.nextDoc()) {
            int global = leaf.docBase + d;
            for (int x = i; x < j; x++) {
              int seed = (int) (keys[x] & seedMask);
              if (global != self[seed] && !matched[seed]) {
                shared.merge(((long) seed << 32) | d, 1, Integer::sum);
              }
            }
          }
        }
        i = j;
      }
      Bits live = leaf.reader().getLiveDocs();
      SortedNumericDocValues dateValues =
          DocValues.getSortedNumeric(leaf.reader(), CopyFields.DATE);
      List<Long> pairs = new ArrayList<>();
      for (Map.Entry<Long, Integer> e : shared.entrySet()) {
        if (e.getValue() >= minBands) {
          pairs.add(e.getKey());
        }
      }
      java.util.Collections.sort(pairs); // doc values are read forward
      for (long pair : pairs) {
        int seed = (int) (pair >>> 32);
        int d = (int) pair;
        if (matched[seed] || (live != null && !live.get(d))) {
          continue;
        }
        boolean dated = dateValues.advanceExact(d);
        Long mine = dates[seed];
        boolean inWindow =
            mine == null ? !dated : dated && Math.abs(dateValues.nextValue() - mine) <= window;
        if (inWindow) {
          matched[seed] = true;
        }
      }
    }
    Set<String> out = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (!matched[i] && self[i] >= 0) {
        out.add(ids.get(i));
      }
    }
    return out;
  }

  /** The articles reachable from one by copy edges, itself included. */
  static Collection<Neighbours.Member> component(
      IndexSearcher searcher, StoredFields stored, int doc, CopyPolicy policy) throws IOException {
    int minBands = MinHash.minBands(policy.copyJaccard());
    Map<Integer, Neighbours.Member> loaded = new HashMap<>();
    Map<Integer, Neighbours.Member> members = new HashMap<>();
    Neighbours.Member start = Neighbours.load(stored, doc);
    members.put(doc, start);
    ArrayDeque<Neighbours.Member> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty() && members.size() < MAX_GROUP) {
      Neighbours.Member m = queue.poll();
      for (int c : Neighbours.candidates(searcher, m, minBands, policy.window())) {
        if (members.containsKey(c)) {
          continue;
        }
        Neighbours.Member other = loaded.get(c);
        if (other == null) {
          other = Neighbours.load(stored, c);
          loaded.put(c, other);
        }
        if (Neighbours.withinWindow(m, other, policy.window())
            && Neighbours.jaccard(m.shingles(), other.shingles()) >= policy.copyJaccard()) {
          members.put(c, other);
          queue.add(other);
        }
      }
    }
    return members.values();
  }

  /** Writes a member's group name and size when they changed; returns whether it wrote. */
  private static boolean update(
      IndexWriter writer, IndexReader reader, int doc, String id, String group, int size)
      throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int d = doc - leaf.docBase;
    BinaryDocValues groups = leaf.reader().getBinaryDocValues(CopyFields.GROUP);
    NumericDocValues sizes = leaf.reader().getNumericDocValues(CopyFields.SIZE);
    boolean same =
        groups != null
            && groups.advanceExact(d)
            && groups.binaryValue().utf8ToString().equals(group)
            && sizes != null
            && sizes.advanceExact(d)
            && sizes.longValue() == size;
    if (same) {
      return false;
    }
    writer.updateDocValues(
        new Term(CopyFields.ID, id),
        new BinaryDocValuesField(CopyFields.GROUP, new BytesRef(group)),
        new NumericDocValuesField(CopyFields.KEY, CopyFields.key(group)),
        new NumericDocValuesField(CopyFields.SIZE, size));
    return true;
  }

  /** The ids of the articles that shared a group of two or more with any of these ids. */
  private static Set<String> formerMates(DirectoryReader before, Collection<String> ids)
      throws IOException {
    Set<Long> keys = new HashSet<>();
    for (String id : ids) {
      int doc = find(before, id);
      if (doc < 0) {
        continue;
      }
      LeafReaderContext leaf = before.leaves().get(ReaderUtil.subIndex(doc, before.leaves()));
      int d = doc - leaf.docBase;
      NumericDocValues sizes = leaf.reader().getNumericDocValues(CopyFields.SIZE);
      NumericDocValues k = leaf.reader().getNumericDocValues(CopyFields.KEY);
      if (sizes != null && sizes.advanceExact(d) && sizes.longValue() > 1
          && k != null && k.advanceExact(d)) {
        keys.add(k.longValue());
      }
    }
    Set<String> mates = new HashSet<>();
    if (keys.isEmpty()) {
      return mates;
    }
    StoredFields stored = before.storedFields();
    for (LeafReaderContext leaf : before.leaves()) {
      NumericDocValues k = leaf.reader().getNumericDocValues(CopyFields.KEY);
      if (k == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      for (int d = k.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = k.nextDoc()) {
        if ((live == null || live.get(d)) && keys.contains(k.longValue())) {
          mates.add(stored.document(leaf.docBase + d, Set.of(CopyFields.ID)).get(CopyFields.ID));
        }
      }
    }
    return mates;
  }

  /**
   * Finds the live document of an article.
   *
   * @param reader the reader
   * @param id the article's id
   * @return its document number in the reader, or -1 when there is none
   * @throws IOException when the index cannot be read
   */
  public static int find(IndexReader reader, String id) throws IOException {
    BytesRef term = new BytesRef(id);
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(CopyFields.ID);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (te.seekExact(term)) {
        PostingsEnum p = te.postings(null, PostingsEnum.NONE);
        Bits live = leaf.reader().getLiveDocs();
        for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
          if (live == null || live.get(d)) {
            return leaf.docBase + d;
          }
        }
      }
    }
    return -1;
  }
}
