package org.dateline;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;

/**
 * Writes articles into an index folder: upsert by id, commits at the end of each batch and at
 * intervals on long lenient batches. A failed batch rolls back to the last commit, so the index
 * that was there is never damaged; a killed process loses at most the articles since the last
 * commit.
 *
 * <p>One writer per index: a second {@code NewsIndex} on the same folder, in this process or
 * another, fails with {@link IndexUnavailableException.Reason#LOCKED}. Searchers may read the
 * index while it is written and see each commit.
 *
 * <p>Not thread-safe: call it from one thread.
 */
public final class NewsIndex implements AutoCloseable {
  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final IndexConfig config;
  /**
   * Copy detection as the index records it: chosen when the index is created, kept by every
   * writer after (see {@link IndexConfig#copies()}).
   */
  private final org.dateline.copies.CopyPolicy copies;
  /**
   * True for the writer of an {@link IndexReplacement}: it writes a new index over the old one's
   * segments and never commits until the replacement does, so searchers see the old index until
   * the one commit that switches them to the whole new one.
   */
  private final boolean replacing;
  /** The frequent-word pairs this index holds, or null (an index made before they existed). */
  private final PhraseGrams grams;
  /** Title and body's field type: without offsets, unless the index has them already. */
  private final org.apache.lucene.document.FieldType textType;
  /** Whether there was no index before this writer opened the folder. */
  private boolean createdIndex;
  /** Whether the folder itself did not exist before. */
  private boolean createdFolder;

  private NewsIndex(
      Path path,
      Directory directory,
      IndexWriter writer,
      IndexConfig config,
      org.dateline.copies.CopyPolicy copies,
      boolean replacing,
      PhraseGrams grams,
      org.apache.lucene.document.FieldType textType) {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.config = config;
    this.copies = copies;
    this.replacing = replacing;
    this.grams = grams;
    this.textType = textType;
  }

  /**
   * Opens the index in a folder for writing, creating the folder and the index when missing.
   *
   * @param path the index folder
   * @return the open index
   * @throws IndexUnavailableException when another process writes it, it is corrupt, or the folder
   *     cannot be written
   */
  public static NewsIndex open(Path path) throws IndexUnavailableException {
    return open(path, IndexConfig.DEFAULT);
  }

  /**
   * Opens the index in a folder for writing, creating the folder and the index when missing.
   *
   * @param path the index folder
   * @param config commit intervals and buffer size
   * @return the open index
   * @throws IndexUnavailableException when another process writes it, it is corrupt, or the folder
   *     cannot be written
   * @throws IllegalArgumentException when the index exists and was created with another {@link
   *     IndexConfig#analysis()}, or without the copy detection {@link IndexConfig#copies()} turns
   *     on (or with other thresholds)
   */
  public static NewsIndex open(Path path, IndexConfig config) throws IndexUnavailableException {
    var file = IndexUnavailableException.whenAFile(path, IndexUnavailableException.Reason.NOT_WRITABLE);
    if (file.isPresent()) {
      throw file.get();
    }
    Directory dir = null;
    try {
      boolean folderExisted = Files.exists(path);
      Files.createDirectories(path);
      dir = FSDirectory.open(path);
      NewsIndex index = open(path, dir, config);
      index.createdFolder = !folderExisted;
      return index;
    } catch (IndexUnavailableException | RuntimeException e) {
      closeQuietly(dir);
      throw e;
    } catch (IOException e) {
      closeQuietly(dir);
      throw unavailable(path, e);
    }
  }

  /**
   * Opens an index in a Lucene directory (tests use a {@code ByteBuffersDirectory}); the
   * directory is closed with the index.
   */
  static NewsIndex open(Path path, Directory dir, IndexConfig config)
      throws IndexUnavailableException {
    return open(path, dir, config, false);
  }

  /**
   * Opens a writer on a Lucene directory; with {@code replacing}, one that starts from an empty
   * index (Lucene's {@code OpenMode.CREATE}) and leaves every commit to {@link IndexReplacement}.
   * The directory is closed with the index, not on failure.
   */
  static NewsIndex open(Path path, Directory dir, IndexConfig config, boolean replacing)
      throws IndexUnavailableException {
    IndexWriter w = null;
    try {
      boolean exists = DirectoryReader.indexExists(dir);
      org.dateline.copies.CopyPolicy copies = config.copies();
      // a new index gets the current pairs; an existing one keeps what it was created with, so
      // that every article of an index has pairs or none does
      PhraseGrams grams =
          exists && !replacing
              ? PhraseGrams.ofCommit(lastCommitData(dir))
              : PhraseGrams.forNewIndex(config.analysis());
      org.apache.lucene.document.FieldType textType =
          exists && !replacing && hasOffsets(dir)
              ? ArticleDocuments.TEXT_WITH_OFFSETS
              : ArticleDocuments.TEXT;
      if (exists && !replacing) {
        org.dateline.copies.CopyPolicy recorded = copiesOf(lastCommitData(dir));
        if (copies.enabled() && !copies.equals(recorded)) {
          throw new IllegalArgumentException(
              "index "
                  + (path == null ? dir : path)
                  + " was created with copy detection "
                  + recorded.label()
                  + " and cannot be written with "
                  + copies.label()
                  + "; rebuild it with --replace (IndexReplacement) to change it");
        }
        copies = recorded; // detection off in the config: the index's own setting holds
        TextAnalysis existing = analysisOf(dir);
        if (existing != config.analysis()) {
          throw new IllegalArgumentException(
              "index "
                  + (path == null ? dir : path)
                  + " was created with analysis "
                  + existing.label()
                  + " and cannot be written with "
                  + config.analysis().label()
                  + "; index into a new folder to change it");
        }
      }
      IndexWriterConfig iwc = new IndexWriterConfig(analyzer(config.analysis()));
      iwc.setOpenMode(
          replacing
              ? IndexWriterConfig.OpenMode.CREATE
              : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      iwc.setRAMBufferSizeMB(config.ramBufferMb());
      iwc.setCommitOnClose(false);
      // No compound files: packing a segment into one .cfs copies all of its bytes once more,
      // at every flush; Anserini does without them too. A segment is then about 20 files.
      iwc.setUseCompoundFile(false);
      iwc.setMergePolicy(mergePolicy());
      w = new IndexWriter(dir, iwc);
      // kept in every commit, so that a searcher parses queries the way the text was indexed
      // and whether (and with which thresholds) it detects copies, which every later writer keeps
      Map<String, String> commitData = new java.util.TreeMap<>();
      commitData.put(TextAnalysis.COMMIT_KEY, config.analysis().name());
      commitData.put(org.dateline.copies.CopyPolicy.COMMIT_KEY, copies.commitValue());
      if (grams != null) {
        commitData.put(PhraseGrams.COMMIT_KEY, PhraseGrams.VERSION);
      }
      w.setLiveCommitData(commitData.entrySet());
      if (!exists && !replacing) {
        w.commit(); // an empty index is a valid index: searchers can open it at once
      }
      NewsIndex index = new NewsIndex(path, dir, w, config, copies, replacing, grams, textType);
      index.createdIndex = !exists;
      return index;
    } catch (IOException | RuntimeException e) {
      // Never leave a writer (and its lock) behind when opening fails half-way.
      if (w != null) {
        try {
          w.rollback();
        } catch (IOException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof IOException io) {
        throw unavailable(path, io);
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * How segments are merged: Lucene's tiered policy, never into compound files (see {@link
   * IndexWriterConfig#setUseCompoundFile}).
   */
  static org.apache.lucene.index.TieredMergePolicy mergePolicy() {
    var policy = new org.apache.lucene.index.TieredMergePolicy();
    policy.setNoCFSRatio(0);
    return policy;
  }

  /** The analyzer used for writing: the text analysis for title and body, keyword for the rest. */
  static Analyzer analyzer(TextAnalysis analysis) {
    Analyzer text = analysis.textAnalyzer();
    return new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(), Map.of(Fields.TITLE, text, Fields.BODY, text));
  }

  /**
   * The analysis an index's last commit was written with; {@link TextAnalysis#NEWS} for indexes
   * written before the analysis was recorded.
   */
  static TextAnalysis analysisOf(Directory dir) throws IOException {
    return analysisOf(lastCommitData(dir));
  }

  /**
   * Whether an index's title or body has offsets in its postings, as every index made before they
   * were dropped does: its writers must keep writing them (Lucene refuses to change a field's
   * index options).
   */
  private static boolean hasOffsets(Directory dir) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      var infos = org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader);
      for (String field : new String[] {Fields.TITLE, Fields.BODY}) {
        var info = infos.fieldInfo(field);
        if (info != null
            && info.getIndexOptions() == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) {
          return true;
        }
      }
      return false;
    }
  }

  /** The user data of an index's last commit. */
  private static Map<String, String> lastCommitData(Directory dir) throws IOException {
    var commits = DirectoryReader.listCommits(dir);
    return commits.get(commits.size() - 1).getUserData();
  }

  /**
   * The copy detection recorded in a commit's user data; off for indexes written before it was
   * recorded.
   */
  static org.dateline.copies.CopyPolicy copiesOf(Map<String, String> commitData)
      throws CorruptIndexException {
    String value = commitData.get(org.dateline.copies.CopyPolicy.COMMIT_KEY);
    if (value == null) {
      return org.dateline.copies.CopyPolicy.OFF;
    }
    try {
      return org.dateline.copies.CopyPolicy.ofCommitValue(value);
    } catch (IllegalArgumentException e) {
      throw new CorruptIndexException("unknown copy detection " + value, "commit data", e);
    }
  }

  /** The analysis recorded in a commit's user data. */
  static TextAnalysis analysisOf(Map<String, String> commitData) throws CorruptIndexException {
    String name = commitData.get(TextAnalysis.COMMIT_KEY);
    if (name == null) {
      return TextAnalysis.NEWS;
    }
    try {
      return TextAnalysis.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new CorruptIndexException("unknown text analysis " + name, "commit data", e);
    }
  }

  /**
   * How many articles a lenient run writes between two commits at most: the config's interval,
   * capped at {@link IndexConfig#COPIES_COMMIT_EVERY} when the index detects copies (by the config
   * or by the index's own setting).
   */
  int commitEveryArticles() {
    return copies.enabled()
        ? Math.min(config.commitEveryArticles(), IndexConfig.COPIES_COMMIT_EVERY)
        : config.commitEveryArticles();
  }

  /** Returns the index folder. */
  public Path path() {
    return path;
  }

  /**
   * Reads every article from a reader and upserts it, committing at the end (and, in lenient
   * mode, every {@link IndexConfig#commitEveryArticles()} articles, at most {@link
   * IndexConfig#COPIES_COMMIT_EVERY} with copy detection, or {@link IndexConfig#commitEvery()}).
   * In strict mode the run is one transaction: the first bad record rolls everything back and the
   * index is as it was.
   *
   * @param reader the articles
   * @param log where the reader reports bad records; its mode decides strict or lenient
   * @return what was added, replaced and skipped
   * @throws IOException when reading fails in strict mode, or writing fails; the index is then
   *     rolled back to its last commit and this {@code NewsIndex} is closed
   */
  public IndexStats add(ArticleReader reader, ProblemLog log) throws IOException {
    long start = System.nanoTime();
    // A replacement checkpoints at the same intervals (to bound the ids it remembers) but never
    // commits: its one commit is the switch.
    boolean intervals = log.mode() == ReadMode.LENIENT || replacing;
    Batch batch = new Batch(log);
    int every = commitEveryArticles();
    try {
      long lastCommit = System.nanoTime();
      long sinceCommit = 0;
      Optional<Article> next;
      while ((next = reader.next()).isPresent()) {
        if (batch.upsert(next.get())) {
          sinceCommit++;
        }
        if (intervals
            && sinceCommit > 0
            && (sinceCommit >= every
                || System.nanoTime() - lastCommit >= config.commitEvery().toNanos())) {
          batch.checkpoint();
          sinceCommit = 0;
          lastCommit = System.nanoTime();
        }
      }
      batch.checkpoint();
    } catch (IOException | RuntimeException | Error e) {
      batch.abort(e);
      rollback(e);
      throw e;
    } finally {
      batch.stopWorkers();
      batch.closeReader();
    }
    return new IndexStats(
        batch.added,
        batch.replaced,
        log.skipCount(),
        log.skips(),
        log.warningCount(),
        log.warnings(),
        batch.commits,
        Duration.ofNanos(System.nanoTime() - start));
  }


  /**
   * Upserts a list of articles and commits: for embedding, where articles come from code.
   *
   * @param articles the articles
   * @return what was added and replaced
   * @throws IOException when writing fails; the index is rolled back to its last commit
   */
  public IndexStats add(Collection<Article> articles) throws IOException {
    var it = List.copyOf(articles).iterator();
    ArticleReader reader =
        new ArticleReader() {
          @Override
          public Optional<Article> next() {
            return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
          }

          @Override
          public void close() {}
        };
    return add(reader, new ProblemLog(ReadMode.STRICT));
  }

  /**
   * Deletes articles by id and commits.
   *
   * @param ids the ids to delete
   * @return how many of them were in the index
   * @throws IOException when writing fails; the index is rolled back to its last commit
   */
  public long delete(Collection<String> ids) throws IOException {
    try (DirectoryReader committed = DirectoryReader.open(directory)) {
      long found = 0;
      Set<String> distinct = new HashSet<>(ids);
      IdLookup lookup = new IdLookup(committed);
      for (String id : distinct) {
        if (lookup.exists(id)) {
          found++;
        }
        writer.deleteDocuments(new Term(Fields.ID, id));
      }
      // the deleted articles' groups lose a member, maybe their earliest: regroup the rest
      org.dateline.copies.CopyGrouper.regroup(writer, committed, distinct, copies);
      writer.commit();
      return found;
    } catch (IOException | RuntimeException e) {
      rollback(e);
      throw e;
    }
  }

  /**
   * Returns how many articles the last commit holds.
   *
   * @return the article count
   * @throws IOException when the index cannot be read
   */
  public long count() throws IOException {
    try (DirectoryReader r = DirectoryReader.open(directory)) {
      return r.numDocs();
    }
  }

  /**
   * The switch of an {@link IndexReplacement}: one Lucene commit of everything written, which
   * readers see whole or not at all; the old index's files go once nothing needs them.
   *
   * @throws IOException when the commit fails; the old index then stays the last commit
   */
  void commitReplacement() throws IOException {
    if (!replacing) {
      throw new IllegalStateException("not a replacement");
    }
    try {
      writer.commit();
    } catch (IOException e) {
      rollback(e);
      throw unavailable(path, e);
    } catch (org.apache.lucene.store.AlreadyClosedException e) {
      throw closedByFailure(e);
    }
  }

  /**
   * Closes the index and, when this writer created it and no article was ever committed to it,
   * deletes it again (with its folder, when the folder was made for it), so that a run that
   * indexed nothing (an empty or wrong input, a strict run stopped by its first record) leaves no
   * empty index behind to trip the next run.
   *
   * @return true when the index was deleted
   * @throws IOException when closing or deleting fails
   */
  public boolean closeAndDiscardIfEmpty() throws IOException {
    boolean discard = false;
    try {
      if (writer.isOpen()) {
        writer.rollback();
      }
      discard =
          createdIndex
              && path != null
              && org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).totalMaxDoc() == 0;
    } finally {
      directory.close();
    }
    if (discard) {
      if (createdFolder) {
        IndexReplacement.deleteTree(path);
      } else {
        try (var files = Files.list(path)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            if (IndexReplacement.isIndexFile(f.getFileName().toString())) {
              Files.deleteIfExists(f);
            }
          }
        }
      }
    }
    return discard;
  }

  /** Releases the write lock. Anything not committed is discarded. */
  @Override
  public void close() throws IOException {
    try {
      if (writer.isOpen()) {
        writer.rollback(); // commitOnClose is off: uncommitted work is never half-kept
      }
    } finally {
      directory.close();
    }
  }

  private void rollback(Throwable cause) {
    try {
      if (writer.isOpen()) {
        writer.rollback();
      }
    } catch (IOException | RuntimeException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }

  /**
   * Looks ids up in one reader. One terms enumeration and one postings enumeration per segment are
   * made once and reused for every id: a bulk load looks up every article's id, and making them
   * anew each time was a good part of what the reading thread allocated.
   */
  private static final class IdLookup {
    private final TermsEnum[] terms;
    private final org.apache.lucene.index.PostingsEnum[] postings;
    private final org.apache.lucene.util.Bits[] live;

    IdLookup(DirectoryReader reader) throws IOException {
      List<LeafReaderContext> leaves = reader.leaves();
      terms = new TermsEnum[leaves.size()];
      postings = new org.apache.lucene.index.PostingsEnum[leaves.size()];
      live = new org.apache.lucene.util.Bits[leaves.size()];
      for (int i = 0; i < terms.length; i++) {
        Terms t = leaves.get(i).reader().terms(Fields.ID);
        terms[i] = t == null ? null : t.iterator();
        live[i] = leaves.get(i).reader().getLiveDocs();
      }
    }

    /** Whether a live article has this id. */
    boolean exists(String id) throws IOException {
      BytesRef term = new BytesRef(id);
      for (int i = 0; i < terms.length; i++) {
        if (terms[i] == null || !terms[i].seekExact(term)) {
          continue;
        }
        postings[i] = terms[i].postings(postings[i], org.apache.lucene.index.PostingsEnum.NONE);
        for (int d = postings[i].nextDoc();
            d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
            d = postings[i].nextDoc()) {
          if (live[i] == null || live[i].get(d)) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /**
   * One run's state: which ids were written since the last commit (to count replacements without
   * a reader refresh per article), a reader on the last commit for the ids before, and the
   * indexing threads.
   *
   * <p>The calling thread reads articles and decides, in reading order, whether each id is new;
   * worker threads do the expensive part (analysis and inversion inside {@code IndexWriter}). An
   * article goes to the worker its id hashes to, so two versions of one id are written in reading
   * order and the last one wins. A commit first waits until every worker has written all it was
   * given, so a commit holds exactly the articles read before it.
   */
  private final class Batch {
    long added;
    long replaced;
    int commits;
    private final ProblemLog log;
    private final Set<String> sinceCommit = new HashSet<>();
    /**
     * The copy fingerprints of the articles written since the last checkpoint, by id, so that
     * regrouping settles those without copies without reading them back; bounded like {@code
     * sinceCommit}.
     */
    private final Map<String, org.dateline.copies.CopyGrouper.Fingerprint> fingerprints =
        new java.util.concurrent.ConcurrentHashMap<>();
    private DirectoryReader committed;
    private IdLookup committedIds;
    private final Worker[] workers;
    private final java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    private boolean stopped;

    Batch(ProblemLog log) {
      this.log = log;
      int n = config.threads();
      workers = new Worker[n > 1 ? n : 0];
      for (int i = 0; i < workers.length; i++) {
        workers[i] = new Worker(i);
        workers[i].start();
      }
    }

    /** Hands one article to be written; returns false when it was skipped. */
    boolean upsert(Article a) throws IOException {
      if (a.id().length() > Fields.MAX_ID_CHARS) {
        log.skip(
            new org.dateline.Problem(
                a.id().substring(0, 40) + "…",
                0,
                "id longer than " + Fields.MAX_ID_CHARS + " characters"));
        return false;
      }
      boolean seen = !sinceCommit.add(a.id()) || committedIds().exists(a.id());
      if (seen) {
        replaced++;
      } else {
        added++;
      }
      if (workers.length == 0) {
        write(a, seen);
      } else {
        rethrowFailure();
        workers[Math.floorMod(a.id().hashCode(), workers.length)].hand(a, seen);
      }
      return true;
    }

    /** Analyzes and writes one article; runs in a worker, or in the caller with one thread. */
    void write(Article a, boolean seen) throws IOException {
      warnOnRepairs(a, log);
      Document doc = ArticleDocuments.toDocument(a, copies, grams, textType);
      if (copies.enabled()) {
        fingerprints.put(
            a.id(),
            org.dateline.copies.CopyGrouper.Fingerprint.of(
                doc, a.date() == null ? null : a.date().toEpochMilli()));
      }
      writing(
          () -> {
            if (seen) {
              writer.updateDocument(new Term(Fields.ID, a.id()), doc);
            } else {
              // Known to be new: no delete term to buffer and apply at every flush.
              writer.addDocument(doc);
            }
          });
    }

    /**
     * Writes one of the in-memory segments to the folder (the largest not being written to);
     * runs in a worker at a checkpoint.
     */
    void flushOneSegment() throws IOException {
      writing(writer::flushNextBuffer);
    }

    /**
     * Waits for the workers, then commits; in a replacement, makes what was written so far
     * visible to this batch's id lookups instead, without a commit.
     */
    void checkpoint() throws IOException {
      drain();
      writing(
          () -> {
            // copy groups: the articles since the last checkpoint joined with the index, before
            // it is committed (or, in a replacement, before the next checkpoint's reader sees
            // them)
            org.dateline.copies.CopyGrouper.regroup(
                writer, committedReader(), sinceCommit, fingerprints, copies);
            if (!replacing && writer.hasUncommittedChanges()) {
              writer.commit();
              commits++; // only commits that hold something count
            }
          });
      sinceCommit.clear();
      fingerprints.clear();
      if (committed != null) {
        DirectoryReader newer =
            replacing
                ? DirectoryReader.openIfChanged(committed, writer)
                : DirectoryReader.openIfChanged(committed);
        if (newer != null) {
          committed.close();
          committed = newer;
          committedIds = new IdLookup(newer);
        }
      }
    }

    /**
     * Waits until every worker has written everything handed to it and then flushed one of the
     * in-memory segments, then reports a failure.
     *
     * <p>The commit (or the replacement's reader) that follows writes every in-memory segment to
     * the folder; left to it, they would all be flushed by the calling thread, one after the
     * other, while the workers wait. Flushed here, they are written by the workers side by side,
     * each as soon as it has written its last article; the commit writes what is left.
     */
    private void drain() throws IOException {
      var done = new java.util.concurrent.CountDownLatch(workers.length);
      for (Worker w : workers) {
        w.handPending();
        w.put(new Task(List.of(), done));
      }
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for indexing threads");
      }
      rethrowFailure();
    }

    private void rethrowFailure() throws IOException {
      Throwable t = failure.get();
      if (t instanceof IOException io) {
        throw io;
      } else if (t instanceof RuntimeException re) {
        throw re;
      } else if (t instanceof Error err) {
        throw err;
      }
    }

    /** Makes the workers skip what is still queued, after a failure. */
    void abort(Throwable cause) {
      failure.compareAndSet(null, cause);
      stopWorkers();
    }

    /**
     * Stops the workers once they have taken what is queued. Never interrupts them: a thread
     * interrupted inside {@code IndexWriter} can close the files it is writing.
     */
    void stopWorkers() {
      if (stopped) {
        return;
      }
      stopped = true;
      for (Worker w : workers) {
        try {
          w.queue.put(STOP);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      for (Worker w : workers) {
        try {
          w.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private DirectoryReader committedReader() throws IOException {
      committedIds(); // opens it when needed
      return committed;
    }

    private IdLookup committedIds() throws IOException {
      if (committed == null) {
        // A replacement looks ids up in what it wrote itself (a near-real-time reader on its
        // writer), never in the old index it replaces.
        committed = replacing ? DirectoryReader.open(writer) : DirectoryReader.open(directory);
        committedIds = new IdLookup(committed);
      }
      return committedIds;
    }

    void closeReader() throws IOException {
      if (committed != null) {
        committed.close();
      }
    }

    /** An article to write, and whether its id was seen before (an update, not an add). */
    private record Item(Article article, boolean seen) {}

    /**
     * Articles to write, in reading order; or, with a barrier, flush one in-memory segment, then
     * count down (see {@link #drain}); or, with neither, the signal to stop.
     */
    private record Task(List<Item> items, java.util.concurrent.CountDownLatch barrier) {}

    private static final Task STOP = new Task(List.of(), null);

    /**
     * Articles handed to a worker at once. Handed one at a time, the reading thread and the
     * workers put each other to sleep and woke each other through the queues far more often
     * (Reuters ten times over: 26,000 to 37,000 voluntary context switches a run, against 8,000
     * to 10,000 in chunks of 32). A worker's queue holds {@code 8 * CHUNK} articles, as many as
     * the single-article queue did.
     */
    private static final int CHUNK = 32;

    private final class Worker extends Thread {
      private final java.util.concurrent.BlockingQueue<Task> queue =
          new java.util.concurrent.ArrayBlockingQueue<>(8);
      /** Articles read for this worker and not yet handed over; the reading thread's alone. */
      private List<Item> pending = new ArrayList<>(CHUNK);

      Worker(int i) {
        super("dateline-indexer-" + i);
        setDaemon(true);
      }

      /** Adds an article to the pending chunk, handing the chunk over when it is full. */
      void hand(Article a, boolean seen) throws IOException {
        pending.add(new Item(a, seen));
        if (pending.size() == CHUNK) {
          handPending();
        }
      }

      /** Hands over the pending articles, if any. */
      void handPending() throws IOException {
        if (!pending.isEmpty()) {
          put(new Task(pending, null));
          pending = new ArrayList<>(CHUNK);
        }
      }

      void put(Task t) throws IOException {
        try {
          queue.put(t);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while handing over an article");
        }
      }

      @Override
      public void run() {
        try {
          while (true) {
            Task t = queue.take();
            if (t == STOP) {
              return;
            } else if (t.barrier() != null) {
              if (failure.get() == null) {
                try {
                  flushOneSegment();
                } catch (IOException | RuntimeException | Error e) {
                  failure.compareAndSet(null, e);
                }
              }
              t.barrier().countDown();
            } else {
              for (Item item : t.items()) {
                if (failure.get() != null) {
                  break;
                }
                try {
                  write(item.article(), item.seen());
                } catch (IOException | RuntimeException | Error e) {
                  failure.compareAndSet(null, e);
                }
              }
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // nothing interrupts workers; stop if something does
        }
      }
    }
  }

  /** A call on the writer, for {@link #writing}. */
  @FunctionalInterface
  private interface WriterCall {
    void run() throws IOException;
  }

  /**
   * Runs a call on the writer, turning its failures into the one the user is told about: an
   * {@link IndexUnavailableException} naming the index, with the failure that closed the writer
   * when an earlier one (in another thread, or in a merge) did.
   */
  private void writing(WriterCall call) throws IOException {
    try {
      call.run();
    } catch (IOException e) {
      throw unavailable(path, e);
    } catch (org.apache.lucene.store.AlreadyClosedException e) {
      throw closedByFailure(e);
    } catch (IllegalStateException e) {
      if (writer.getTragicException() == null) {
        throw e;
      }
      throw failedInBackground(e);
    }
  }

  /**
   * After an I/O failure (a full disk) Lucene closes the writer and every later call throws
   * {@code AlreadyClosedException}; report the failure that closed it instead.
   */
  private IndexUnavailableException closedByFailure(
      org.apache.lucene.store.AlreadyClosedException e) {
    Throwable tragic = writer.getTragicException();
    IOException cause =
        tragic instanceof IOException io ? io : new IOException(e.getMessage(), tragic == null ? e : tragic);
    return unavailable(path, cause);
  }

  /**
   * A merge that fails in Lucene's background thread (a full disk) closes the writer, and the
   * next commit throws {@code IllegalStateException}; report the failure that closed it instead.
   */
  private IndexUnavailableException failedInBackground(IllegalStateException e) {
    return closedByFailure(new org.apache.lucene.store.AlreadyClosedException(e.getMessage(), e));
  }

  private static void warnOnRepairs(Article a, ProblemLog log) {
    if (hasLongToken(a.body()) || hasLongToken(a.title())) {
      log.warn(
          new org.dateline.Problem(
              a.id(),
              0,
              "a token longer than " + Fields.MAX_TOKEN_CHARS + " characters was left out"));
    }
    if (a.source().length() > Fields.MAX_KEYWORD_CHARS) {
      log.warn(
          new org.dateline.Problem(
              a.id(), 0, "source cut to " + Fields.MAX_KEYWORD_CHARS + " characters"));
    }
  }

  /**
   * Whether a text has a run of more than {@link Fields#MAX_TOKEN_CHARS} non-space characters,
   * which the analyzer drops as one token.
   *
   * <p>Such a run, {@code step = MAX_TOKEN_CHARS + 1} characters or more, covers one of the
   * positions {@code step - 1}, {@code 2 * step - 1}, ...; so only those are probed, and only the
   * run around a probe that is not a space is measured: a few characters looked at per 256
   * instead of every one (this scan ran on every title and body of every article).
   */
  static boolean hasLongToken(String text) {
    int step = Fields.MAX_TOKEN_CHARS + 1;
    int n = text.length();
    for (int probe = step - 1; probe < n; probe += step) {
      if (Character.isWhitespace(text.charAt(probe))) {
        continue;
      }
      int start = probe;
      while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
        start--;
      }
      int end = probe + 1; // exclusive
      while (end < n && end - start <= Fields.MAX_TOKEN_CHARS && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      if (end - start > Fields.MAX_TOKEN_CHARS) {
        return true;
      }
    }
    return false;
  }

  /** Turns Lucene's and the file system's errors into one the user can act on. */
  static IndexUnavailableException unavailable(Path path, IOException e) {
    if (e instanceof IndexUnavailableException u) {
      return u;
    }
    String where = path == null ? "the index" : "index " + path;
    if (e instanceof LockObtainFailedException) {
      return new IndexUnavailableException(
          path,
          IndexUnavailableException.Reason.LOCKED,
          where + " is being written by another process; wait for it to finish, or stop it",
          e);
    }
    if (e instanceof CorruptIndexException
        || e instanceof IndexFormatTooOldException
        || e instanceof IndexFormatTooNewException
        || e instanceof java.io.EOFException) {
      return new IndexUnavailableException(
          path,
          IndexUnavailableException.Reason.CORRUPT,
          where + " is damaged (" + e.getMessage() + "); delete the folder and index again",
          e);
    }
    if (e instanceof AccessDeniedException || e instanceof FileSystemException) {
      return new IndexUnavailableException(
          path,
          IndexUnavailableException.Reason.NOT_WRITABLE,
          where + " cannot be written (" + e.getMessage() + "); check the folder's permissions and free space",
          e);
    }
    return new IndexUnavailableException(
        path,
        IndexUnavailableException.Reason.NOT_WRITABLE,
        where + " could not be written: " + e.getMessage(),
        e);
  }

  private static void closeQuietly(Directory dir) {
    if (dir != null) {
      try {
        dir.close();
      } catch (IOException ignored) {
        // already failing; the first error is the one to report
      }
    }
  }
}
