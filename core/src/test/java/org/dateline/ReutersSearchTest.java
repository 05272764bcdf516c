package org.dateline;

import static org.dateline.SearchTestSupport.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search over Reuters-21578 (about 21,500 wire stories), checked against a plain scan of the same
 * analyzed text. The index is built once for the class.
 */
class ReutersSearchTest {
  @TempDir static Path dir;
  static Map<String, Article> articles;

  /** Analyzed title and body tokens by id, as {@link SearchTestSupport#analyze} gives them. */
  static Map<String, List<List<String>>> tokens;

  /** Each article's distinct tokens, so that the scan skips articles lacking a phrase's words. */
  static Map<String, Set<String>> vocabulary;

  static NewsSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    Path archive = SearchTestSupport.reutersArchive();
    long start = System.nanoTime();
    articles = new LinkedHashMap<>();
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    try (ArticleReader reader = ArticleReaders.open(List.of(archive), Format.AUTO, log)) {
      Optional<Article> next;
      while ((next = reader.next()).isPresent()) {
        articles.put(next.get().id(), next.get()); // last wins, as in the index
      }
    }
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.add(articles.values());
    }
    long indexed = System.nanoTime();
    tokens = new LinkedHashMap<>();
    vocabulary = new LinkedHashMap<>();
    for (Article a : articles.values()) {
      List<String> title = SearchTestSupport.analyze(a.title());
      List<String> body = SearchTestSupport.analyze(a.body());
      tokens.put(a.id(), List.of(title, body));
      Set<String> words = new HashSet<>(title);
      words.addAll(body);
      vocabulary.put(a.id(), words);
    }
    searcher = NewsSearcher.open(dir);
    System.out.printf(
        Locale.ROOT,
        "setup: %d articles read and indexed in %d ms, analyzed for the scan in %d ms%n",
        articles.size(),
        (indexed - start) / 1_000_000,
        (System.nanoTime() - indexed) / 1_000_000);
    assertTrue(
        articles.size() > 19_000, "Reuters-21578 has some 21,500 stories: " + articles.size());
  }

  @AfterAll
  static void close() throws IOException {
    if (searcher != null) {
      searcher.close();
    }
  }

  /** Every hit of a search, paged with the cursor, in order. */
  private static List<String> allHits(SearchRequest request) throws IOException {
    List<String> out = new ArrayList<>();
    String cursor = null;
    do {
      SearchResult page = searcher.search(request.after(cursor));
      out.addAll(ids(page));
      cursor = page.nextCursor();
    } while (cursor != null);
    return out;
  }

  private static Set<String> scan(List<String> phrase) {
    Set<String> ids = new TreeSet<>();
    tokens.forEach(
        (id, fields) -> {
          if (!vocabulary.get(id).containsAll(phrase)) {
            return;
          }
          for (List<String> field : fields) {
            if (SearchTestSupport.containsPhrase(field, phrase)) {
              ids.add(id);
              return;
            }
          }
        });
    return ids;
  }

  /**
   * A phrase of 2 to 4 consecutive words of a random body, as written: each token's surface text,
   * joined by spaces.
   */
  private static Optional<String> drawPhrase(Random random, List<Article> pool) {
    Article a = pool.get(random.nextInt(pool.size()));
    List<int[]> offsets = new ArrayList<>();
    Analyzer analyzer = new NewsAnalyzer();
    try (TokenStream ts = analyzer.tokenStream(Fields.BODY, new StringReader(a.body()))) {
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        offsets.add(new int[] {off.startOffset(), off.endOffset()});
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int length = 2 + random.nextInt(3);
    if (offsets.size() < length) {
      return Optional.empty();
    }
    int start = random.nextInt(offsets.size() - length + 1);
    StringBuilder phrase = new StringBuilder();
    for (int i = start; i < start + length; i++) {
      String word = a.body().substring(offsets.get(i)[0], offsets.get(i)[1]);
      phrase.append(i > start ? " " : "").append(word);
    }
    return Optional.of(phrase.toString());
  }

  @Test
  void randomPhrasesFindExactlyWhatAPlainScanFinds() throws IOException {
    long seed = Long.getLong("dateline.seed", 21578L);
    Random random = new Random(seed);
    List<Article> pool = new ArrayList<>();
    for (Article a : articles.values()) {
      if (!a.body().isBlank()) {
        pool.add(a);
      }
    }
    long start = System.nanoTime();
    long hitsChecked = 0;
    int phrases = 0;
    while (phrases < 200) {
      Optional<String> drawn = drawPhrase(random, pool);
      if (drawn.isEmpty()) {
        continue;
      }
      phrases++;
      String phrase = drawn.get();
      // inside quotes only \ and " need escaping
      String query = "\"" + phrase.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      // the scan uses the phrase's own analysis, which is what the query runs
      Set<String> expected = scan(SearchTestSupport.analyze(phrase));
      SearchRequest request =
          SearchRequest.of(query).page(0, SearchRequest.MAX_LIMIT).snippets(0, 20);
      List<String> found = allHits(request);
      String context =
          "seed " + seed + " (-Ddateline.seed=" + seed + "), phrase " + phrases + ": " + query;
      assertEquals(found.size(), new HashSet<>(found).size(), "no hit twice; " + context);
      assertEquals(expected, new TreeSet<>(found), context);
      assertEquals(
          expected.size(), searcher.search(SearchRequest.of(query).page(0, 1)).total(), context);
      assertTrue(
          !expected.isEmpty(),
          "the phrase comes from a body, so it matches at least there; " + context);
      hitsChecked += found.size();
    }
    System.out.printf(
        Locale.ROOT,
        "randomPhrases: seed %d, 200 phrases, %d hits checked, %d ms%n",
        seed,
        hitsChecked,
        (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void cursorPagesReturnEveryHitOnceInTheOrderOfOneBigPage() throws IOException {
    for (SortOrder order : SortOrder.values()) {
      SearchRequest request = SearchRequest.of("oil prices").sortBy(order).snippets(0, 20);
      SearchResult big = searcher.search(request.page(0, SearchRequest.MAX_LIMIT));
      assertTrue(
          big.total() > 200 && big.total() < 2000,
          "a query with a few hundred hits: " + big.total());
      assertEquals(big.total(), big.hits().size());
      assertNull(big.nextCursor());

      List<String> byCursor = new ArrayList<>();
      List<Long> pageNanos = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        long t0 = System.nanoTime();
        SearchResult page = searcher.search(request.page(0, 10).after(cursor));
        pageNanos.add(System.nanoTime() - t0);
        assertEquals(big.total(), page.total(), "every page has the exact total");
        assertTrue(
            page.hits().size() == 10 || page.nextCursor() == null, "only the last page is short");
        byCursor.addAll(ids(page));
        cursor = page.nextCursor();
        pages++;
      } while (cursor != null);
      assertEquals(ids(big), byCursor, order + ": same hits, same order, each once");
      assertEquals((big.total() + 9) / 10, pages);

      List<String> byOffset = new ArrayList<>();
      for (int offset = 0; offset < big.total(); offset += 10) {
        byOffset.addAll(ids(searcher.search(request.page(offset, 10))));
      }
      assertEquals(ids(big), byOffset, order + ": offsets agree");
      System.out.printf(
          Locale.ROOT,
          "paging %s: %d hits, %d pages, first 10 pages %.2f ms/page, last 10 pages %.2f ms/page%n",
          order,
          big.total(),
          pages,
          average(pageNanos.subList(0, 10)),
          average(pageNanos.subList(pageNanos.size() - 10, pageNanos.size())));
    }
  }

  private static double average(List<Long> nanos) {
    return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
  }

  @Test
  void newestFirstOverTheWholeCorpusIsInDateOrder() throws IOException {
    List<String> order =
        allHits(SearchRequest.of("").sortBy(SortOrder.NEWEST).page(0, 5000).snippets(0, 20));
    assertEquals(articles.size(), order.size());
    Article previous = null;
    for (String id : order) {
      Article a = articles.get(id);
      if (previous != null && previous.date() != null) {
        assertTrue(
            a.date() == null || !a.date().isAfter(previous.date()),
            previous.id() + " before " + id);
        if (a.date() != null && a.date().equals(previous.date())) {
          assertTrue(previous.id().compareTo(id) < 0, "ties by id: " + previous.id() + ", " + id);
        }
      } else if (previous != null) {
        assertNull(a.date(), "undated articles come last");
      }
      previous = a;
    }
  }

  @Test
  void extraKeywordFieldsFilterAndQueryAlike() throws IOException {
    long expected =
        articles.values().stream()
            .filter(
                a ->
                    a.fields().getOrDefault("topics", List.of()).stream()
                        .anyMatch(t -> t.equalsIgnoreCase("crude")))
            .count();
    assertTrue(expected > 100, "Reuters has hundreds of crude stories: " + expected);
    assertEquals(expected, searcher.search(SearchRequest.of("topics:crude")).total());
    assertEquals(
        expected, searcher.search(SearchRequest.of("").withField("topics", "CRUDE")).total());
    SearchResult both = searcher.search(SearchRequest.of("opec").withField("topics", "crude"));
    for (Hit h : both.hits()) {
      assertTrue(h.fields().get("topics").stream().anyMatch(t -> t.equalsIgnoreCase("crude")));
    }
  }

  @Test
  void summaryDescribesTheCorpus() throws IOException {
    IndexSummary s = searcher.summary();
    assertEquals(articles.size(), s.articles());
    long undated = articles.values().stream().filter(a -> a.date() == null).count();
    assertEquals(undated, s.undated());
    Instant first =
        articles.values().stream()
            .map(Article::date)
            .filter(d -> d != null)
            .min(Instant::compareTo)
            .orElseThrow();
    Instant last =
        articles.values().stream()
            .map(Article::date)
            .filter(d -> d != null)
            .max(Instant::compareTo)
            .orElseThrow();
    assertEquals(first, s.firstDate());
    assertEquals(last, s.lastDate());
    assertTrue(s.extraFields().contains("topics"), "extra fields: " + s.extraFields());
    long sources =
        articles.values().stream()
            .map(Article::source)
            .filter(x -> !x.isEmpty())
            .distinct()
            .count();
    assertEquals(sources, s.sources());
  }

  /**
   * Reuters' body field has 55,899 distinct words; the widest one-letter prefix ({@code 1*})
   * matches 7,315 of them, under the default limit of 10,000, so the real limit is shown with a
   * regular expression and a range, and wildcard and fuzzy terms with a limit of 1,000.
   */
  @Test
  void tooWideTermsAreRefusedBeforeTheyRun() throws IOException {
    assertInvalid(
        searcher,
        "oil AND /[a-z].*/",
        8,
        "\"/[a-z].*/\" at position 8 matches more than 10,000 words");
    assertInvalid(
        searcher, "body:[a TO z]", 5, "\"[a TO z]\" at position 5 matches more than 10,000 words");
    assertTrue(searcher.search(SearchRequest.of("1*")).total() > 5000, "7,315 words are fine");
    try (Directory d = FSDirectory.open(dir);
        NewsSearcher narrow = NewsSearcher.open(d, 1_000)) {
      assertInvalid(narrow, "crude s*", 6, "\"s*\" at position 6 matches more than 1,000 words");
      assertInvalid(narrow, "ab~2", 0, "\"ab~\" at position 0 matches more than 1,000 words");
      assertTrue(narrow.search(SearchRequest.of("opec*")).total() > 0);
    }
  }

  private static void assertInvalid(NewsSearcher s, String query, int position, String message) {
    long t0 = System.nanoTime();
    InvalidQueryException e =
        assertThrows(InvalidQueryException.class, () -> s.search(SearchRequest.of(query)));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(position, e.position(), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertTrue(ms < 5_000, "refused quickly: " + ms + " ms");
  }
}
