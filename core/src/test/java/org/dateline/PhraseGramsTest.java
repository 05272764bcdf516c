package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.Query;
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
 * Frequent-word pairs ({@link PhraseGrams}) change how fast exact phrases run, never what they
 * find: Reuters-21578 indexed with pairs answers every phrase with the same hits, scores, order and
 * total as the same articles indexed without them, as indexes written before pairs existed are.
 */
class PhraseGramsTest {
  @TempDir static Path dir;
  static Map<String, Article> articles;
  static NewsSearcher withPairs;
  static NewsSearcher withoutPairs;

  @BeforeAll
  static void index() throws IOException {
    Path archive = SearchTestSupport.reutersArchive();
    articles = new LinkedHashMap<>();
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    try (ArticleReader reader = ArticleReaders.open(List.of(archive), Format.AUTO, log)) {
      Optional<Article> next;
      while ((next = reader.next()).isPresent()) {
        articles.put(next.get().id(), next.get()); // last wins, as in the index
      }
    }
    try (NewsIndex index = NewsIndex.open(dir.resolve("pairs"))) {
      index.add(articles.values());
    }
    writeAsBeforePairs(dir.resolve("plain"), articles.values());
    withPairs = NewsSearcher.open(dir.resolve("pairs"));
    withoutPairs = NewsSearcher.open(dir.resolve("plain"));
  }

  @AfterAll
  static void close() throws IOException {
    if (withPairs != null) {
      withPairs.close();
    }
    if (withoutPairs != null) {
      withoutPairs.close();
    }
  }

  /**
   * An index as Dateline wrote it before pairs: the same documents, with offsets in the postings,
   * no pair fields, no key.
   */
  static void writeAsBeforePairs(Path path, Collection<Article> list) throws IOException {
    IndexWriterConfig iwc = new IndexWriterConfig(NewsIndex.analyzer(TextAnalysis.NEWS));
    try (Directory d = FSDirectory.open(path);
        IndexWriter w = new IndexWriter(d, iwc)) {
      for (Article a : list) {
        w.addDocument(
            ArticleDocuments.toDocument(
                a, org.dateline.copies.CopyPolicy.OFF, null, ArticleDocuments.TEXT_WITH_OFFSETS));
      }
      w.setLiveCommitData(Map.of(TextAnalysis.COMMIT_KEY, TextAnalysis.NEWS.name()).entrySet());
      w.commit();
    }
  }

  private static Map<String, String> commitData(Path path) throws IOException {
    try (Directory d = FSDirectory.open(path);
        DirectoryReader r = DirectoryReader.open(d)) {
      return r.getIndexCommit().getUserData();
    }
  }

  @Test
  void aNewIndexRecordsItsPairsAndAnOldOneHasNone() throws IOException {
    assertEquals(PhraseGrams.VERSION, commitData(dir.resolve("pairs")).get(PhraseGrams.COMMIT_KEY));
    assertNull(commitData(dir.resolve("plain")).get(PhraseGrams.COMMIT_KEY));
    assertNull(PhraseGrams.ofCommit(commitData(dir.resolve("plain"))));
    assertNull(
        PhraseGrams.ofCommit(Map.of(PhraseGrams.COMMIT_KEY, "a version from the future")),
        "an unknown list is not used: plain phrases are still right");
  }

  /** The same search on both indexes: total, and the first 1,000 hits with their scores. */
  private static void assertSameResults(String query, String context) throws IOException {
    SearchRequest request = SearchRequest.of(query).page(0, 1000).snippets(0, 20);
    SearchResult expected = withoutPairs.search(request);
    SearchResult actual = withPairs.search(request);
    assertEquals(expected.total(), actual.total(), "total; " + context);
    assertEquals(ids(expected), ids(actual), "hits in order; " + context);
    for (int i = 0; i < expected.hits().size(); i++) {
      assertEquals(
          expected.hits().get(i).score(),
          actual.hits().get(i).score(),
          "score of hit " + i + "; " + context);
    }
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  @Test
  void everyPhraseFindsTheSameHitsScoresAndTotalsAsWithoutPairs() throws IOException {
    long seed = Long.getLong("dateline.seed", 4242L);
    Random random = new Random(seed);
    List<String> queries = new ArrayList<>();
    // the benchmark's frequent phrases, and frequent words at a phrase's edges
    for (String p :
        List.of(
            "of the", "said it", "mln dlrs in", "he said", "the company said", "said it will",
            "pct of the", "billion dlrs in", "cts vs", "mln vs", "it said the", "said in a",
            "the", "of", "said", "the bank of", "of the bank", "in the year", "the u.s.",
            "company's shares", "of the the", "a a")) {
      queries.add("\"" + p + "\"");
    }
    queries.add("the");
    queries.add("of the"); // not a phrase: both words anywhere
    queries.add("\"of the\"~1");
    queries.add("\"said it\"~3");
    queries.add("title:\"of the\"");
    queries.add("body:\"mln dlrs\" AND oil");
    queries.add("\"of the\" -\"in the\"");
    queries.add("\"of the\" OR \"said it\"");
    List<Article> pool = new ArrayList<>();
    for (Article a : articles.values()) {
      if (!a.body().isBlank()) {
        pool.add(a);
      }
    }
    while (queries.size() < 300) {
      drawPhrase(random, pool)
          .ifPresent(
              p -> {
                int kind = random.nextInt(10);
                String quoted = "\"" + p.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                queries.add(kind < 7 ? quoted : kind < 9 ? quoted + "~" + (1 + kind - 7) : "title:" + quoted);
              });
    }
    int rewritten = 0;
    PhraseGrams grams = PhraseGrams.ofCommit(Map.of(PhraseGrams.COMMIT_KEY, PhraseGrams.VERSION));
    Analyzer analyzer = NewsQueryParser.analyzer(TextAnalysis.NEWS);
    for (int i = 0; i < queries.size(); i++) {
      String q = queries.get(i);
      Query parsed = NewsQueryParser.parse(q, analyzer, java.util.Set.of()).query();
      if (grams.rewrite(parsed) != parsed) {
        rewritten++;
      }
      assertSameResults(q, "seed " + seed + " (-Ddateline.seed=" + seed + "), query " + i + ": " + q);
    }
    assertTrue(
        rewritten > 100,
        "most drawn phrases start on a frequent word, so most run through pairs: " + rewritten);
    System.out.printf(
        Locale.ROOT, "pairs: seed %d, %d queries, %d through pairs%n", seed, queries.size(),
        rewritten);
  }

  /**
   * A phrase of 2 to 4 consecutive words of a random body, as written; seven times in ten it starts
   * on a frequent word, so that pairs are what is tested.
   */
  private static Optional<String> drawPhrase(Random random, List<Article> pool) {
    Article a = pool.get(random.nextInt(pool.size()));
    List<int[]> offsets = new ArrayList<>();
    List<Boolean> frequent = new ArrayList<>();
    PhraseGrams grams = PhraseGrams.ofCommit(Map.of(PhraseGrams.COMMIT_KEY, PhraseGrams.VERSION));
    try (Analyzer analyzer = new NewsAnalyzer();
        TokenStream ts = analyzer.tokenStream(Fields.BODY, new StringReader(a.body()))) {
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        offsets.add(new int[] {off.startOffset(), off.endOffset()});
        frequent.add(grams.isFrequent(term.toString()));
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
    if (random.nextInt(10) < 7) {
      for (int tries = 0; tries < 50 && !frequent.get(start); tries++) {
        start = random.nextInt(offsets.size() - length + 1);
      }
    }
    StringBuilder phrase = new StringBuilder();
    for (int i = start; i < start + length; i++) {
      phrase.append(i > start ? " " : "").append(a.body(), offsets.get(i)[0], offsets.get(i)[1]);
    }
    return Optional.of(phrase.toString());
  }

  /**
   * The new index (no offsets in its postings: the highlighter analyzes the hits again) and the
   * old one (offsets in the postings, read from there) mark the same phrase as one span.
   */
  @Test
  void aPhraseOfFrequentWordsIsHighlightedAsOneSpan() throws IOException {
    assertPhraseHighlightedWhole(withPairs);
    assertPhraseHighlightedWhole(withoutPairs);
  }

  private static void assertPhraseHighlightedWhole(NewsSearcher searcher) throws IOException {
    long fallbacks = searcher.highlightFallbacks();
    SearchResult r = searcher.search(SearchRequest.of("\"mln dlrs in\"").snippets(1, 160));
    assertFalse(r.hits().isEmpty());
    for (Hit h : r.hits()) {
      boolean whole = false;
      for (Snippet s : h.snippets()) {
        for (Span span : s.spans()) {
          String marked = s.text().substring(span.start(), span.end());
          assertEquals("mln dlrs in", marked.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
          whole = true;
        }
      }
      assertTrue(whole, "a snippet of " + h.id() + " shows the phrase: " + h.snippets());
    }
    assertEquals(fallbacks, searcher.highlightFallbacks());
  }

  /**
   * A new index keeps positions but no offsets; an index that has offsets (as every index made
   * before they were dropped) keeps them when articles are added, since Lucene refuses to change
   * a field's index options.
   */
  @Test
  void aNewIndexHasNoOffsetsAndAnOldOneKeepsThem(@TempDir Path tmp) throws IOException {
    assertEquals(
        IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, indexOptions(dir.resolve("pairs"), Fields.BODY));
    assertEquals(
        IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, indexOptions(dir.resolve("pairs"), Fields.TITLE));
    Path old = tmp.resolve("old");
    writeAsBeforePairs(old, List.of(article("one", "shares of the company rose")));
    try (NewsIndex index = NewsIndex.open(old)) {
      index.add(List.of(article("two", "the company said it would sell shares of the unit")));
    }
    assertEquals(
        IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS, indexOptions(old, Fields.BODY));
    try (NewsSearcher s = NewsSearcher.open(old)) {
      SearchResult r = s.search(SearchRequest.of("\"shares of the\"").snippets(1, 160));
      assertEquals(List.of("one", "two"), ids(r).stream().sorted().toList());
      for (Hit h : r.hits()) {
        Snippet snippet = h.snippets().get(0);
        Span span = snippet.spans().get(0);
        assertEquals("shares of the", snippet.text().substring(span.start(), span.end()));
      }
      assertEquals(0, s.highlightFallbacks());
    }
  }

  private static IndexOptions indexOptions(Path index, String field) throws IOException {
    try (Directory d = FSDirectory.open(index);
        DirectoryReader r = DirectoryReader.open(d)) {
      return org.apache.lucene.index.FieldInfos.getMergedFieldInfos(r)
          .fieldInfo(field)
          .getIndexOptions();
    }
  }

  @Test
  void aDroppedOverlongWordBetweenTwoFrequentWordsMakesNoPair(@TempDir Path tmp)
      throws IOException {
    String blob = "x".repeat(Fields.MAX_TOKEN_CHARS + 10);
    List<Article> fixture =
        List.of(
            article("gap", "the bank of " + blob + " the river said it"),
            article("adjacent", "the bank of the river said it"));
    try (NewsIndex index = NewsIndex.open(tmp.resolve("pairs"))) {
      index.add(fixture);
    }
    writeAsBeforePairs(tmp.resolve("plain"), fixture);
    try (NewsSearcher pairs = NewsSearcher.open(tmp.resolve("pairs"));
        NewsSearcher plain = NewsSearcher.open(tmp.resolve("plain"))) {
      for (String q : List.of("\"of the\"", "\"bank of the river\"", "\"the river said it\"")) {
        SearchResult p = pairs.search(SearchRequest.of(q));
        assertEquals(ids(plain.search(SearchRequest.of(q))), ids(p), q);
      }
      assertEquals(List.of("adjacent"), ids(pairs.search(SearchRequest.of("\"of the\""))));
      assertEquals(2, pairs.search(SearchRequest.of("\"said it\"")).total());
    }
  }

  @Test
  void anOldIndexGetsNoPairsWhenArticlesAreAddedToIt(@TempDir Path tmp) throws IOException {
    Path old = tmp.resolve("old");
    writeAsBeforePairs(old, List.of(article("one", "shares of the company rose")));
    try (NewsIndex index = NewsIndex.open(old)) {
      index.add(List.of(article("two", "the company said it would sell shares of the unit")));
    }
    assertNull(commitData(old).get(PhraseGrams.COMMIT_KEY));
    try (Directory d = FSDirectory.open(old);
        DirectoryReader r = DirectoryReader.open(d)) {
      assertNull(
          org.apache.lucene.index.FieldInfos.getMergedFieldInfos(r).fieldInfo(PhraseGrams.BODY));
    }
    try (NewsSearcher s = NewsSearcher.open(old)) {
      assertEquals(
          List.of("one", "two"),
          ids(s.search(SearchRequest.of("\"of the\"").sortBy(SortOrder.OLDEST))));
    }
  }

  @Test
  void onlyExactPhrasesOfTextFieldsAreRewritten() {
    PhraseGrams grams = PhraseGrams.ofCommit(Map.of(PhraseGrams.COMMIT_KEY, PhraseGrams.VERSION));
    Analyzer analyzer = NewsQueryParser.analyzer(TextAnalysis.NEWS);
    for (String q : List.of("\"of the\"~2", "of the", "\"oil prices\"", "source:\"of the\"")) {
      Query parsed = NewsQueryParser.parse(q, analyzer, java.util.Set.of()).query();
      assertSame(parsed, grams.rewrite(parsed), q);
    }
    Query parsed = NewsQueryParser.parse("body:\"of the\"", analyzer, java.util.Set.of()).query();
    Query rewritten = grams.rewrite(parsed);
    assertNotSame(parsed, rewritten);
    assertInstanceOf(GramPhraseQuery.class, rewritten);
    assertEquals(parsed, ((GramPhraseQuery) rewritten).phrase());
  }

  private static Article article(String id, String body) {
    return new Article(
        id, "Title " + id, false, body, Instant.parse("2017-01-0" + (id.length() % 9 + 1) + "T00:00:00Z"),
        "Wire", null, Map.of());
  }
}
