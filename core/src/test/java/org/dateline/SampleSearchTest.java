package org.dateline;

import static org.dateline.SearchTestSupport.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search over the five sample articles, checked against what reading the texts gives.
 *
 * <p>Reading the seeds (case-insensitive; stemming makes "warrants" match "warrant"):
 *
 * <ul>
 *   <li>{@code "stored communications act"}: 000, 001, 002 (once each); not 003, 004.
 *   <li>{@code "search warrant"}: all five: 000 ("search warrant", "search warrants"), 001 (both),
 *       002 ("search warrant"), 003 ("search warrants"), 004 ("search warrant").
 *   <li>{@code search warrant} (both words anywhere): all five.
 *   <li>{@code "warrant search"}: none. The nearest is 004's "warrants to search", where "to" sits
 *       between the words, so {@code "warrant search"~1} finds 004.
 * </ul>
 */
class SampleSearchTest {
  @TempDir static Path dir;
  static List<Article> articles;
  static NewsSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    articles = SearchTestSupport.sampleArticles();
    // indexed in reverse id order, so that index order cannot pass for the id tie-break
    List<Article> reversed = new ArrayList<>(articles);
    java.util.Collections.reverse(reversed);
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(reversed);
    }
    searcher = NewsSearcher.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static final Pattern SEED = Pattern.compile("(\\d{3})_[0-9a-f]{16}");

  /** The seed number ("000" to "004") in an article id. */
  private static String seed(String id) {
    Matcher m = SEED.matcher(id);
    assertTrue(m.find(), "id names its seed file: " + id);
    return m.group(1);
  }

  private static Set<String> seeds(SearchResult r) {
    Set<String> out = new TreeSet<>();
    r.hits().forEach(h -> out.add(seed(h.id())));
    return out;
  }

  private static Set<String> seeds(Set<String> ids) {
    Set<String> out = new TreeSet<>();
    ids.forEach(id -> out.add(seed(id)));
    return out;
  }

  private static SearchResult search(String q) throws IOException {
    return searcher.search(SearchRequest.of(q).page(0, 100));
  }

  private static String normalize(String s) {
    return s.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  @Test
  void quotedPhraseFindsExactlyTheArticlesWithTheWordsInThatOrder() throws IOException {
    SearchResult r = search("\"stored communications act\"");
    assertEquals(Set.of("000", "001", "002"), seeds(r), "what reading the texts gives");
    assertEquals(
        SearchTestSupport.scanPhrase(articles, "stored communications act"),
        new TreeSet<>(ids(r)),
        "what a plain scan of the analyzed text gives");
    assertEquals(3, r.total());
  }

  @Test
  void quotedPhraseIsHighlightedAsOneSpan() throws IOException {
    SearchResult r = search("\"stored communications act\"");
    for (Hit h : r.hits()) {
      List<String> marked = new ArrayList<>();
      h.snippets().forEach(s -> marked.addAll(s.matchedTexts()));
      assertFalse(marked.isEmpty(), h.id() + " has a highlighted snippet");
      for (String m : marked) {
        assertEquals(
            "stored communications act",
            normalize(m),
            h.id() + ": one span covers the whole phrase");
      }
    }
  }

  @Test
  void phraseAndWordCountsMatchReadingTheTexts() throws IOException {
    SearchResult phrase = search("\"search warrant\"");
    assertEquals(Set.of("000", "001", "002", "003", "004"), seeds(phrase));
    assertEquals(
        SearchTestSupport.scanPhrase(articles, "search warrant"), new TreeSet<>(ids(phrase)));

    SearchResult words = search("search warrant");
    assertEquals(Set.of("000", "001", "002", "003", "004"), seeds(words));
    assertEquals(
        SearchTestSupport.scanAllWords(articles, "search warrant"), new TreeSet<>(ids(words)));

    SearchResult reversed = search("\"warrant search\"");
    assertEquals(0, reversed.total(), "no text has \"warrant search\"");
    assertEquals(Set.of(), SearchTestSupport.scanPhrase(articles, "warrant search"));

    // one word between them is allowed: 004's "warrants to search"
    assertEquals(Set.of("004"), seeds(search("\"warrant search\"~1")));
  }

  @Test
  void everyWordMustMatchUnlessOrIsWritten() throws IOException {
    // "wins" is only in 001's title, "swings" only in 004
    assertEquals(Set.of("001"), seeds(search("microsoft wins")));
    assertEquals(Set.of(), seeds(search("wins swings")));
    assertEquals(Set.of("001", "004"), seeds(search("wins OR swings")));
    assertEquals(Set.of("000", "002", "003", "004"), seeds(search("microsoft -wins")));
    assertEquals(
        Set.of("000", "002", "003", "004"), seeds(search("-wins")), "negation alone is 'all but'");
  }

  @Test
  void stemmedMatchIsHighlightedOnTheWordAsWritten() throws IOException {
    SearchResult r = search("warrant");
    Set<String> marked = new HashSet<>();
    for (Hit h : r.hits()) {
      h.snippets()
          .forEach(s -> s.matchedTexts().forEach(t -> marked.add(t.toLowerCase(Locale.ROOT))));
    }
    assertEquals(Set.of("warrant", "warrants"), marked);
  }

  @Test
  void wildcardAndFuzzyMatchesAreHighlighted() throws IOException {
    SearchResult wildcard = search("warr*");
    assertEquals(SearchTestSupport.scanAllWords(articles, "warrant"), new TreeSet<>(ids(wildcard)));
    Set<String> marked = new HashSet<>();
    wildcard.hits().forEach(h -> h.snippets().forEach(s -> marked.addAll(s.matchedTexts())));
    assertTrue(marked.contains("warrants") && marked.contains("warrant"), "marked: " + marked);

    SearchResult fuzzy = search("warrent~1");
    assertEquals(5, fuzzy.total());
    Set<String> fuzzyMarked = new HashSet<>();
    fuzzy.hits().forEach(h -> h.snippets().forEach(s -> fuzzyMarked.addAll(s.matchedTexts())));
    assertTrue(fuzzyMarked.contains("warrant"), "marked: " + fuzzyMarked);
  }

  @Test
  void titleMatchesAreHighlightedInTheWholeTitle() throws IOException {
    SearchResult r = search("title:(microsoft overseas)");
    assertEquals(Set.of("002"), seeds(r));
    Hit h = r.hits().get(0);
    assertEquals(h.title(), h.titleHighlight().text(), "the title comes back whole");
    assertEquals(List.of("Microsoft", "overseas"), h.titleHighlight().matchedTexts());
  }

  @Test
  void titleOnlyMatchShowsTheBodysFirstSentence() throws IOException {
    // "wins" appears in 001's title only
    SearchResult r = search("wins");
    assertEquals(Set.of("001"), seeds(r));
    Hit h = r.hits().get(0);
    assertEquals(List.of("wins"), h.titleHighlight().matchedTexts());
    assertEquals(1, h.snippets().size());
    Snippet lede = h.snippets().get(0);
    assertFalse(lede.hasMatches());
    Article a = articles.stream().filter(x -> x.id().equals(h.id())).findFirst().orElseThrow();
    String firstSentence = a.body().substring(0, a.body().indexOf('.') + 1);
    assertEquals(firstSentence.replaceAll("\\s+", " "), lede.text());
  }

  @Test
  void snippetsAreWholeWordsOfAboutTheRequestedLengthAtMostN() throws IOException {
    SearchResult r = searcher.search(SearchRequest.of("microsoft").snippets(2, 60).page(0, 10));
    assertEquals(5, r.total());
    for (Hit h : r.hits()) {
      assertTrue(h.snippets().size() <= 2, h.id() + " has at most 2 snippets");
      Article a = articles.stream().filter(x -> x.id().equals(h.id())).findFirst().orElseThrow();
      String body = a.body().replaceAll("\\s+", " ");
      for (Snippet s : h.snippets()) {
        assertTrue(s.text().length() <= 60 + 15 + 4, "about 60 characters: " + s.text());
        String inner = s.text().replaceFirst("^… ", "").replaceFirst(" …$", "");
        int at = body.indexOf(inner);
        assertTrue(at >= 0, "a snippet is a piece of the body: " + inner);
        assertTrue(
            at == 0 || !Character.isLetterOrDigit(body.charAt(at - 1)),
            "starts at a word: " + inner);
        int end = at + inner.length();
        assertTrue(
            end == body.length() || !Character.isLetterOrDigit(body.charAt(end)),
            "ends at a word: " + inner);
      }
    }
    SearchResult none = searcher.search(SearchRequest.of("microsoft").snippets(0, 60));
    none.hits().forEach(h -> assertEquals(List.of(), h.snippets()));
  }

  @Test
  void bestPassagesComeFirst() throws IOException {
    // 000 mentions "stored" alone twice and the whole phrase once; the passage with the phrase
    // holds every query word and must rank first.
    SearchResult r = search("stored communications act");
    Hit h = r.hits().stream().filter(x -> seed(x.id()).equals("000")).findFirst().orElseThrow();
    assertTrue(
        normalize(h.snippets().get(0).text()).contains("stored communications act"),
        "first snippet: " + h.snippets().get(0).text());
  }

  @Test
  void sourceFilterNarrowsIgnoringCaseAndAccents() throws IOException {
    assertEquals(
        Set.of("000"), seeds(searcher.search(SearchRequest.of("warrant").withSources("rte news"))));
    assertEquals(
        Set.of("001", "004"),
        seeds(searcher.search(SearchRequest.of("").withSources("TechEye", "NEWS LEDGE"))));
    assertEquals(Set.of("002"), seeds(search("source:\"cso (idg news service)\"")));
  }

  @Test
  void dateFilterNarrowsWithInclusiveDays() throws IOException {
    DateRange jan2017 = new DateRange(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 31));
    assertEquals(
        Set.of("000", "001", "002"),
        seeds(searcher.search(SearchRequest.of("warrant").withDates(jan2017))));
    // both ends inclusive, at day granularity
    DateRange oneDay = new DateRange(LocalDate.of(2016, 7, 18), LocalDate.of(2016, 7, 18));
    assertEquals(Set.of("003"), seeds(searcher.search(SearchRequest.of("").withDates(oneDay))));
    DateRange upTo = new DateRange(null, LocalDate.of(2016, 7, 18));
    assertEquals(
        Set.of("003", "004"), seeds(searcher.search(SearchRequest.of("").withDates(upTo))));
    DateRange dayAfter = new DateRange(LocalDate.of(2016, 7, 19), LocalDate.of(2017, 1, 23));
    assertEquals(0, searcher.search(SearchRequest.of("").withDates(dayAfter)).total());
  }

  @Test
  void datesInTheQueryAreWrittenAsDates() throws IOException {
    assertEquals(Set.of("000", "001", "002"), seeds(search("date:[2017-01-01 TO 2017-01-31]")));
    assertEquals(Set.of("000", "001", "002"), seeds(search("date:2017-01")));
    assertEquals(Set.of("000", "001", "002"), seeds(search("date:2017-W04")));
    assertEquals(Set.of("004"), seeds(search("date:2014")));
    assertEquals(Set.of("003"), seeds(search("date:2016-07-18")));
    assertEquals(Set.of("003", "004"), seeds(search("date:[* TO 2016-07-18]")));
    assertEquals(Set.of("000", "001", "002", "003"), seeds(search("date:[2016-07-18 TO *]")));
    assertEquals(
        Set.of("000", "001", "002"), seeds(search("date:{2016-07-18 TO *]")), "{ excludes its day");
    assertEquals(Set.of("003"), seeds(search("date:\"July 18, 2016\"")));
    assertEquals(Set.of("000", "001", "002"), seeds(search("warrant date:2017")));
  }

  @Test
  void filtersCombineWithTheQuery() throws IOException {
    SearchResult r =
        searcher.search(
            SearchRequest.of("\"search warrant\"")
                .withSources("RTÉ News", "IDM", "News Ledge")
                .withDates(new DateRange(LocalDate.of(2016, 1, 1), null)));
    assertEquals(Set.of("000", "003"), seeds(r));
    assertEquals(2, r.total());
  }

  @Test
  void facetsComeBackWithTheHitsCountedDrillSideways() throws IOException {
    SearchResult r =
        searcher.search(
            SearchRequest.of("\"search warrant\"")
                .withSources("TechEye")
                .facets(FacetRequest.of("source", "year")));
    assertEquals(Set.of("001"), seeds(r));
    assertEquals(List.of("source", "year"), List.copyOf(r.facets().keySet()));
    // the source dimension ignores its own filter: all five sources stay visible
    long sourceTotal =
        r.facets().get("source").counts().stream().mapToLong(FacetCount::count).sum();
    assertEquals(5, sourceTotal);
    // the year dimension applies the source filter: TechEye's one article, 2017
    FacetResult years = r.facets().get("year");
    long in2017 =
        years.counts().stream()
            .filter(c -> c.label().equals("2017"))
            .mapToLong(FacetCount::count)
            .sum();
    assertEquals(1, in2017);
    assertEquals(
        Map.of(), searcher.search(SearchRequest.of("warrant")).facets(), "none unless asked");
  }

  @Test
  void newestFirstIsInDateOrderThenById() throws IOException {
    SearchResult r = searcher.search(SearchRequest.of("").sortBy(SortOrder.NEWEST));
    assertEquals(
        List.of("000", "001", "002", "003", "004"),
        r.hits().stream().map(h -> seed(h.id())).toList());
    assertInOrder(r, Comparator.comparing(Hit::date).reversed().thenComparing(Hit::id));
    SearchResult oldest = searcher.search(SearchRequest.of("warrant").sortBy(SortOrder.OLDEST));
    assertEquals(
        List.of("004", "003", "000", "001", "002"),
        oldest.hits().stream().map(h -> seed(h.id())).toList());
    for (Hit h : oldest.hits()) {
      assertTrue(h.score() > 0, "scores are computed when sorting by date");
    }
  }

  @Test
  void equalScoresAreOrderedById() throws IOException {
    SearchResult all = search("*");
    assertEquals(5, all.total());
    assertInOrder(all, Comparator.comparing(Hit::id));
    SearchResult again = search("*");
    assertEquals(ids(all), ids(again));
  }

  @Test
  void relevanceRanksTitleMatchesHigher() throws IOException {
    // "judgement" is in 003's title (and nowhere else); "judge" stems differently
    SearchResult r = search("court");
    assertEquals(5, r.total());
    assertEquals(
        "002", seed(r.hits().get(0).id()), "the only article with court in its title ranks first");
  }

  private static void assertInOrder(SearchResult r, Comparator<Hit> order) {
    List<Hit> sorted = new ArrayList<>(r.hits());
    sorted.sort(order);
    assertEquals(sorted.stream().map(Hit::id).toList(), ids(r));
  }

  @Test
  void hitsCarryTheStoredFields() throws IOException {
    SearchResult r = search("\"mail sharing\"");
    Hit h = r.hits().get(0);
    assertEquals("001", seed(h.id()));
    assertEquals("Microsoft wins in mail sharing case", h.title());
    assertEquals("TechEye", h.source());
    assertEquals(Instant.parse("2017-01-24T00:00:00Z"), h.date());
    assertNull(h.url());
  }

  @Test
  void findReturnsTheArticleById() throws IOException {
    Article a = articles.get(2);
    assertEquals(a, searcher.find(a.id()).orElseThrow());
    assertTrue(searcher.find("no-such-id").isEmpty());
  }

  @Test
  void summaryCountsArticlesSourcesAndDates() throws IOException {
    IndexSummary s = searcher.summary();
    assertEquals(5, s.articles());
    assertEquals(5, s.sources());
    assertEquals(Instant.parse("2014-07-31T00:00:00Z"), s.firstDate());
    assertEquals(Instant.parse("2017-01-24T00:00:00Z"), s.lastDate());
    assertEquals(0, s.undated());
    assertTrue(s.sizeBytes() > 1000, "size on disk: " + s.sizeBytes());
  }

  @Test
  void pagingByOffsetAndByCursorAgree() throws IOException {
    SearchResult all = searcher.search(SearchRequest.of("microsoft").page(0, 5));
    assertEquals(5, all.hits().size());
    assertNull(all.nextCursor(), "one page holds everything");
    List<String> byCursor = new ArrayList<>();
    List<String> byOffset = new ArrayList<>();
    SearchRequest first = SearchRequest.of("microsoft").page(0, 2);
    String cursor = null;
    do {
      SearchResult page = searcher.search(first.after(cursor));
      assertEquals(5, page.total(), "the total is the whole search's on every page");
      byCursor.addAll(ids(page));
      cursor = page.nextCursor();
    } while (cursor != null);
    for (int offset = 0; offset < 5; offset += 2) {
      byOffset.addAll(ids(searcher.search(SearchRequest.of("microsoft").page(offset, 2))));
    }
    assertEquals(ids(all), byCursor);
    assertEquals(ids(all), byOffset);
  }

  @Test
  void cursorOfAnotherSearchIsRejected() throws IOException {
    String cursor = searcher.search(SearchRequest.of("microsoft").page(0, 2)).nextCursor();
    assertNotNull(cursor);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> searcher.search(SearchRequest.of("warrant").after(cursor)));
    assertTrue(e.getMessage().contains("cursor does not belong to this search"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            searcher.search(SearchRequest.of("microsoft").sortBy(SortOrder.NEWEST).after(cursor)));
    IllegalArgumentException damaged =
        assertThrows(
            IllegalArgumentException.class,
            () -> searcher.search(SearchRequest.of("microsoft").after(cursor.substring(3))));
    assertTrue(damaged.getMessage().startsWith("cursor is not valid"), damaged.getMessage());
  }

  @Test
  void withoutHighlightTheHitsAreTheSameAndNothingIsMarked() throws IOException {
    SearchRequest request = SearchRequest.of("microsoft \"search warrant\"").snippets(1, 160);
    SearchResult marked = searcher.search(request);
    SearchResult plain = searcher.search(request.withHighlight(false));
    assertEquals(5, marked.total());
    assertEquals(marked.total(), plain.total());
    assertEquals(ids(marked), ids(plain));
    for (int i = 0; i < marked.hits().size(); i++) {
      assertEquals(marked.hits().get(i).score(), plain.hits().get(i).score(), 0f);
    }
    // the marked search does mark (else the comparison below proves nothing)
    assertTrue(
        marked.hits().stream()
            .anyMatch(
                h ->
                    !h.titleHighlight().spans().isEmpty()
                        || h.snippets().stream().anyMatch(s -> !s.spans().isEmpty())));
    Map<String, Article> byId = new java.util.HashMap<>();
    articles.forEach(a -> byId.put(a.id(), a));
    for (Hit h : plain.hits()) {
      assertEquals(Snippet.plain(h.title()), h.titleHighlight(), h.id());
      assertEquals(1, h.snippets().size(), h.id());
      Snippet lede = h.snippets().get(0);
      assertTrue(lede.spans().isEmpty(), h.id());
      String body = byId.get(h.id()).body().strip().replaceAll("\\s+", " ");
      assertTrue(
          body.startsWith(lede.text().replaceAll(" …$", "")),
          h.id() + ": " + lede.text() + " is not the start of the body");
    }
  }

  @Test
  void unmappedSearcherFindsTheSameAsTheMappedOne() throws IOException {
    SearchRequest request =
        SearchRequest.of("\"search warrant\" OR microsoft")
            .snippets(1, 160)
            .facets(FacetRequest.of("source", "year"));
    try (NewsSearcher unmapped = NewsSearcher.openUnmapped(dir)) {
      SearchResult a = searcher.search(request);
      SearchResult b = unmapped.search(request);
      assertEquals(5, a.total());
      assertEquals(a.total(), b.total());
      assertEquals(a.hits(), b.hits());
      assertEquals(a.facets(), b.facets());
      assertEquals(a.nextCursor(), b.nextCursor());
    }
  }
}
