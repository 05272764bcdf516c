package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A write that fails part-way (disk full, an I/O error in any step of a commit) leaves the previous
 * commit intact: exactly its articles, clean for {@code CheckIndex}, searchable with snippets, and
 * writable again once the disk is.
 */
class FailingDirectoryTest {
  @TempDir Path tmp;

  /**
   * The steps of a Lucene commit, in order, each of which can fail. (A commit also fsyncs the
   * folder before it starts and the commit point right after writing it.)
   */
  enum CommitStep {
    /** Writing {@code pending_segments_N}, the commit point. */
    COMMIT_POINT,
    /** Fsyncing the new segments' files. */
    SYNC,
    /** Renaming {@code pending_segments_N} to {@code segments_N}: the commit becomes visible. */
    RENAME,
    /** Fsyncing the folder after the rename. */
    SYNC_METADATA
  }

  /**
   * Fails every write once a byte budget is spent, as a full disk does, or one step of a commit
   * when armed.
   */
  static final class FailingDirectory extends FilterDirectory {
    final AtomicLong budget = new AtomicLong(Long.MAX_VALUE);
    /** Bytes written so far. */
    final AtomicLong written = new AtomicLong();
    /**
     * Bytes written so far by everything but merges: the flushes and commits of a batch, which
     * write the same bytes in every run. Merges run in the background when the merge policy picks
     * them, and the last one is aborted when the index closes, so how much of them a batch writes
     * varies from run to run; the budgets of a sweep come from this count, while a full disk
     * counts every byte, merges' too.
     */
    final AtomicLong writtenOutsideMerges = new AtomicLong();
    /** How many failures were injected. */
    final AtomicInteger injected = new AtomicInteger();
    /** The step that fails, or null. */
    private volatile CommitStep failing;
    /** The commit, counted from arming (the first is 1), in which the step fails. */
    private volatile int failingCommit;
    /** Commits started since arming: a commit starts by writing its commit point. */
    private final AtomicInteger commits = new AtomicInteger();
    /** Whether the current commit has renamed its commit point. */
    private volatile boolean renamed;

    FailingDirectory(Directory in) {
      super(in);
    }

    /** Makes a step fail in the commit after {@code passing} commits that succeed. */
    void arm(CommitStep step, int passing) {
      commits.set(0);
      failingCommit = passing + 1;
      failing = step;
    }

    void disarm() {
      failing = null;
    }

    /** Leaves the underlying store open so the test can inspect it after the index closes. */
    @Override
    public void close() {}

    private void step(CommitStep s, String what) throws IOException {
      if (failing == s && commits.get() == failingCommit) {
        injected.incrementAndGet();
        throw new IOException("Input/output error (injected in " + what + ")");
      }
    }

    @Override
    public void sync(Collection<String> names) throws IOException {
      if (names.stream().noneMatch(n -> n.startsWith("pending_segments"))) {
        step(CommitStep.SYNC, "sync");
      }
      super.sync(names);
    }

    @Override
    public void rename(String source, String dest) throws IOException {
      step(CommitStep.RENAME, "rename " + source);
      super.rename(source, dest);
      renamed = true;
    }

    @Override
    public void syncMetaData() throws IOException {
      if (renamed) {
        step(CommitStep.SYNC_METADATA, "syncMetaData");
      }
      super.syncMetaData();
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      if (name.startsWith("pending_segments")) {
        commits.incrementAndGet();
        renamed = false;
        step(CommitStep.COMMIT_POINT, "createOutput " + name);
      }
      return wrap(super.createOutput(name, context), context);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
        throws IOException {
      return wrap(super.createTempOutput(prefix, suffix, context), context);
    }

    private IndexOutput wrap(IndexOutput out, IOContext context) {
      boolean merge = context.context() == IOContext.Context.MERGE;
      return new IndexOutput(out.toString(), out.getName()) {
        private void spend(long n) throws IOException {
          if (budget.addAndGet(-n) < 0) {
            injected.incrementAndGet();
            throw new IOException("No space left on device");
          }
          written.addAndGet(n);
          if (!merge) {
            writtenOutsideMerges.addAndGet(n);
          }
        }

        @Override
        public void writeByte(byte b) throws IOException {
          spend(1);
          out.writeByte(b);
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) throws IOException {
          spend(length);
          out.writeBytes(b, offset, length);
        }

        @Override
        public long getFilePointer() {
          return out.getFilePointer();
        }

        @Override
        public long getChecksum() throws IOException {
          return out.getChecksum();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }
  }

  private static final Path WHERE = Path.of("test-index");
  private static final int FIRST = 100;
  private static final int SECOND = 2_000;

  private static Article article(String id, int i) {
    return new Article(
        id,
        "Headline " + i,
        false,
        ("Oil prices rose in trading number " + i + ". ").repeat(20),
        Instant.parse("1987-03-01T00:00:00Z"),
        "Reuters",
        null,
        Map.of());
  }

  private static List<Article> articles(String prefix, int n) {
    List<Article> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(article(prefix + i, i));
    }
    return list;
  }

  private static List<String> ids(String prefix, int n) {
    return articles(prefix, n).stream().map(Article::id).toList();
  }

  /** A store holding one commit of the {@value #FIRST} first articles, behind a failing view. */
  private static FailingDirectory storeWithFirstCommit(ByteBuffersDirectory store, int threads)
      throws IOException {
    FailingDirectory disk = new FailingDirectory(store);
    try (NewsIndex index = NewsIndex.open(WHERE, disk, IndexConfig.DEFAULT.withThreads(threads))) {
      index.add(articles("first-", FIRST));
    }
    return disk;
  }

  /**
   * Bytes the second batch writes when nothing fails, merges left out: a batch writes at least
   * that much, so every budget below it fails (see {@link FailingDirectory#writtenOutsideMerges}).
   */
  private static long bytesOfTheSecondBatch(int threads) throws IOException {
    FailingDirectory disk = storeWithFirstCommit(new ByteBuffersDirectory(), threads);
    long before = disk.writtenOutsideMerges.get();
    try (NewsIndex index = NewsIndex.open(WHERE, disk, IndexConfig.DEFAULT.withThreads(threads))) {
      index.add(articles("second-", SECOND));
    }
    return disk.writtenOutsideMerges.get() - before;
  }

  /**
   * A disk that fills up anywhere in a batch, from its first byte to the commit point written
   * last: the batch fails with NOT_WRITABLE naming the index, and the index holds exactly the
   * previous commit.
   */
  @ParameterizedTest(name = "{0} indexing threads")
  @ValueSource(ints = {1, 2, 4})
  void aDiskFullAnywhereInABatchKeepsThePreviousCommitIntactAndSearchable(int threads)
      throws IOException {
    long total = bytesOfTheSecondBatch(threads);
    Set<Long> budgets = new TreeSet<>();
    for (int i = 0; i < 12; i++) {
      budgets.add(total * i / 12);
    }
    // The commit point (pending_segments_N, a few hundred bytes) is written last.
    for (long fromEnd : new long[] {1, 40, 150, 400, 2_000}) {
      budgets.add(Math.max(0, total - fromEnd));
    }
    int failed = 0;
    for (long budget : budgets) {
      ByteBuffersDirectory store = new ByteBuffersDirectory();
      FailingDirectory disk = storeWithFirstCommit(store, threads);
      String at = String.format(Locale.ROOT, "budget %,d of %,d bytes", budget, total);
      NewsIndex index = NewsIndex.open(WHERE, disk, IndexConfig.DEFAULT.withThreads(threads));
      disk.budget.set(budget);
      try {
        index.add(articles("second-", SECOND));
        // With several threads the segments (and so their size) vary a little from run to run.
        assertTrue(budget > total * 9 / 10, at + ": the batch did not fail");
        index.close();
        assertHoldsExactly(store, concat(ids("first-", FIRST), ids("second-", SECOND)), at);
      } catch (IndexUnavailableException e) {
        failed++;
        assertEquals(IndexUnavailableException.Reason.NOT_WRITABLE, e.reason(), at);
        assertTrue(e.getMessage().contains("No space left on device"), at + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("test-index"), at + ", names the index: " + e.getMessage());
        disk.budget.set(Long.MAX_VALUE);
        index.close();
        assertHoldsExactly(store, ids("first-", FIRST), at);
      }
    }
    assertTrue(failed >= 12, failed + " of " + budgets.size() + " budgets failed");
  }

  /** Each step of the commit failing leaves exactly the previous commit. */
  @ParameterizedTest(name = "{0} fails")
  @EnumSource(CommitStep.class)
  void aFailureInAnyStepOfTheCommitKeepsThePreviousCommit(CommitStep step) throws IOException {
    ByteBuffersDirectory store = new ByteBuffersDirectory();
    FailingDirectory disk = storeWithFirstCommit(store, 2);
    NewsIndex index = NewsIndex.open(WHERE, disk, IndexConfig.DEFAULT.withThreads(2));
    disk.arm(step, 0);
    IndexUnavailableException e =
        assertThrows(IndexUnavailableException.class, () -> index.add(articles("second-", SECOND)));
    assertEquals(1, disk.injected.get(), "the failure happened once, in " + step);
    assertEquals(IndexUnavailableException.Reason.NOT_WRITABLE, e.reason());
    assertTrue(e.getMessage().contains("Input/output error"), e.getMessage());
    disk.disarm();
    index.close();
    assertHoldsExactly(store, ids("first-", FIRST), step + " failed");
  }

  /**
   * The path the command line takes: a lenient run from files, with bad records skipped and
   * interval commits. A commit that fails leaves every interval committed before it, and nothing
   * of the interval it was committing.
   */
  @ParameterizedTest(name = "the commit after {0} interval(s) fails")
  @ValueSource(ints = {0, 1, 2, 3})
  void aLenientRunFromFilesKeepsTheIntervalsCommittedBeforeAFailure(int intervals)
      throws IOException {
    Path jsonl = jsonlWithBadLines();
    for (CommitStep step : CommitStep.values()) {
      ByteBuffersDirectory store = new ByteBuffersDirectory();
      FailingDirectory disk = storeWithFirstCommit(store, 2);
      IndexConfig every500 =
          IndexConfig.DEFAULT.withThreads(2).withCommitEvery(500, Duration.ofHours(1));
      NewsIndex index = NewsIndex.open(WHERE, disk, every500);
      disk.arm(step, intervals);
      ProblemLog log = new ProblemLog(ReadMode.LENIENT);
      IOException e =
          assertThrows(
              IOException.class,
              () -> {
                try (ArticleReader reader = ArticleReaders.open(List.of(jsonl), Format.AUTO, log)) {
                  index.add(reader, log);
                }
              },
              step + " after " + intervals);
      assertTrue(e instanceof IndexUnavailableException, step + ": " + e);
      assertEquals(2, log.skipCount(), "the bad lines before the failure were skipped");
      assertEquals(1, disk.injected.get(), step + " failed once");
      disk.disarm();
      index.close();
      assertHoldsExactly(
          store,
          concat(ids("first-", FIRST), ids("second-", intervals * 500)),
          step + " failing after " + intervals + " interval commit(s)");
    }
  }

  /** A lenient run from files that fills the disk keeps whole intervals, the first ones read. */
  @Test
  void aLenientRunFromFilesThatFillsTheDiskKeepsWholeIntervals() throws IOException {
    Path jsonl = jsonlWithBadLines();
    IndexConfig every500 =
        IndexConfig.DEFAULT.withThreads(2).withCommitEvery(500, Duration.ofHours(1));
    long total;
    {
      FailingDirectory disk = storeWithFirstCommit(new ByteBuffersDirectory(), 2);
      long before = disk.writtenOutsideMerges.get();
      ProblemLog log = new ProblemLog(ReadMode.LENIENT);
      try (NewsIndex index = NewsIndex.open(WHERE, disk, every500);
          ArticleReader reader = ArticleReaders.open(List.of(jsonl), Format.AUTO, log)) {
        index.add(reader, log);
      }
      total = disk.writtenOutsideMerges.get() - before; // merges left out, as in the sweep above
    }
    Set<Integer> kept = new TreeSet<>();
    for (int i = 1; i < 8; i++) {
      long budget = total * i / 8;
      ByteBuffersDirectory store = new ByteBuffersDirectory();
      FailingDirectory disk = storeWithFirstCommit(store, 2);
      NewsIndex index = NewsIndex.open(WHERE, disk, every500);
      disk.budget.set(budget);
      ProblemLog log = new ProblemLog(ReadMode.LENIENT);
      try (ArticleReader reader = ArticleReaders.open(List.of(jsonl), Format.AUTO, log)) {
        index.add(reader, log);
        fail("budget " + budget + " of " + total + ": the run did not fail");
      } catch (IndexUnavailableException e) {
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
      }
      disk.budget.set(Long.MAX_VALUE);
      index.close();
      int second;
      try (DirectoryReader reader = DirectoryReader.open(store)) {
        second = reader.numDocs() - FIRST;
      }
      String at = "budget " + budget + " of " + total + ", " + second + " kept";
      assertEquals(0, second % 500, at + ": whole intervals only");
      assertHoldsExactly(store, concat(ids("first-", FIRST), ids("second-", second)), at);
      kept.add(second);
    }
    assertTrue(kept.size() >= 3, "the budgets failed in different intervals: " + kept);
  }

  /**
   * {@value #SECOND} articles as JSON Lines in reading order, with a line of invalid JSON and one
   * with an unparsable date among them.
   */
  private Path jsonlWithBadLines() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < SECOND; i++) {
      if (i == 100) {
        sb.append("{\"id\": \"broken\", \"title\": \n");
      }
      if (i == 300) {
        sb.append("{\"id\":\"undated\",\"title\":\"T\",\"body\":\"b\",\"date\":\"someday\"}\n");
      }
      Article a = article("second-" + i, i);
      sb.append(
          String.format(
              Locale.ROOT,
              "{\"id\":\"%s\",\"title\":\"%s\",\"body\":\"%s\",\"date\":\"1987-03-01\",\"source\":\"Reuters\"}%n",
              a.id(),
              a.title(),
              a.body()));
    }
    Path file = tmp.resolve("second.jsonl");
    Files.writeString(file, sb, StandardCharsets.UTF_8);
    return file;
  }

  /** Compares id sets, saying how many and which (a few) are missing or extra. */
  static void assertSameIds(Collection<String> expected, Collection<String> found, String at) {
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(found);
    Set<String> extra = new TreeSet<>(found);
    extra.removeAll(expected);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      fail(
          String.format(
              Locale.ROOT,
              "%s: expected %d ids, found %d; %d missing (%s), %d extra (%s)",
              at,
              new TreeSet<>(expected).size(),
              new TreeSet<>(found).size(),
              missing.size(),
              missing.stream().limit(5).toList(),
              extra.size(),
              extra.stream().limit(5).toList()));
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * The index in the store is clean, holds exactly these ids, answers a phrase search with a
   * highlighted snippet and the exact total, and takes new articles.
   */
  private static void assertHoldsExactly(ByteBuffersDirectory store, List<String> ids, String at)
      throws IOException {
    try (CheckIndex check = new CheckIndex(store)) {
      check.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_CHECKSUM_CHECKS);
      assertTrue(check.checkIndex().clean, at + ": CheckIndex finds the index clean");
    }
    Set<String> found = new TreeSet<>();
    try (DirectoryReader reader = DirectoryReader.open(store)) {
      var stored = reader.storedFields();
      var live = org.apache.lucene.index.MultiBits.getLiveDocs(reader); // upserts delete older versions
      for (int d = 0; d < reader.maxDoc(); d++) {
        if (live == null || live.get(d)) {
          assertTrue(found.add(stored.document(d).get(Fields.ID)), at + ": a duplicate");
        }
      }
    }
    assertSameIds(ids, found, at + ": exactly the articles of the last commit");

    try (NewsSearcher searcher = NewsSearcher.open(store, NewsSearcher.DEFAULT_MAX_EXPANSIONS)) {
      SearchResult r = searcher.search(SearchRequest.of("\"trading number 7\""));
      long expected = ids.stream().filter(id -> id.endsWith("-7")).count();
      assertEquals(expected, r.total(), at + ": a phrase search on the survivor");
      Snippet s = r.hits().get(0).snippets().get(0);
      assertEquals(List.of("trading number 7"), s.matchedTexts().subList(0, 1), at);
      assertEquals(
          ids.size(), searcher.search(SearchRequest.of("*")).total(), at + ": every article");
      assertEquals(
          0, searcher.search(SearchRequest.of("id:third")).total(), at + ": not yet added");
    }
    try (NewsIndex again = NewsIndex.open(WHERE, new FailingDirectory(store), IndexConfig.DEFAULT)) {
      again.add(List.of(article("third", 3)));
      assertEquals(ids.size() + 1, again.count(), at + ": the survivor takes new articles");
    }
  }
}
