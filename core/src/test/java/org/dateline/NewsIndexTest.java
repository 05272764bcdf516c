package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.CorpusFormatException;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsIndexTest {
  @TempDir Path dir;

  private static Article article(String id, String title, String body) {
    return new Article(
        id, title, false, body, Instant.parse("2017-01-24T00:00:00Z"), "Reuters", null, Map.of());
  }

  /** Reads back what the last commit holds, by id. */
  private Optional<Article> stored(String id) throws IOException {
    try (var d = FSDirectory.open(dir);
        DirectoryReader r = DirectoryReader.open(d)) {
      IndexSearcher s = new IndexSearcher(r);
      TopDocs top = s.search(new TermQuery(new Term(Fields.ID, id)), 2);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      assertEquals(1, top.totalHits.value(), "one document per id");
      return Optional.of(ArticleDocuments.fromStored(s.storedFields().document(top.scoreDocs[0].doc)));
    }
  }

  private long termCount(String field, String term) throws IOException {
    try (var d = FSDirectory.open(dir);
        DirectoryReader r = DirectoryReader.open(d)) {
      return new IndexSearcher(r).count(new TermQuery(new Term(field, term)));
    }
  }

  @Test
  void upsertReplacesByIdAndDoesNotDuplicate() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir)) {
      IndexStats first = index.add(List.of(article("a", "Old title", "old body"), article("b", "B", "b")));
      assertEquals(2, first.added());
      assertEquals(0, first.replaced());
      IndexStats second = index.add(List.of(article("a", "New title", "new body")));
      assertEquals(0, second.added());
      assertEquals(1, second.replaced());
      assertEquals(2, index.count());
    }
    Article a = stored("a").orElseThrow();
    assertEquals("New title", a.title());
    assertEquals("new body", a.body());
    assertEquals(0, termCount(Fields.BODY, "old"), "the old version is gone from the postings");
  }

  @Test
  void duplicateIdsInOneBatchLastWinsCountedAsReplaced() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir)) {
      IndexStats stats =
          index.add(
              List.of(
                  article("x", "first", "first version"),
                  article("y", "other", "other"),
                  article("x", "second", "second version")));
      assertEquals(2, stats.added());
      assertEquals(1, stats.replaced());
      assertEquals(2, index.count());
    }
    assertEquals("second", stored("x").orElseThrow().title());
  }

  @Test
  void storedArticleRoundTripsEveryField() throws IOException {
    Article in =
        new Article(
            "r-1",
            "Oil prices rise",
            true,
            "Oil prices rose on Monday.\n\nTraders said so.",
            Instant.parse("1987-02-26T15:01:01.790Z"),
            "Reuters",
            "https://example.org/r-1",
            Map.of("topics", List.of("crude", "Nat-Gas"), "places", List.of("usa")));
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(List.of(in));
    }
    assertEquals(in, stored("r-1").orElseThrow());
    assertEquals(1, termCount("topics", "nat-gas"), "keyword terms are lower case for matching");
    assertEquals(1, termCount(Fields.SOURCE, "reuters"));
  }

  @Test
  void englishAnalysisStemsPluralsAndPossessives() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(List.of(article("m", "Microsoft's emails", "Two search warrants were served.")));
    }
    assertEquals(1, termCount(Fields.BODY, "warrant"), "warrants is indexed as warrant");
    assertEquals(1, termCount(Fields.TITLE, "email"), "emails is indexed as email");
    assertEquals(1, termCount(Fields.TITLE, "microsoft"), "the possessive is removed");
  }

  @Test
  void hundredThousandCharacterTokenIsLeftOutAndTheArticleStillIndexed() throws IOException {
    String huge = "x".repeat(100_000);
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    IndexStats stats;
    try (NewsIndex index = NewsIndex.open(dir)) {
      stats = index.add(reader(List.of(article("t", "Token", "before " + huge + " after"))), log);
    }
    assertEquals(1, stats.added());
    assertEquals(1, stats.warnings());
    assertTrue(stats.firstWarnings().get(0).reason().contains("token longer than"));
    assertEquals(1, termCount(Fields.BODY, "befor"));
    assertEquals(1, termCount(Fields.BODY, "after"));
    assertEquals(huge.length() + 13, stored("t").orElseThrow().body().length(), "stored text kept whole");
  }

  @Test
  void strictFailureRollsBackAndLeavesTheIndexUnchanged() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(List.of(article("kept-1", "One", "one"), article("kept-2", "Two", "two")));
    }
    ProblemLog strict = new ProblemLog(ReadMode.STRICT);
    ArticleReader failing =
        new ArticleReader() {
          int n;

          @Override
          public Optional<Article> next() throws IOException {
            if (n++ == 0) {
              return Optional.of(article("new-1", "Three", "three"));
            }
            strict.skip(new Problem("bad.txt", 3, "unrecognized date \"soon\""));
            return Optional.empty();
          }

          @Override
          public void close() {}
        };
    try (NewsIndex index = NewsIndex.open(dir)) {
      CorpusFormatException e =
          assertThrows(CorpusFormatException.class, () -> index.add(failing, strict));
      assertEquals("bad.txt:3: unrecognized date \"soon\"", e.getMessage());
    }
    assertTrue(stored("kept-1").isPresent());
    assertTrue(stored("kept-2").isPresent());
    assertFalse(stored("new-1").isPresent(), "nothing of the failed run is committed");
  }

  @Test
  void lenientRunCommitsAtIntervals() throws IOException {
    List<Article> many = new ArrayList<>();
    for (int i = 0; i < 35; i++) {
      many.add(article("id-" + i, "Title " + i, "body " + i));
    }
    IndexConfig every10 = IndexConfig.DEFAULT.withCommitEvery(10, Duration.ofHours(1));
    try (NewsIndex index = NewsIndex.open(dir, every10)) {
      IndexStats stats = index.add(reader(many), new ProblemLog(ReadMode.LENIENT));
      assertEquals(35, stats.added());
      assertEquals(4, stats.commits(), "three interval commits and the final one");
    }
  }

  @Test
  void copyDetectionCapsTheCommitIntervalAlsoWhenTheIndexTurnsItOn() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir)) {
      assertEquals(250_000, index.commitEveryArticles(), "the default bulk-load interval");
    }
    Path copies = dir.resolve("copies");
    IndexConfig detecting = IndexConfig.DEFAULT.withCopies(org.dateline.copies.CopyPolicy.DEFAULT);
    try (NewsIndex index = NewsIndex.open(copies, detecting)) {
      assertEquals(IndexConfig.COPIES_COMMIT_EVERY, index.commitEveryArticles());
      index.add(List.of(article("a", "Title", "body")));
    }
    // detection off in the config: the index's own setting holds, and so does the cap
    try (NewsIndex index = NewsIndex.open(copies, IndexConfig.DEFAULT)) {
      assertEquals(IndexConfig.COPIES_COMMIT_EVERY, index.commitEveryArticles());
    }
    // a shorter interval than the cap is kept as it is
    try (NewsIndex index =
        NewsIndex.open(copies, IndexConfig.DEFAULT.withCommitEvery(1_000, Duration.ofHours(1)))) {
      assertEquals(1_000, index.commitEveryArticles());
    }
  }

  @Test
  void secondWriterIsRefusedWithALockedErrorAndTheFirstGoesOn() throws IOException {
    try (NewsIndex first = NewsIndex.open(dir)) {
      IndexUnavailableException e =
          assertThrows(IndexUnavailableException.class, () -> NewsIndex.open(dir));
      assertEquals(IndexUnavailableException.Reason.LOCKED, e.reason());
      assertTrue(e.getMessage().contains("being written by another process"), e.getMessage());
      first.add(List.of(article("still", "Still works", "yes")));
      assertEquals(1, first.count());
    }
  }

  @Test
  void corpusWithNoArticlesLeavesAnEmptyValidIndex() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir)) {
      IndexStats stats = index.add(reader(List.of()), new ProblemLog(ReadMode.LENIENT));
      assertEquals(0, stats.added() + stats.replaced() + stats.skipped());
      assertEquals(0, index.count());
    }
    try (var d = FSDirectory.open(dir)) {
      assertTrue(DirectoryReader.indexExists(d));
    }
  }

  @Test
  void overlongIdIsSkippedWithAReason() throws IOException {
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    try (NewsIndex index = NewsIndex.open(dir)) {
      IndexStats stats =
          index.add(reader(List.of(article("i".repeat(600), "T", "b"), article("ok", "T", "b"))), log);
      assertEquals(1, stats.added());
      assertEquals(1, stats.skipped());
      assertTrue(stats.firstSkips().get(0).reason().startsWith("id longer than 512"));
    }
  }

  private static ArticleReader reader(List<Article> articles) {
    Iterator<Article> it = articles.iterator();
    return new ArticleReader() {
      @Override
      public Optional<Article> next() {
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void keywordTermsIgnoreCaseAndAccents() throws IOException {
    Article rte =
        new Article("rte", "T", false, "b", null, "RTÉ News", null, Map.of("places", List.of("Zürich")));
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(List.of(rte));
    }
    assertEquals(1, termCount(Fields.SOURCE, "rte news"));
    assertEquals(1, termCount("places", "zurich"));
    assertEquals("RTÉ News", stored("rte").orElseThrow().source(), "shown as written");
  }

  @Test
  void withSeveralThreadsTheLastVersionOfEachIdWinsAndCountsStayExact() throws IOException {
    List<Article> versions = new ArrayList<>();
    // Ten versions of each id in a row: two versions handed to different threads would race.
    for (int i = 0; i < 3_000; i++) {
      versions.add(article("id-" + (i / 10), "version " + i, "body of version " + i));
    }
    IndexConfig four = IndexConfig.DEFAULT.withThreads(4).withCommitEvery(700, Duration.ofHours(1));
    try (NewsIndex index = NewsIndex.open(dir, four)) {
      IndexStats stats = index.add(reader(versions), new ProblemLog(ReadMode.LENIENT));
      assertEquals(300, stats.added());
      assertEquals(2_700, stats.replaced());
      assertEquals(300, index.count());
    }
    for (int id = 0; id < 300; id++) {
      assertEquals("version " + (10 * id + 9), stored("id-" + id).orElseThrow().title());
    }
  }
}
