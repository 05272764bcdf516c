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
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import org.dateline.copies.CopyFields;
import org.dateline.copies.CopyGroup;
import org.dateline.copies.CopyInfo;
import org.dateline.copies.CopyPolicy;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy groups as articles come and go: hand-made articles built from paragraphs of two sample
 * articles (real text; the two share none), so that which ones are copies is known by
 * construction.
 */
class CopyGroupsTest {
  /** Copy detection on, with the default thresholds. */
  static final IndexConfig COPIES =
      IndexConfig.DEFAULT.withCopies(org.dateline.copies.CopyPolicy.DEFAULT);

  @TempDir Path dir;

  /** Paragraphs of 30 words or more from the IDM and News Ledge sample articles. */
  static List<String> paragraphs;

  @BeforeAll
  static void paragraphs() {
    paragraphs = new ArrayList<>();
    for (Article a : SearchTestSupport.sampleArticles()) {
      if (a.id().startsWith("003_") || a.id().startsWith("004_")) {
        for (String p : a.body().split("\n\\s*\n")) {
          if (p.strip().split("\\s+").length >= 30) {
            paragraphs.add(p.strip());
          }
        }
      }
    }
    assertTrue(paragraphs.size() >= 12, "paragraphs: " + paragraphs.size());
  }

  /** The text of some paragraphs, by number, one after the other. */
  static String text(int... numbers) {
    List<String> out = new ArrayList<>();
    for (int n : numbers) {
      out.add(paragraphs.get(n));
    }
    return String.join("\n\n", out);
  }

  static Article article(String id, String when, String source, String body) {
    return new Article(
        id, "Title of " + id, false, body, Instant.parse(when), source, null, Map.of());
  }

  /** A; B with its last paragraph changed; C cut short a day later; D = A a fortnight later. */
  static List<Article> story() {
    return List.of(
        article("a", "2017-01-24T08:00:00Z", "Wire", text(0, 1, 2, 3, 4, 5)),
        article("b", "2017-01-24T10:00:00Z", "Paper", text(0, 1, 2, 3, 4, 6)),
        article("c", "2017-01-25T09:00:00Z", "Site", text(0, 1, 2, 3, 4)),
        article("d", "2017-02-07T08:00:00Z", "Wire", text(0, 1, 2, 3, 4, 5)),
        article("e", "2017-01-24T09:00:00Z", "Other", text(7, 8, 9, 10, 11)));
  }

  Map<String, CopyInfo> groups() throws IOException {
    Map<String, CopyInfo> out = new TreeMap<>();
    try (NewsSearcher s = NewsSearcher.open(dir)) {
      for (Hit h : s.search(SearchRequest.of("*").page(0, 1000).snippets(0, 20)).hits()) {
        out.put(h.id(), h.copies());
      }
    }
    return out;
  }

  @Test
  void copiesWithinTheWindowShareAGroupNamedByTheEarliest() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir, COPIES)) {
      index.add(story());
    }
    Map<String, CopyInfo> g = groups();
    for (String id : List.of("a", "b", "c")) {
      assertEquals("a", g.get(id).group(), id);
      assertEquals("a", g.get(id).earliest(), id);
      assertEquals(3, g.get(id).size(), id);
    }
    assertEquals(CopyInfo.alone("d"), g.get("d"), "the same text a fortnight later is not a copy");
    assertEquals(CopyInfo.alone("e"), g.get("e"));
  }

  @Test
  void deletingTheEarliestPromotesTheNext() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir, COPIES)) {
      index.add(story());
      index.delete(List.of("a"));
    }
    Map<String, CopyInfo> g = groups();
    assertEquals(new CopyInfo("b", "b", 2, 0, 0), g.get("b"));
    assertEquals(new CopyInfo("b", "b", 2, 0, 0), g.get("c"));
  }

  @Test
  void anUpsertMovesAnArticleToItsNewGroup() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir, COPIES)) {
      index.add(story());
      // b is corrected into a copy of e; a and c stay together
      index.add(List.of(article("b", "2017-01-24T10:00:00Z", "Paper", text(7, 8, 9, 10, 11))));
    }
    Map<String, CopyInfo> g = groups();
    assertEquals(new CopyInfo("a", "a", 2, 0, 0), g.get("a"));
    assertEquals(new CopyInfo("a", "a", 2, 0, 0), g.get("c"));
    assertEquals(new CopyInfo("e", "e", 2, 0, 0), g.get("b"));
    assertEquals(new CopyInfo("e", "e", 2, 0, 0), g.get("e"));
  }

  @Test
  void aGroupSplitsWhenTheArticleLinkingItGoes() throws IOException {
    // x and z share only three of their five paragraphs (Jaccard below 0.5); y links them
    List<Article> chain =
        List.of(
            article("x", "2017-01-24T08:00:00Z", "One", text(0, 1, 2, 3, 4)),
            article("y", "2017-01-24T09:00:00Z", "Two", text(1, 2, 3, 4, 5)),
            article("z", "2017-01-24T10:00:00Z", "Three", text(2, 3, 4, 5, 6)));
    try (NewsIndex index = NewsIndex.open(dir, COPIES)) {
      index.add(chain);
      Map<String, CopyInfo> g = groups();
      assertEquals(new CopyInfo("x", "x", 3, 0, 0), g.get("z"));
      index.delete(List.of("y"));
    }
    Map<String, CopyInfo> g = groups();
    assertEquals(CopyInfo.alone("x"), g.get("x"));
    assertEquals(CopyInfo.alone("z"), g.get("z"));
  }

  @Test
  void detectionOffLeavesEveryArticleAlone() throws IOException {
    try (NewsIndex index =
        NewsIndex.open(dir, IndexConfig.DEFAULT.withCopies(CopyPolicy.OFF))) {
      index.add(story());
    }
    groups().forEach((id, info) -> assertEquals(CopyInfo.alone(id), info));
  }

  @Test
  void collapsingShowsOneHitPerGroupWithItsCopiesAndOutlets() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir, COPIES)) {
      index.add(story());
    }
    String words = paragraphs.get(0).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    String phrase =
        "\"" + String.join(" ", java.util.Arrays.asList(words.split(" ")).subList(0, 6)) + "\"";
    try (NewsSearcher s = NewsSearcher.open(dir)) {
      SearchResult all = s.search(SearchRequest.of(phrase).sortBy(SortOrder.OLDEST));
      assertEquals(List.of("a", "b", "c", "d"), SearchTestSupport.ids(all));
      assertEquals(-1, all.stories());

      SearchResult collapsed =
          s.search(SearchRequest.of(phrase).sortBy(SortOrder.OLDEST).withCollapse(true));
      assertEquals(List.of("a", "d"), SearchTestSupport.ids(collapsed));
      assertEquals(4, collapsed.total(), "the total still counts articles");
      assertEquals(2, collapsed.stories());
      assertEquals(new CopyInfo("a", "a", 3, 2, 3), collapsed.hits().get(0).copies());
      assertEquals(new CopyInfo("d", "d", 1, 0, 1), collapsed.hits().get(1).copies());

      SearchResult newest =
          s.search(SearchRequest.of(phrase).sortBy(SortOrder.NEWEST).withCollapse(true));
      assertEquals(List.of("d", "c"), SearchTestSupport.ids(newest), "each group's first hit");

      SearchResult secondPage =
          s.search(
              SearchRequest.of(phrase).sortBy(SortOrder.OLDEST).withCollapse(true).page(1, 1));
      assertEquals(List.of("d"), SearchTestSupport.ids(secondPage));

      SearchResult stories =
          s.search(SearchRequest.of("*").withCount(SearchRequest.Count.STORIES));
      assertEquals(5, stories.total());
      assertEquals(3, stories.stories(), "a, b and c are one story; d and e two more");
    }
  }

  @Test
  void facetsCountStoriesOnceEach() throws IOException {
    List<Article> articles = new ArrayList<>(story());
    // the wire sends a again an hour later: one more article, no more stories
    articles.add(article("f", "2017-01-24T09:00:00Z", "Wire", text(0, 1, 2, 3, 4, 5)));
    try (NewsIndex index = NewsIndex.open(dir, COPIES)) {
      index.add(articles);
    }
    FacetRequest bySourceAndMonth = FacetRequest.of("source", "month");
    try (NewsSearcher s = NewsSearcher.open(dir)) {
      SearchResult byArticle = s.search(SearchRequest.of("*").facets(bySourceAndMonth));
      SearchResult byStory =
          s.search(
              SearchRequest.of("*")
                  .facets(bySourceAndMonth)
                  .withCount(SearchRequest.Count.STORIES));
      assertEquals(
          List.of(
              new FacetCount("Wire", 3),
              new FacetCount("Other", 1),
              new FacetCount("Paper", 1),
              new FacetCount("Site", 1)),
          byArticle.facets().get("source").counts());
      assertEquals(
          List.of(
              new FacetCount("Wire", 2),
              new FacetCount("Other", 1),
              new FacetCount("Paper", 1),
              new FacetCount("Site", 1)),
          byStory.facets().get("source").counts(),
          "a and f are one story from the Wire; d is another");
      assertEquals(
          List.of(new FacetCount("2017-01", 5), new FacetCount("2017-02", 1)),
          byArticle.facets().get("month").counts());
      assertEquals(
          List.of(new FacetCount("2017-01", 2), new FacetCount("2017-02", 1)),
          byStory.facets().get("month").counts(),
          "a's story and e in January, d in February");
      assertEquals(SearchRequest.Count.STORIES, byStory.count());
      assertEquals(3, byStory.stories());
    }
  }

  @Test
  void aCursorCannotPageACollapsedSearch() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SearchRequest.of("x").after("AQ").withCollapse(true));
    assertTrue(e.getMessage().contains("offset"), e.getMessage());
  }

  @Test
  void largestGroupsSayHowFarTheTextSpread() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir, COPIES)) {
      index.add(story());
    }
    try (NewsSearcher s = NewsSearcher.open(dir)) {
      List<CopyGroup> groups = s.copyGroups(SearchRequest.of("*"), 10);
      assertEquals(1, groups.size());
      CopyGroup g = groups.get(0);
      assertEquals("a", g.group());
      assertEquals("Title of a", g.title());
      assertEquals(List.of("a", "b", "c"), g.ids());
      assertEquals(List.of("Paper", "Site", "Wire"), g.outlets());
      assertEquals(Instant.parse("2017-01-24T08:00:00Z"), g.first());
      assertEquals(Instant.parse("2017-01-25T09:00:00Z"), g.last());
      assertTrue(
          s.copyGroups(SearchRequest.of("*").withSources("Other"), 10).isEmpty(),
          "filters apply: e has no copies");
    }
  }

  @Test
  void copyFieldNamesAreTheIndexFieldNames() {
    assertEquals(Fields.ID, CopyFields.ID);
    assertEquals(Fields.BODY, CopyFields.BODY);
    assertEquals(Fields.DATE, CopyFields.DATE);
    assertEquals(Fields.SOURCE, CopyFields.SOURCE);
    assertFalse(Fields.isExtra(CopyFields.GROUP));
  }

  @Test
  void sameGroupsWhateverTheOrderThreadsAndCommitIntervals() throws IOException {
    Path archive = SearchTestSupport.reutersArchive();
    List<Article> articles = new ArrayList<>();
    try (ArticleReader reader =
        ArticleReaders.open(List.of(archive), Format.AUTO, new ProblemLog(ReadMode.LENIENT))) {
      for (var a = reader.next(); a.isPresent() && articles.size() < 3000; a = reader.next()) {
        articles.add(a.get());
      }
    }
    Path first = dir.resolve("first");
    try (NewsIndex index = NewsIndex.open(first, COPIES)) {
      index.add(articles);
    }
    Map<String, String> expected = groupsOf(first);
    assertTrue(expected.size() > 50, "Reuters' first 3000 stories hold copies: " + expected);

    List<Article> reversed = new ArrayList<>(articles);
    Collections.reverse(reversed);
    Path second = dir.resolve("second");
    IndexConfig oneThreadSmallCommits =
        COPIES.withThreads(1).withCommitEvery(97, Duration.ofHours(1));
    try (NewsIndex index = NewsIndex.open(second, oneThreadSmallCommits)) {
      index.add(reversed);
    }
    assertEquals(expected, groupsOf(second), "reversed, one thread");

    try (NewsIndex index = NewsIndex.open(first, COPIES)) {
      IndexStats again = index.add(articles);
      assertEquals(articles.size(), again.replaced() + again.added());
    }
    assertEquals(expected, groupsOf(first), "the same input indexed again");
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

  @Test
  void aReplacementGroupsAtEachCheckpointWithoutCommittingAndSwitchesToRightGroups()
      throws IOException {
    // the old index: a and b only (a group of two)
    try (NewsIndex index = NewsIndex.open(dir, COPIES)) {
      index.add(story().subList(0, 2));
    }
    // the new one: c first, then the others, checkpointed every 2 articles: c joins a and b's
    // group only at a later checkpoint, and e must stay alone
    List<Article> input = new ArrayList<>(story());
    Collections.reverse(input);
    try (IndexReplacement r =
        IndexReplacement.begin(dir, COPIES.withCommitEvery(2, Duration.ofHours(1)))) {
      r.add(readerOf(input), new ProblemLog(ReadMode.LENIENT));
      Map<String, CopyInfo> before = groups();
      assertEquals(Set.of("a", "b"), before.keySet(), "searchers see the old index until commit");
      assertEquals(new CopyInfo("a", "a", 2, 0, 0), before.get("b"));
      r.commit();
    }
    Map<String, CopyInfo> g = groups();
    for (String id : List.of("a", "b", "c")) {
      assertEquals(new CopyInfo("a", "a", 3, 0, 0), g.get(id), id);
    }
    assertEquals(CopyInfo.alone("d"), g.get("d"));
    assertEquals(CopyInfo.alone("e"), g.get("e"));
  }

  @Test
  void aLenientRunCommittingOftenGivesTheSameGroups() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir, COPIES.withCommitEvery(1, Duration.ofHours(1)))) {
      IndexStats stats = index.add(readerOf(story()), new ProblemLog(ReadMode.LENIENT));
      assertEquals(story().size(), stats.commits(), "one commit per article");
    }
    Map<String, CopyInfo> g = groups();
    assertEquals(new CopyInfo("a", "a", 3, 0, 0), g.get("c"));
    assertEquals(CopyInfo.alone("d"), g.get("d"));
  }

  @Test
  void detectionIsChosenWhenTheIndexIsCreatedAndKeptAfter() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir, COPIES)) {
      index.add(story().subList(0, 1));
    }
    // opened later with the default config (detection off): the index's own setting holds
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(story().subList(1, story().size()));
    }
    assertEquals(new CopyInfo("a", "a", 3, 0, 0), groups().get("c"));
    try (NewsSearcher s = NewsSearcher.open(dir)) {
      assertEquals(CopyPolicy.DEFAULT, s.copies());
    }
    // other thresholds than the index's are refused, naming both
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                NewsIndex.open(
                    dir,
                    IndexConfig.DEFAULT.withCopies(
                        CopyPolicy.DEFAULT.withCopies(0.7, Duration.ofDays(3)))));
    assertTrue(e.getMessage().contains("Jaccard 0.5") && e.getMessage().contains("0.7"), e.getMessage());
  }

  @Test
  void anIndexWithoutDetectionSaysHowToTurnItOn() throws IOException {
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(story());
    }
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> NewsIndex.open(dir, COPIES));
    assertTrue(refused.getMessage().contains("created with copy detection off"), refused.getMessage());
    try (NewsSearcher s = NewsSearcher.open(dir)) {
      assertEquals(CopyPolicy.OFF, s.copies());
      // plain searches work, every article a group of its own
      for (Hit h : s.search(SearchRequest.of("*").page(0, 10)).hits()) {
        assertEquals(CopyInfo.alone(h.id()), h.copies());
      }
      for (SearchRequest r :
          List.of(
              SearchRequest.of("*").withCollapse(true),
              SearchRequest.of("*").withCount(SearchRequest.Count.STORIES))) {
        CopiesUnavailableException e =
            assertThrows(CopiesUnavailableException.class, () -> s.search(r));
        assertTrue(e.getMessage().contains("--copies"), e.getMessage());
      }
      assertThrows(CopiesUnavailableException.class, () -> s.provenance("a"));
      assertThrows(
          CopiesUnavailableException.class, () -> s.copyGroups(SearchRequest.of("*"), 5));
    }
  }

  /** Group name by id, for the articles in groups of two or more. */
  static Map<String, String> groupsOf(Path index) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (NewsSearcher s = NewsSearcher.open(index)) {
      for (CopyGroup g : s.copyGroups(SearchRequest.of("*"), Integer.MAX_VALUE)) {
        for (String id : g.ids()) {
          out.put(id, g.group());
        }
      }
    }
    return out;
  }
}
