package org.dateline;

import static org.dateline.FacetTestIndex.asMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Source and year counts over the five sample articles, checked against their metadata.csv. */
class FacetEngineSampleCorpusTest {
  private static final Path CORPUS =
      Path.of("").toAbsolutePath().resolve("../corpus/articles").normalize();
  private static final String PHRASE = "stored communications act";

  private static FacetTestIndex index;
  private static List<Map<String, String>> metadata;

  @BeforeAll
  static void build() throws IOException {
    try (MappingIterator<Map<String, String>> rows =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(CORPUS.resolve("metadata.csv").toFile())) {
      metadata = rows.readAll();
    }
    assertEquals(5, metadata.size());
    index =
        FacetTestIndex.of(
            ArticleReaders.open(List.of(CORPUS), Format.TEXT, new ProblemLog(ReadMode.STRICT)));
  }

  @AfterAll
  static void close() throws IOException {
    if (index != null) {
      index.close();
    }
  }

  /** Articles per metadata source among the rows a predicate accepts. */
  private static Map<String, Long> sources(Predicate<Map<String, String>> which) {
    Map<String, Long> m = new TreeMap<>();
    for (Map<String, String> row : metadata) {
      if (which.test(row)) {
        m.merge(row.get("source"), 1L, Long::sum);
      }
    }
    return m;
  }

  /** Articles per metadata year, with every year from the first to the last, empty ones at 0. */
  private static Map<String, Long> years(Predicate<Map<String, String>> which) {
    Map<String, Long> m = new TreeMap<>();
    for (Map<String, String> row : metadata) {
      if (which.test(row)) {
        m.merge(row.get("date").substring(0, 4), 1L, Long::sum);
      }
    }
    int first = Integer.parseInt(Collections.min(m.keySet()));
    int last = Integer.parseInt(Collections.max(m.keySet()));
    for (int y = first; y <= last; y++) {
      m.putIfAbsent(Integer.toString(y), 0L);
    }
    return m;
  }

  private static List<String> analyze(String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (Analyzer analyzer = new NewsAnalyzer();
        TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    }
    return terms;
  }

  /** Whether the file's text, analyzed as the index does, holds the phrase's terms in a row. */
  private static boolean hasPhrase(Map<String, String> row) {
    try {
      String text = Files.readString(CORPUS.resolve(row.get("file")), StandardCharsets.UTF_8);
      return Collections.indexOfSubList(analyze(text), analyze(PHRASE)) >= 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The phrase in the title or the body, as the query parser will build it. */
  private static Query phrase() throws IOException {
    String[] terms = analyze(PHRASE).toArray(String[]::new);
    return new BooleanQuery.Builder()
        .add(new PhraseQuery(Fields.TITLE, terms), BooleanClause.Occur.SHOULD)
        .add(new PhraseQuery(Fields.BODY, terms), BooleanClause.Occur.SHOULD)
        .build();
  }

  @Test
  void sourceAndYearCountsOfAllArticlesEqualTheMetadata() throws IOException {
    Map<String, FacetResult> r = index.countAll(FacetRequest.of("source", "year"));
    assertEquals(sources(row -> true), new TreeMap<>(asMap(r.get("source"))));
    assertEquals(years(row -> true), asMap(r.get("year")));
    assertEquals(0, r.get("source").missing());
    assertEquals(0, r.get("year").missing());
  }

  @Test
  void sourceAndYearCountsOfAPhraseEqualTheMetadataOfTheFilesWithIt() throws IOException {
    Predicate<Map<String, String>> withPhrase = FacetEngineSampleCorpusTest::hasPhrase;
    assertFalse(sources(withPhrase).isEmpty(), "some sample article has the phrase");
    Map<String, FacetResult> r =
        index.count(phrase(), Map.of(), FacetRequest.of("source", "year"));
    assertEquals(sources(withPhrase), new TreeMap<>(asMap(r.get("source"))));
    assertEquals(years(withPhrase), asMap(r.get("year")));
    assertEquals(
        metadata.stream().filter(withPhrase).count(),
        index.hits(phrase(), Map.of()),
        "the facets count the articles the phrase finds");
  }
}
