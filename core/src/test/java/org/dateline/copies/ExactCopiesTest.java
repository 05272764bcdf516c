package org.dateline.copies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dateline.Article;
import org.dateline.Hit;
import org.dateline.IndexConfig;
import org.dateline.NewsIndex;
import org.dateline.NewsSearcher;
import org.dateline.SearchRequest;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many exact copies (bench/run.sh's reuters10 in small: every Reuters story several times, each
 * copy with its own id and the same date, the copies arriving in later commits than the
 * original): the groups are those of the originals, each copy added to its original's group, and
 * grouping them reads few stored bodies back, because an exact copy joins by its whole-text hash
 * and a new article is compared with one member per group.
 */
class ExactCopiesTest {
  static final int STORIES = 1500;
  static final int ROUNDS = 4;

  @TempDir Path dir;

  static Path reutersArchive() {
    Path p =
        Path.of("")
            .toAbsolutePath()
            .resolve("../../shared/data/reuters21578/reuters21578.tar.gz")
            .normalize();
    assumeTrue(Files.isRegularFile(p), "Reuters-21578 not found at " + p + "; skipping");
    return p;
  }

  static Article copy(Article a, int round) {
    return new Article(
        round + "-" + a.id(), a.title(), a.titleDerived(), a.body(), a.date(), a.source(), a.url(),
        a.fields());
  }

  /** Group name and size by id, for every article. */
  static Map<String, CopyInfo> groups(Path index) throws IOException {
    Map<String, CopyInfo> out = new TreeMap<>();
    try (NewsSearcher s = NewsSearcher.open(index)) {
      for (Hit h : s.search(SearchRequest.of("*").page(0, 10_000).snippets(0, 20)).hits()) {
        out.put(h.id(), h.copies());
      }
    }
    return out;
  }

  @Test
  void exactCopiesInLaterCommitsJoinTheirOriginalsGroupWithoutReadingTheirText()
      throws IOException {
    List<Article> stories = new ArrayList<>();
    try (ArticleReader reader =
        ArticleReaders.open(
            List.of(reutersArchive()), Format.AUTO, new ProblemLog(ReadMode.LENIENT))) {
      for (var a = reader.next(); a.isPresent() && stories.size() < STORIES; a = reader.next()) {
        stories.add(a.get());
      }
    }
    IndexConfig config = IndexConfig.DEFAULT.withCopies(CopyPolicy.DEFAULT);
    Path originals = dir.resolve("originals");
    try (NewsIndex index = NewsIndex.open(originals, config)) {
      index.add(stories);
    }
    Map<String, CopyInfo> expected = groups(originals);
    long inGroups = expected.values().stream().filter(c -> c.size() > 1).count();
    assertTrue(inGroups > 20, "Reuters' first stories hold copies: " + inGroups);

    List<Article> rounds = new ArrayList<>();
    for (int r = 0; r < ROUNDS; r++) {
      for (Article a : stories) {
        rounds.add(copy(a, r));
      }
    }
    Path copies = dir.resolve("copies");
    long before = Neighbours.BODIES_READ.get();
    // a commit every 1000 articles: most copies arrive after their originals were committed
    try (NewsIndex index =
        NewsIndex.open(copies, config.withCommitEvery(1000, Duration.ofHours(1)))) {
      index.add(rounds);
    }
    long read = Neighbours.BODIES_READ.get() - before;
    Map<String, CopyInfo> got = groups(copies);
    assertEquals(STORIES * ROUNDS, got.size());
    for (int r = 0; r < ROUNDS; r++) {
      for (Article a : stories) {
        CopyInfo want = expected.get(a.id());
        CopyInfo c = got.get(r + "-" + a.id());
        if (Shingles.of(a.body()).length == 0) {
          // under five words: no text to compare, never a copy (as in the originals)
          assertEquals(CopyInfo.alone(r + "-" + a.id()), c, a.id());
          continue;
        }
        // same dates, so the earliest is the earliest original's first copy, round 0
        assertEquals("0-" + want.group(), c.group(), a.id());
        assertEquals(want.size() * ROUNDS, c.size(), a.id());
      }
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "%d stories x %d rounds, %d in groups of 2+ each round: %d stored bodies read%n",
        STORIES,
        ROUNDS,
        inGroups,
        read);
    // a walk from every article would read each of them at least once (every one is in a group
    // of ROUNDS or more); joining reads only the near (not exact) copies' texts
    assertTrue(read < STORIES, "bodies read: " + read + " for " + STORIES * ROUNDS + " articles");
  }
}
