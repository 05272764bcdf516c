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
import org.apache.lucene.index.SortedSetDocValues;
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
 * <p>A group is a connected component of the copy graph (see {@link org.dateline.copies}). An
 * article new to the index joins the groups of its copies (found among its LSH candidates, checked
 * exactly, or by its whole-text hash for an exact copy), merged by a union-find over group keys;
 * the members of every replaced or deleted article's former group are walked afresh (breadth
 * first over candidates checked exactly), since such a group may split. Both run in a
 * near-real-time reader that sees the uncommitted articles. Members whose group name or size
 * changed get their doc values updated. Memory is bounded by the articles changed since the last
 * commit and the largest walked component, never by the size of the index.
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
   * regrouping need not read its text back to find its candidates. The keys are packed one per
   * long (band number, then the band's hash): 64 longs per article, 0.5 KB.
   *
   * @param bands the article's band keys as {@link #pack(BytesRef)} packs them, as indexed in
   *     {@link CopyFields#BANDS}
   * @param date its date in epoch milliseconds, or null when undated
   */
  public record Fingerprint(long[] bands, Long date) {
    /**
     * The fingerprint of a document built for the index.
     *
     * @param doc the document, with its {@link CopyFields#BANDS} fields
     * @param date the article's date in epoch milliseconds, or null
     * @return the fingerprint
     */
    public static Fingerprint of(Document doc, Long date) {
      IndexableField[] fields = doc.getFields(CopyFields.BANDS);
      long[] bands = new long[fields.length];
      for (int i = 0; i < fields.length; i++) {
        bands[i] = pack(fields[i].binaryValue());
      }
      return new Fingerprint(bands, date);
    }
  }

  /** A band key as a long: its band number (6 bits) above its 40-bit hash. */
  static long pack(BytesRef k) {
    long hash = 0;
    for (int j = 1; j < k.length; j++) {
      hash = (hash << 8) | (k.bytes[k.offset + j] & 0xff);
    }
    return ((long) (k.bytes[k.offset] & 0x3f) << 40) | hash;
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
   * Regroups after a change, knowing the fingerprints of the articles just written.
   *
   * <p>Two cases. An article new to the index can only join groups (adding an article never
   * removes a copy pair), so it is <em>joined</em>: its candidates are found for all new articles
   * together in one pass over the band postings, in term order; each candidate is checked against
   * the new article unless the two are already in one group, so a new article is compared with
   * about one member per group it joins, and an exact copy (same {@link CopyFields#TEXT}) is
   * accepted without reading either text. A replaced or deleted article's former group may split
   * or lose its earliest, so its former mates (and the article, when replaced) are <em>walked</em>
   * afresh from their copy pairs.
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
    Set<String> walked = new TreeSet<>();
    if (before != null) {
      for (String id : seeds) {
        if (find(before, id) >= 0) {
          walked.add(id);
        }
      }
      walked.addAll(formerMates(before, walked));
    }
    int updated = 0;
    try (DirectoryReader after = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(after);
      searcher.setQueryCache(null);
      StoredFields stored = after.storedFields();
      Set<Integer> done = new HashSet<>();
      for (String seed : walked) {
        int doc = find(after, seed);
        if (doc < 0 || done.contains(doc)) {
          continue; // deleted, or met by an earlier walk
        }
        Collection<Neighbours.Member> component = component(searcher, stored, doc, policy);
        Neighbours.Member earliest = component.stream().min(EARLIEST).orElseThrow();
        for (Neighbours.Member m : component) {
          done.add(m.doc());
          if (update(writer, after, m.doc(), m.id(), earliest.id(), component.size())) {
            updated++;
          }
        }
      }
      List<String> fresh = new ArrayList<>();
      for (String seed : seeds) {
        if (!walked.contains(seed)) {
          fresh.add(seed);
        }
      }
      updated += join(writer, after, stored, fresh, known, policy, done);
    }
    return updated;
  }

  /** Seeds per batch of {@link #candidates}: the seed's number takes the low bits of a sort key. */
  private static final int SEED_BITS = 17;

  /**
   * A band key's postings are read for at most this many documents per segment when finding the
   * candidates of new articles, so that a text copied thousands of times costs a bounded amount
   * per new copy. Recall is kept: a new copy of such a text shares its bands with the first
   * documents of the posting, which are copies of it too, and joining any one of them joins it to
   * their group (groups are components).
   */
  public static final int MAX_BUCKET = 1_000;

  /**
   * Joins articles new to the index to the groups of their copies: see {@link #regroup(IndexWriter,
   * DirectoryReader, Collection, Map, CopyPolicy)}. Groups are merged in a union-find over group
   * keys; the members of every merged group are then found by one scan of {@link CopyFields#KEY}
   * and get its earliest article's name and its size.
   */
  private static int join(
      IndexWriter writer,
      DirectoryReader after,
      StoredFields stored,
      List<String> fresh,
      Map<String, Fingerprint> known,
      CopyPolicy policy,
      Set<Integer> walked)
      throws IOException {
    List<String> ids = new ArrayList<>();
    List<Fingerprint> prints = new ArrayList<>();
    List<Integer> docs = new ArrayList<>();
    for (String id : fresh) {
      int doc = find(after, id);
      if (doc < 0 || walked.contains(doc)) {
        continue; // deleted since, or grouped by a walk that reached it
      }
      Fingerprint f = known.get(id);
      if (f == null) {
        Neighbours.Member m = Neighbours.load(stored, doc);
        if (m.shingles().length == 0) {
          continue;
        }
        BytesRef[] keys = MinHash.bandKeys(MinHash.signature(m.shingles()));
        long[] packed = new long[keys.length];
        for (int b = 0; b < keys.length; b++) {
          packed[b] = pack(keys[b]);
        }
        f = new Fingerprint(packed, m.date());
      }
      if (f.bands().length != MinHash.BANDS) {
        continue; // no shingles: never a copy, alone as written
      }
      ids.add(id);
      prints.add(f);
      docs.add(doc);
    }
    Map<Long, Long> parent = new HashMap<>();
    // An exact copy (same text, same date) of an article written before this batch is in that
    // article's group and has the same copies: it joins it with one term lookup, and needs no
    // candidates of its own. Its text's earlier copies are all in that group already (groups
    // before this batch are complete), and its copies among the new articles find it themselves.
    Set<Integer> seedDocs = new HashSet<>(docs);
    seedDocs.addAll(walked); // regrouped by a walk in this pass: their keys here are stale
    List<String> rest = new ArrayList<>();
    List<Fingerprint> restPrints = new ArrayList<>();
    List<Integer> restDocs = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      int doc = docs.get(i);
      Long text = textOf(after, doc);
      int twin = text == null ? -1 : twin(after, text, prints.get(i).date(), seedDocs);
      if (twin >= 0) {
        union(
            parent,
            longValue(after, CopyFields.KEY, doc, ~doc),
            longValue(after, CopyFields.KEY, twin, ~twin));
      } else {
        rest.add(ids.get(i));
        restPrints.add(prints.get(i));
        restDocs.add(doc);
      }
    }
    ids = rest;
    prints = restPrints;
    docs = restDocs;
    Map<Integer, long[]> texts = new HashMap<>();
    double threshold = policy.copyJaccard();
    int chunk = 1 << SEED_BITS;
    for (int from = 0; from < ids.size(); from += chunk) {
      int to = Math.min(ids.size(), from + chunk);
      int[][] candidates =
          candidates(after, prints.subList(from, to), docs.subList(from, to), policy);
      for (int i = from; i < to; i++) {
        int doc = docs.get(i);
        long mine = longValue(after, CopyFields.KEY, doc, ~doc);
        Long myText = textOf(after, doc);
        for (int c : candidates[i - from]) {
          if (walked.contains(c)) {
            continue;
          }
          long theirs = longValue(after, CopyFields.KEY, c, ~c);
          long a = root(parent, mine);
          long b = root(parent, theirs);
          if (a == b) {
            continue; // already one group: no need to compare
          }
          boolean copy =
              (myText != null && myText.equals(textOf(after, c)))
                  || Neighbours.jaccard(shingles(stored, doc, texts), shingles(stored, c, texts))
                      >= threshold;
          if (copy) {
            union(parent, a, b);
          }
        }
        texts.remove(doc); // a seed's text is not needed again; candidates' may be
        if (texts.size() > 4_096) {
          texts.clear(); // bounded: a few thousand texts at a time
        }
      }
    }
    return rename(writer, after, parent, walked);
  }

  /** The shingles of an article, read from its stored body at most once while cached. */
  private static long[] shingles(StoredFields stored, int doc, Map<Integer, long[]> cache)
      throws IOException {
    long[] s = cache.get(doc);
    if (s == null) {
      s = Neighbours.load(stored, doc).shingles();
      cache.put(doc, s);
    }
    return s;
  }

  private static void union(Map<Long, Long> parent, long x, long y) {
    long a = root(parent, x);
    long b = root(parent, y);
    if (a != b) {
      parent.put(Math.max(a, b), Math.min(a, b));
    }
  }

  /**
   * A live article written before this batch (not one of {@code seeds}) with the same text hash
   * and the same date (or, undated, also undated), reading at most {@link #MAX_BUCKET} postings
   * per segment; -1 when there is none.
   */
  private static int twin(IndexReader reader, long text, Long date, Set<Integer> seeds)
      throws IOException {
    BytesRef term = CopyFields.textTerm(text);
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(CopyFields.TEXT);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) {
        continue;
      }
      PostingsEnum p = te.postings(null, PostingsEnum.NONE);
      Bits live = leaf.reader().getLiveDocs();
      SortedNumericDocValues dates = DocValues.getSortedNumeric(leaf.reader(), CopyFields.DATE);
      int read = 0;
      for (int d = p.nextDoc();
          d != DocIdSetIterator.NO_MORE_DOCS && read < MAX_BUCKET;
          d = p.nextDoc(), read++) {
        int global = leaf.docBase + d;
        if (seeds.contains(global) || (live != null && !live.get(d))) {
          continue;
        }
        boolean dated = dates.advanceExact(d);
        if (date == null ? !dated : dated && dates.nextValue() == date) {
          return global;
        }
      }
    }
    return -1;
  }

  private static long root(Map<Long, Long> parent, long key) {
    long r = key;
    Long p;
    while ((p = parent.get(r)) != null) {
      r = p;
    }
    // path compression: later lookups of the same keys are short
    long k = key;
    while ((p = parent.get(k)) != null && p != r) {
      parent.put(k, r);
      k = p;
    }
    return r;
  }

  /**
   * Gives every member of each merged group its new name and size: one scan of the group keys
   * finds the members of the groups that were merged.
   */
  private static int rename(
      IndexWriter writer, DirectoryReader after, Map<Long, Long> parent, Set<Integer> walked)
      throws IOException {
    if (parent.isEmpty()) {
      return 0;
    }
    Map<Long, Long> rootOf = new HashMap<>();
    for (Long k : new ArrayList<>(parent.keySet())) {
      long r = root(parent, k);
      rootOf.put(k, r);
      rootOf.put(r, r);
    }
    Map<Long, List<Integer>> members = new HashMap<>();
    for (LeafReaderContext leaf : after.leaves()) {
      NumericDocValues keys = leaf.reader().getNumericDocValues(CopyFields.KEY);
      if (keys == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      for (int d = keys.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = keys.nextDoc()) {
        Long r = rootOf.get(keys.longValue());
        int global = leaf.docBase + d;
        if (r != null && (live == null || live.get(d)) && !walked.contains(global)) {
          members.computeIfAbsent(r, x -> new ArrayList<>()).add(global);
        }
      }
    }
    int updated = 0;
    for (List<Integer> group : members.values()) {
      List<Neighbours.Member> named = new ArrayList<>(group.size());
      for (int doc : group) {
        named.add(new Neighbours.Member(doc, idOf(after, doc), dateOf(after, doc), "", null));
      }
      Neighbours.Member earliest = named.stream().min(EARLIEST).orElseThrow();
      for (Neighbours.Member m : named) {
        if (update(writer, after, m.doc(), m.id(), earliest.id(), named.size())) {
          updated++;
        }
      }
    }
    return updated;
  }

  /**
   * The candidates of new articles, found together, leaf by leaf, with their band keys sorted so
   * that the terms dictionary is walked forward once: for each, the live documents other than
   * itself that share at least {@link MinHash#minBands(double)} band keys with it and whose date
   * is within the window (undated: only undated ones), in document order, at most {@link
   * Neighbours#MAX_CANDIDATES}.
   */
  static int[][] candidates(
      IndexReader reader, List<Fingerprint> prints, List<Integer> selfDocs, CopyPolicy policy)
      throws IOException {
    int n = prints.size();
    // sort key: band (6 bits), the band's 40-bit hash, the seed's number (17 bits)
    long[] keys = new long[n * MinHash.BANDS];
    for (int i = 0; i < n; i++) {
      long[] bands = prints.get(i).bands();
      for (int b = 0; b < MinHash.BANDS; b++) {
        keys[i * MinHash.BANDS + b] = (bands[b] << SEED_BITS) | i;
      }
    }
    java.util.Arrays.sort(keys);
    int minBands = MinHash.minBands(policy.copyJaccard());
    long window = policy.window().toMillis();
    List<List<Integer>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>(0));
    }
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
          int read = 0;
          for (int d = postings.nextDoc();
              d != DocIdSetIterator.NO_MORE_DOCS && read < MAX_BUCKET;
              d = postings.nextDoc(), read++) {
            int global = leaf.docBase + d;
            for (int x = i; x < j; x++) {
              int seed = (int) (keys[x] & seedMask);
              if (global != selfDocs.get(seed)) {
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
        List<Integer> mine = out.get(seed);
        if (mine.size() >= Neighbours.MAX_CANDIDATES || (live != null && !live.get(d))) {
          continue;
        }
        boolean dated = dateValues.advanceExact(d);
        Long date = prints.get(seed).date();
        boolean inWindow =
            date == null ? !dated : dated && Math.abs(dateValues.nextValue() - date) <= window;
        if (inWindow) {
          mine.add(leaf.docBase + d);
        }
      }
    }
    int[][] result = new int[n][];
    for (int i = 0; i < n; i++) {
      result[i] = out.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return result;
  }

  private static LeafReaderContext leafOf(IndexReader reader, int doc) {
    List<LeafReaderContext> leaves = reader.leaves();
    return leaves.get(ReaderUtil.subIndex(doc, leaves));
  }

  private static long longValue(IndexReader reader, String field, int doc, long missing)
      throws IOException {
    LeafReaderContext leaf = leafOf(reader, doc);
    NumericDocValues v = leaf.reader().getNumericDocValues(field);
    return v != null && v.advanceExact(doc - leaf.docBase) ? v.longValue() : missing;
  }

  /** An article's {@link CopyFields#TEXT}, or null when it has none. */
  static Long textOf(IndexReader reader, int doc) throws IOException {
    LeafReaderContext leaf = leafOf(reader, doc);
    NumericDocValues v = leaf.reader().getNumericDocValues(CopyFields.TEXT);
    return v != null && v.advanceExact(doc - leaf.docBase) ? v.longValue() : null;
  }

  private static Long dateOf(IndexReader reader, int doc) throws IOException {
    LeafReaderContext leaf = leafOf(reader, doc);
    SortedNumericDocValues v = DocValues.getSortedNumeric(leaf.reader(), CopyFields.DATE);
    return v.advanceExact(doc - leaf.docBase) ? v.nextValue() : null;
  }

  /** An article's id, from the id field's doc values (no stored document to read). */
  private static String idOf(IndexReader reader, int doc) throws IOException {
    LeafReaderContext leaf = leafOf(reader, doc);
    SortedSetDocValues v = DocValues.getSortedSet(leaf.reader(), CopyFields.ID);
    if (!v.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("article without an id (document " + doc + ")");
    }
    return v.lookupOrd(v.nextOrd()).utf8ToString();
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
    // (text, date) of the members whose candidates were read: an exact copy with the same date
    // has the same candidates and the same similarities, so it is not expanded again (a group of
    // n exact copies costs one lookup, not n)
    Set<List<Long>> expanded = new HashSet<>();
    IndexReader reader = searcher.getIndexReader();
    while (!queue.isEmpty() && members.size() < MAX_GROUP) {
      Neighbours.Member m = queue.poll();
      Long text = textOf(reader, m.doc());
      if (text != null && !expanded.add(java.util.Arrays.asList(text, m.date()))) {
        continue;
      }
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
