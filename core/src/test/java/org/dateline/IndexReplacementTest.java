package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.CorpusFormatException;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link IndexReplacement}: the old index stays whole and searchable until one commit switches to
 * the whole new one; nothing indexed, a failure or a failed rename leaves the old index as it was.
 */
class IndexReplacementTest {
  @TempDir Path dir;
  Path index;
  Set<String> sampleIds;

  @BeforeEach
  void sampleIndex() throws IOException {
    index = dir.resolve("news");
    List<Article> sample = SearchTestSupport.sampleArticles();
    try (NewsIndex news = NewsIndex.open(index)) {
      news.add(sample);
    }
    sampleIds = new TreeSet<>();
    sample.forEach(a -> sampleIds.add(a.id()));
    assertEquals(5, sampleIds.size());
  }

  private static Article article(String id, String body) {
    return new Article(
        id, "Title " + id, false, body, Instant.parse("1987-03-01T00:00:00Z"), "Wire", null, Map.of());
  }

  private static ArticleReader readerOf(List<Article> articles) {
    var it = articles.iterator();
    return new ArticleReader() {
      @Override
      public Optional<Article> next() {
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
      }

      @Override
      public void close() {}
    };
  }

  /** The ids of the index's last commit, as a searcher opening now sees them. */
  static Set<String> ids(Path index) throws IOException {
    Set<String> ids = new TreeSet<>();
    try (var d = FSDirectory.open(index);
        DirectoryReader r = DirectoryReader.open(d)) {
      var stored = r.storedFields();
      var live = org.apache.lucene.index.MultiBits.getLiveDocs(r); // upserts delete older versions
      for (int i = 0; i < r.maxDoc(); i++) {
        if (live == null || live.get(i)) {
          assertTrue(ids.add(stored.document(i).get(Fields.ID)), "one document per id");
        }
      }
    }
    return ids;
  }

  private long searchTotal(String query) throws IOException {
    try (NewsSearcher s = NewsSearcher.open(index)) {
      return s.search(SearchRequest.of(query)).total();
    }
  }

  /** Files in the folder that the last commit does not reference (the lock aside). */
  static Set<String> unreferenced(Path index) throws IOException {
    Set<String> files = new HashSet<>();
    try (Stream<Path> list = Files.list(index)) {
      list.forEach(p -> files.add(p.getFileName().toString()));
    }
    try (var d = FSDirectory.open(index)) {
      files.removeAll(SegmentInfos.readLatestCommit(d).files(true));
    }
    files.remove("write.lock");
    return files;
  }

  static void assertCheckIndexClean(Path index) throws IOException {
    try (var d = FSDirectory.open(index);
        CheckIndex check = new CheckIndex(d)) {
      assertTrue(check.checkIndex().clean, "CheckIndex finds the index clean");
    }
  }

  private List<Path> siblings() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> !p.equals(index)).toList();
    }
  }

  @Test
  void aReplacementThatIndexedNothingLeavesTheOldIndex() throws IOException {
    try (IndexReplacement r = IndexReplacement.begin(index, IndexConfig.DEFAULT)) {
      IndexStats stats = r.add(readerOf(List.of()), new ProblemLog(ReadMode.LENIENT));
      assertEquals(0, stats.indexed());
      IllegalStateException e = assertThrows(IllegalStateException.class, r::commit);
      assertTrue(e.getMessage().contains("left as it was"), e.getMessage());
    }
    assertEquals(sampleIds, ids(index));
    assertEquals(3, searchTotal("\"stored communications act\""));
    assertEquals(Set.of(), unreferenced(index));
    assertEquals(List.of(), siblings());
  }

  @Test
  void aLenientReplacementWhoseEveryRecordIsSkippedLeavesTheOldIndex() throws IOException {
    Path bad = dir.resolve("dump.jsonl");
    Files.writeString(bad, "{\"id\": \"1\", \"body\": \n not json\n{\"title\": \"no id\"}\n");
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    try (IndexReplacement r = IndexReplacement.begin(index, IndexConfig.DEFAULT);
        ArticleReader reader = ArticleReaders.open(List.of(bad), Format.AUTO, log)) {
      IndexStats stats = r.add(reader, log);
      assertEquals(0, stats.indexed());
      assertTrue(stats.skipped() >= 2, "the bad records are counted: " + stats.skipped());
    }
    Files.delete(bad);
    assertEquals(sampleIds, ids(index));
    assertEquals(List.of(), siblings());
  }

  @Test
  void aStrictReplacementStoppedByABadRecordLeavesTheOldIndex() throws IOException {
    Path bad = dir.resolve("dump.jsonl");
    Files.writeString(bad, "{\"id\": \"1\", \"body\": \"good\"}\n{broken\n");
    ProblemLog log = new ProblemLog(ReadMode.STRICT);
    try (IndexReplacement r = IndexReplacement.begin(index, IndexConfig.DEFAULT);
        ArticleReader reader = ArticleReaders.open(List.of(bad), Format.AUTO, log)) {
      assertThrows(CorpusFormatException.class, () -> r.add(reader, log));
      assertThrows(IllegalStateException.class, r::commit, "a failed replacement cannot commit");
    }
    assertEquals(sampleIds, ids(index));
    assertEquals(Set.of(), unreferenced(index));
  }

  @Test
  void searchersSeeTheOldIndexUntilTheSwitchAndThenTheWholeNewOne() throws IOException {
    try (NewsSearcher before = NewsSearcher.open(index);
        IndexReplacement r = IndexReplacement.begin(index, IndexConfig.DEFAULT)) {
      r.add(
          readerOf(List.of(article("n1", "oil prices rose"), article("n2", "oil prices fell"))),
          new ProblemLog(ReadMode.LENIENT));
      // Written, not committed: a searcher opening now, and one open from before, see the old.
      assertEquals(sampleIds, ids(index));
      assertEquals(3, searchTotal("\"stored communications act\""));
      assertEquals(0, searchTotal("\"oil prices\""));
      r.commit();
      // One open from before keeps its point in time until it refreshes.
      assertEquals(3, before.search(SearchRequest.of("\"stored communications act\"")).total());
      before.refresh();
      assertEquals(0, before.search(SearchRequest.of("\"stored communications act\"")).total());
      assertEquals(2, before.search(SearchRequest.of("\"oil prices\"")).total());
    }
    assertEquals(Set.of("n1", "n2"), ids(index));
    assertEquals(Set.of(), unreferenced(index), "the old index's files are gone");
    assertCheckIndexClean(index);
  }

  @Test
  void duplicateIdsWithinAReplacementKeepTheLastVersionOnce() throws IOException {
    IndexConfig often = IndexConfig.DEFAULT.withCommitEvery(2, java.time.Duration.ofHours(1));
    try (IndexReplacement r = IndexReplacement.begin(index, often)) {
      IndexStats stats =
          r.add(
              readerOf(
                  List.of(
                      article("a", "first"),
                      article("b", "b"),
                      article("c", "c"),
                      article("a", "second"),
                      article("d", "d"))),
              new ProblemLog(ReadMode.LENIENT));
      assertEquals(4, stats.added());
      assertEquals(1, stats.replaced());
      assertEquals(0, stats.commits(), "nothing is committed before the switch");
      r.commit();
    }
    assertEquals(Set.of("a", "b", "c", "d"), ids(index));
    assertEquals(1, searchTotal("second"));
    assertEquals(0, searchTotal("first"));
  }

  @Test
  void aReplacementMayChangeTheAnalysis() throws IOException {
    IndexConfig anserini = IndexConfig.DEFAULT.withAnalysis(TextAnalysis.ENGLISH_STOPWORDS_PORTER);
    try (IndexReplacement r = IndexReplacement.begin(index, anserini)) {
      r.add(readerOf(List.of(article("x", "the court of appeals"))), new ProblemLog(ReadMode.LENIENT));
      r.commit();
    }
    try (NewsSearcher s = NewsSearcher.open(index)) {
      assertEquals(TextAnalysis.ENGLISH_STOPWORDS_PORTER, s.analysis());
    }
  }

  @Test
  void aFailedRenameOfTheCommitLeavesTheOldIndexSearchable() throws IOException {
    UnaryOperator<Directory> failingRename =
        d ->
            new FilterDirectory(d) {
              @Override
              public void rename(String source, String dest) throws IOException {
                throw new IOException("simulated rename failure of " + source);
              }
            };
    try (IndexReplacement r =
        IndexReplacement.begin(index, IndexConfig.DEFAULT, failingRename, Files::move)) {
      r.add(readerOf(List.of(article("n1", "new text"))), new ProblemLog(ReadMode.LENIENT));
      IndexUnavailableException e = assertThrows(IndexUnavailableException.class, r::commit);
      assertTrue(e.getMessage().contains("simulated rename failure"), e.getMessage());
    }
    assertEquals(sampleIds, ids(index));
    assertEquals(3, searchTotal("\"stored communications act\""));
    // The next writer cleans what the failed switch left.
    try (NewsIndex news = NewsIndex.open(index)) {
      assertEquals(5, news.count());
    }
    assertEquals(Set.of(), unreferenced(index));
    assertCheckIndexClean(index);
  }

  @Test
  void aFailedSyncOfTheCommitLeavesTheOldIndexSearchable() throws IOException {
    UnaryOperator<Directory> failingSync =
        d ->
            new FilterDirectory(d) {
              @Override
              public void sync(java.util.Collection<String> names) throws IOException {
                throw new IOException("simulated fsync failure");
              }
            };
    try (IndexReplacement r =
        IndexReplacement.begin(index, IndexConfig.DEFAULT, failingSync, Files::move)) {
      r.add(readerOf(List.of(article("n1", "new text"))), new ProblemLog(ReadMode.LENIENT));
      assertThrows(IndexUnavailableException.class, r::commit);
    }
    assertEquals(sampleIds, ids(index));
  }

  /** Overwrites bytes in the middle of the newest commit file, as a bad disk would. */
  private void damage() throws IOException {
    try (var d = FSDirectory.open(index)) {
      String segments = SegmentInfos.getLastCommitSegmentsFileName(d);
      try (RandomAccessFile f = new RandomAccessFile(index.resolve(segments).toFile(), "rw")) {
        f.seek(f.length() / 2);
        f.write(new byte[] {0x55, 0x55, 0x55, 0x55});
      }
    }
    IndexUnavailableException e =
        assertThrows(IndexUnavailableException.class, () -> NewsSearcher.open(index).close());
    assertEquals(IndexUnavailableException.Reason.CORRUPT, e.reason());
  }

  @Test
  void aDamagedIndexCanBeReplaced() throws IOException {
    damage();
    try (IndexReplacement r = IndexReplacement.begin(index, IndexConfig.DEFAULT)) {
      r.add(readerOf(List.of(article("n1", "oil prices"))), new ProblemLog(ReadMode.LENIENT));
      r.commit();
    }
    assertEquals(Set.of("n1"), ids(index));
    assertEquals(1, searchTotal("\"oil prices\""));
    assertEquals(List.of(), siblings(), "neither the damaged index nor the build folder is left");
    assertCheckIndexClean(index);
  }

  @Test
  void aDamagedIndexWhoseReplacementFindsNothingStaysAsItWas() throws IOException {
    damage();
    byte[] before = Files.readAllBytes(latestSegments());
    try (IndexReplacement r = IndexReplacement.begin(index, IndexConfig.DEFAULT)) {
      r.add(readerOf(List.of()), new ProblemLog(ReadMode.LENIENT));
    }
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(latestSegments())));
    assertEquals(List.of(), siblings());
  }

  private Path latestSegments() throws IOException {
    try (var d = FSDirectory.open(index)) {
      return index.resolve(SegmentInfos.getLastCommitSegmentsFileName(d));
    }
  }

  @Test
  void whenTheSecondFolderRenameFailsTheDamagedIndexIsPutBack() throws IOException {
    damage();
    byte[] before = Files.readAllBytes(latestSegments());
    IndexReplacement.Mover failSecond =
        new IndexReplacement.Mover() {
          int calls;

          @Override
          public void move(Path from, Path to) throws IOException {
            if (++calls == 2) {
              throw new IOException("simulated rename failure");
            }
            Files.move(from, to);
          }
        };
    try (IndexReplacement r =
        IndexReplacement.begin(index, IndexConfig.DEFAULT, UnaryOperator.identity(), failSecond)) {
      r.add(readerOf(List.of(article("n1", "x"))), new ProblemLog(ReadMode.LENIENT));
      IOException e = assertThrows(IOException.class, r::commit);
      assertEquals("simulated rename failure", e.getMessage());
    }
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(latestSegments())));
    assertEquals(List.of(), siblings(), "the build folder is removed, nothing is stranded");
  }

  @Test
  void aReplacementIntoANewFolderThatFindsNothingLeavesNoFolder() throws IOException {
    Path fresh = dir.resolve("fresh");
    try (IndexReplacement r = IndexReplacement.begin(fresh, IndexConfig.DEFAULT)) {
      r.add(readerOf(List.of()), new ProblemLog(ReadMode.LENIENT));
    }
    assertFalse(Files.exists(fresh));
  }

  @Test
  void aFolderOfOtherFilesOrAFileIsRefused() throws IOException {
    Path docs = dir.resolve("docs");
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("thesis.txt"), "my only copy");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> IndexReplacement.begin(docs, IndexConfig.DEFAULT));
    assertTrue(e.getMessage().contains("thesis.txt"), e.getMessage());
    assertEquals("my only copy", Files.readString(docs.resolve("thesis.txt")));
    Path file = dir.resolve("file");
    Files.writeString(file, "x");
    IndexUnavailableException notAFolder =
        assertThrows(
            IndexUnavailableException.class,
            () -> IndexReplacement.begin(file, IndexConfig.DEFAULT));
    assertTrue(notAFolder.getMessage().contains("is a file"), notAFolder.getMessage());
  }

  @Test
  void aSecondWriterIsRefusedWhileAReplacementRuns() throws IOException {
    try (IndexReplacement r = IndexReplacement.begin(index, IndexConfig.DEFAULT)) {
      IndexUnavailableException e =
          assertThrows(IndexUnavailableException.class, () -> NewsIndex.open(index).close());
      assertEquals(IndexUnavailableException.Reason.LOCKED, e.reason());
      e =
          assertThrows(
              IndexUnavailableException.class,
              () -> IndexReplacement.begin(index, IndexConfig.DEFAULT).close());
      assertEquals(IndexUnavailableException.Reason.LOCKED, e.reason());
    }
  }

  @Test
  void partialBuildsOfKilledReplacementsAreDeletedAndOldIndexesReported() throws IOException {
    Path partial = dir.resolve("news.replacing-123456");
    Files.createDirectories(partial);
    Files.writeString(partial.resolve("_0.cfs"), "half a segment");
    Path older = dir.resolve("news.new-98765");
    Files.createDirectories(older);
    Files.writeString(older.resolve("write.lock"), "");
    Path kept = dir.resolve("news.old-" + java.util.UUID.randomUUID());
    Files.createDirectories(kept);
    Files.writeString(kept.resolve("segments_3"), "an old index");
    Path unrelated = dir.resolve("news.new-2024-notes");
    Files.createDirectories(unrelated);
    try (IndexReplacement r = IndexReplacement.begin(index, IndexConfig.DEFAULT)) {
      assertEquals(List.of(kept), r.strays());
    }
    assertFalse(Files.exists(partial));
    assertFalse(Files.exists(older));
    assertTrue(Files.exists(kept), "a folder that may hold a user's index is reported, not deleted");
    assertTrue(Files.exists(unrelated), "a folder not named as ours is left alone");
  }
}
