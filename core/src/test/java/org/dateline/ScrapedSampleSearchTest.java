package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.dateline.ingest.ReadOptions;
import org.dateline.ingest.TextArticleReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample corpus as a user searches it ({@link SampleCorpus}, the CLI's cache), beside the same
 * five files read whole: the page debris finds nothing, and the stories find what they found.
 */
class ScrapedSampleSearchTest {
  @TempDir static Path cache;
  @TempDir static Path wholeDir;
  static NewsSearcher trimmed;
  static NewsSearcher whole;

  @BeforeAll
  static void index() throws IOException {
    trimmed = NewsSearcher.open(SampleCorpus.ensureIndexed(cache));
    List<Article> articles = new ArrayList<>();
    ReadOptions keep = ReadOptions.DEFAULT.withKeepBoilerplate(true);
    try (Stream<Path> files = Files.list(SearchTestSupport.corpusDir())) {
      for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        try (ArticleReader r = new TextArticleReader(file, new ProblemLog(ReadMode.STRICT), keep)) {
          Optional<Article> a;
          while ((a = r.next()).isPresent()) {
            articles.add(a.get());
          }
        }
      }
    }
    assertEquals(5, articles.size());
    try (NewsIndex index = NewsIndex.open(wholeDir)) {
      index.add(articles);
    }
    whole = NewsSearcher.open(wholeDir);
  }

  @AfterAll
  static void close() throws IOException {
    trimmed.close();
    whole.close();
  }

  private static long total(NewsSearcher s, String query) throws IOException {
    return s.search(SearchRequest.of(query)).total();
  }

  @Test
  void pageDebrisFindsNothing() throws IOException {
    for (String q :
        List.of(
            "SanDisk",
            "\"Deal Alert\"",
            "\"Surface Studio\"",
            "\"You Might Like\"",
            "\"affiliate links\"",
            "Kingston",
            "BrandPosts")) {
      assertTrue(total(whole, q) > 0, q + " is in the files as written");
      assertEquals(0, total(trimmed, q), q);
    }
  }

  @Test
  void storyPhrasesFindWhatTheyFoundInTheWholeText() throws IOException {
    for (String q :
        List.of(
            "\"stored communications act\"",
            "Preska",
            "Snowden",
            "Cabranes",
            "\"immediately available for comment\"",
            "\"search warrant\"",
            "Carney",
            "warrant*",
            "Microsoft",
            "\"Magistrate Judge James Francis\"",
            "\"Brad Smith\"",
            "Ireland")) {
      long expected = total(whole, q);
      assertTrue(expected > 0, q);
      assertEquals(expected, total(trimmed, q), q);
    }
    assertEquals(3, total(trimmed, "\"stored communications act\""));
    assertEquals(1, total(trimmed, "\"immediately available for comment\""));
  }
}
