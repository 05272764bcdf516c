package org.dateline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorsTest {
  private static final List<String> SENTENCES =
      List.of(
          "Oil prices rose sharply on Monday as traders weighed the OPEC output quotas.",
          "The central bank said it would keep interest rates unchanged for the year.",
          "Shares of the company fell after it reported lower quarterly earnings.",
          "Analysts said the merger would create the largest steel maker in the country.",
          "Wheat exports to the Soviet Union rose in the first half of the year.",
          "The finance minister said the budget deficit would narrow next year.");

  private static String corpus(long seed, int n) throws IOException {
    StringWriter w = new StringWriter();
    new SyntheticCorpus(SENTENCES, new int[] {1, 2, 3, 4}).write(w, n, seed);
    return w.toString();
  }

  @Test
  void sameSeedGivesTheSameCorpusAndAnotherSeedAnother() throws IOException {
    assertEquals(corpus(42, 200), corpus(42, 200));
    assertNotEquals(corpus(42, 200), corpus(43, 200));
  }

  @Test
  void articlesHaveDistinctIdsTitlesDatesInTheTenYearsAndKnownSources() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    Set<String> sources = new HashSet<>(SyntheticCorpus.sourceNames());
    int fromTopSource = 0;
    String[] lines = corpus(7, 2000).split("\n");
    assertEquals(2000, lines.length);
    for (String line : lines) {
      JsonNode o = json.readTree(line);
      assertTrue(ids.add(o.get("id").asText()), "duplicate id " + o.get("id"));
      assertTrue(!o.get("title").asText().isBlank());
      assertTrue(SENTENCES.stream().anyMatch(s -> o.get("body").asText().contains(s)));
      LocalDate day = LocalDate.parse(o.get("date").asText().substring(0, 10));
      assertTrue(!day.isBefore(SyntheticCorpus.FIRST_DAY) && !day.isAfter(SyntheticCorpus.LAST_DAY));
      assertTrue(sources.contains(o.get("source").asText()));
      if (o.get("source").asText().equals(SyntheticCorpus.sourceNames().get(0))) {
        fromTopSource++;
      }
    }
    assertEquals(500, sources.size());
    // Zipf s=1.1 over 500 names gives the first about 17% of the articles, not 1/500
    assertTrue(fromTopSource > 250 && fromTopSource < 450, "top source: " + fromTopSource);
  }

  @Test
  void sentencesDropTheSignOffAndKeepRealSentences() {
    assertEquals(
        List.of("Oil prices rose sharply on Monday.", "Traders said OPEC would meet in June."),
        Sentences.split("Oil prices rose  sharply\non Monday. Traders said OPEC would meet in June.\n Reuter"));
  }

  @Test
  void queryListIsDeterministicWithTheAdvertisedClasses(@TempDir Path dir) throws IOException {
    QueryGenerator g = new QueryGenerator(SENTENCES);
    List<String> sources = List.of("Ashford Herald", "York Wire");
    LocalDate first = LocalDate.of(2010, 1, 1);
    LocalDate last = LocalDate.of(2019, 12, 31);
    List<BenchQuery> a = g.generate(42, first, last, sources);
    assertEquals(a, g.generate(42, first, last, sources));
    assertNotEquals(a, g.generate(43, first, last, sources));
    assertEquals(1000, a.stream().filter(q -> q.kind() != BenchQuery.Kind.FREQUENT_PHRASE).count());
    assertEquals(200, a.stream().filter(q -> q.kind() == BenchQuery.Kind.WORD).count());
    for (BenchQuery q : a) {
      if (q.kind() == BenchQuery.Kind.DATE) {
        assertEquals(365, q.to().toEpochDay() - q.from().toEpochDay() + 1, q.toString());
        assertTrue(!q.from().isBefore(first) && !q.to().isAfter(last), q.toString());
      }
      if (q.kind() == BenchQuery.Kind.SOURCE) {
        assertTrue(sources.contains(q.source()));
      }
      if (q.kind() == BenchQuery.Kind.PHRASE) {
        String phrase = String.join(" ", q.words());
        assertTrue(
            SENTENCES.stream().anyMatch(s -> s.toLowerCase(java.util.Locale.ROOT).contains(phrase)),
            phrase);
      }
    }
    Path file = dir.resolve("q.jsonl");
    BenchQuery.write(a, file);
    assertEquals(a, BenchQuery.read(file));
  }

  @Test
  void queriesTranslateToClassicSyntax() {
    BenchQuery phrase =
        new BenchQuery("q1", BenchQuery.Kind.PHRASE, List.of("oil", "prices"), 0, null, null, null);
    BenchQuery sloppy =
        new BenchQuery("q2", BenchQuery.Kind.SLOPPY, List.of("oil", "quotas"), 3, null, null, null);
    BenchQuery and =
        new BenchQuery("q3", BenchQuery.Kind.AND, List.of("wheat", "soviet"), 0, null, null, null);
    assertEquals("\"oil prices\"", phrase.classicText());
    assertEquals("\"oil quotas\"~3", sloppy.classicText());
    assertEquals("wheat soviet", and.classicText());
  }

  @Test
  void datelineRequestCarriesFiltersSnippetsAndFacets() {
    BenchQuery q =
        new BenchQuery(
            "q1",
            BenchQuery.Kind.DATE,
            List.of("oil"),
            0,
            LocalDate.of(2012, 3, 1),
            LocalDate.of(2013, 2, 28),
            null);
    var bare = DatelineBench.request(q, Mode.BARE);
    assertEquals(0, bare.snippets());
    assertTrue(bare.facets().isEmpty());
    assertEquals(LocalDate.of(2012, 3, 1), bare.dates().from());
    assertEquals(LocalDate.of(2013, 2, 28), bare.dates().to());
    var full = DatelineBench.request(q, Mode.FACETS);
    assertEquals(1, full.snippets());
    assertEquals(List.of("source", "month"), full.facets().dimensions());
    BenchQuery s =
        new BenchQuery("q2", BenchQuery.Kind.SOURCE, List.of("oil"), 0, null, null, "York Wire");
    assertEquals(Set.of("York Wire"), DatelineBench.request(s, Mode.SNIPPETS).sources());
    var collapse = DatelineBench.request(q, Mode.COLLAPSE);
    assertTrue(collapse.collapse());
    assertEquals(0, collapse.snippets());
    assertTrue(!bare.collapse() && !full.collapse());
  }

  @Test
  void luceneQueryRequiresEveryWordAndFilters() {
    BenchQuery q =
        new BenchQuery(
            "q1", BenchQuery.Kind.SOURCE, List.of("oil"), 0, null, null, "York Wire");
    String lucene =
        LuceneBench.query(q, new org.apache.lucene.analysis.standard.StandardAnalyzer()).toString();
    assertEquals("+(title:oil body:oil) #source:York Wire", lucene);
    BenchQuery and =
        new BenchQuery("q3", BenchQuery.Kind.AND, List.of("wheat", "soviet"), 0, null, null, null);
    assertEquals(
        "+(title:wheat body:wheat) +(title:soviet body:soviet)",
        LuceneBench.query(and, new org.apache.lucene.analysis.standard.StandardAnalyzer()).toString());
  }
}
