package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.dateline.solr.SolrConfigset;
import org.junit.jupiter.api.Test;

/**
 * The configset cannot drift from Dateline's own definitions: its analysis chain, built from the
 * very list the schema is written from, analyzes text exactly as {@link NewsAnalyzer} does, and the
 * readable files in the repository are what {@link SolrConfigset} makes.
 */
class SolrConfigsetTest {
  /** The configset files kept in the repository, readable. */
  static Path committed() {
    return Path.of("src/main/resources/org/dateline/solr/configset").toAbsolutePath();
  }

  @Test
  void committedFilesAreWhatTheGeneratorMakes() throws IOException {
    for (Map.Entry<String, String> f : SolrConfigset.files().entrySet()) {
      Path file = committed().resolve(f.getKey());
      if (Boolean.getBoolean("dateline.configset.write")) {
        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
      }
      assertTrue(
          Files.exists(file),
          file + " is missing; run this test with -Ddateline.configset.write=true to write it");
      assertEquals(
          f.getValue(),
          Files.readString(file, StandardCharsets.UTF_8),
          file
              + " differs from what SolrConfigset makes; change the class, then run this test with"
              + " -Ddateline.configset.write=true");
    }
  }

  @Test
  void schemaChainAnalyzesLikeNewsAnalyzer() throws IOException {
    Analyzer solrChain = fromChain(SolrConfigset.newsChain());
    Analyzer news = new NewsAnalyzer();
    String[] texts = {
      "Microsoft's emails, stored in Dublin's data centre, were at the CAFÉ of the Court of Appeals.",
      "Warrants WARRANTS warranted; U.S. e-mail 1987-03-01 26-FEB-1987 15:01:01.79 $1.5 billion",
      "naïve résumé Ærøskøbing straße ﬁnance 東京 مرحبا",
      "x".repeat(300) + " after a long token, positions keep a gap",
    };
    for (String text : texts) {
      assertEquals(tokens(news, text), tokens(solrChain, text), text);
    }
    List<String> reuters = ReutersSample.bodies(200);
    for (String text : reuters) {
      assertEquals(tokens(news, text), tokens(solrChain, text));
    }
  }

  @Test
  void schemaRanksWithDatelinesBm25AndExactStatistics() {
    String schema = SolrConfigset.files().get("managed-schema.xml");
    assertTrue(schema.contains("<float name=\"k1\">" + Bm25.DEFAULT.k1() + "</float>"), schema);
    assertTrue(schema.contains("<float name=\"b\">" + Bm25.DEFAULT.b() + "</float>"), schema);
    assertTrue(schema.contains("storeOffsetsWithPositions=\"true\""), schema);
    for (String field : List.of(Fields.ID, Fields.TITLE, Fields.BODY, Fields.DATE, Fields.URL)) {
      assertTrue(schema.contains("<field name=\"" + field + "\""), field);
    }
    String config = SolrConfigset.files().get("solrconfig.xml");
    assertTrue(config.contains("org.apache.solr.search.stats.ExactStatsCache"), config);
  }

  /** Builds the chain with Lucene's factories, found by the Solr class names' simple names. */
  static Analyzer fromChain(List<SolrConfigset.Component> chain) throws IOException {
    CustomAnalyzer.Builder b = CustomAnalyzer.builder();
    for (int i = 0; i < chain.size(); i++) {
      SolrConfigset.Component c = chain.get(i);
      String simple = c.solrClass().substring("solr.".length());
      if (i == 0) {
        b.withTokenizer(spiName(TokenizerFactory.availableTokenizers(), simple, true), new java.util.HashMap<>(c.params()));
      } else {
        b.addTokenFilter(spiName(TokenFilterFactory.availableTokenFilters(), simple, false), new java.util.HashMap<>(c.params()));
      }
    }
    return b.build();
  }

  private static String spiName(java.util.Set<String> names, String simpleClass, boolean tokenizer) {
    for (String n : names) {
      Class<?> cls =
          tokenizer ? TokenizerFactory.lookupClass(n) : TokenFilterFactory.lookupClass(n);
      if (cls.getSimpleName().equals(simpleClass)) {
        return n;
      }
    }
    throw new AssertionError("no Lucene factory " + simpleClass);
  }

  /** Every token with its position increment and offsets. */
  static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "/" + inc.getPositionIncrement() + "/" + offset.startOffset() + "-" + offset.endOffset());
      }
      ts.end();
    }
    return out;
  }
}
