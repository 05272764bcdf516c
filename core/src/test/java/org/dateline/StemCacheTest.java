package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/**
 * The indexing analysis with its {@link StemCache} gives exactly the tokens of the analysis
 * without it: same terms, positions and offsets, on all of Reuters-21578 (words met again are
 * served from the cache) and past the cache's size (it stops learning and keeps stemming).
 */
class StemCacheTest {
  private static final Pattern TEXT = Pattern.compile("<TEXT[^>]*>(.*?)</TEXT>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  /** Every token of every text, as "term/increment/start-end", one chain reused for all texts. */
  private static List<String> tokens(Analyzer analyzer, List<String> texts) throws IOException {
    List<String> out = new ArrayList<>();
    for (String text : texts) {
      try (TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          out.add(
              term
                  + "/"
                  + inc.getPositionIncrement()
                  + "/"
                  + offset.startOffset()
                  + "-"
                  + offset.endOffset());
        }
        ts.end();
      }
    }
    return out;
  }

  private static void assertSameTokens(List<String> texts) throws IOException {
    try (Analyzer plain = new NewsAnalyzer(false);
        Analyzer cached = new NewsAnalyzer(true)) {
      List<String> expected = tokens(plain, texts);
      List<String> actual = tokens(cached, texts);
      assertEquals(expected.size(), actual.size(), "token count");
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i), actual.get(i), "token " + i);
      }
    }
  }

  @Test
  void reutersTokensAreTheStemmersOwn() throws IOException {
    assumeTrue(RawReuters.available(), "Reuters-21578 not found at " + RawReuters.TARBALL);
    List<String> texts = new ArrayList<>();
    try (InputStream in =
            new TarArchiveInputStream(
                new GzipCompressorInputStream(
                    new BufferedInputStream(Files.newInputStream(RawReuters.TARBALL))));
        TarArchiveInputStream tar = (TarArchiveInputStream) in) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (!e.getName().endsWith(".sgm")) {
          continue;
        }
        String sgml = new String(tar.readAllBytes(), StandardCharsets.ISO_8859_1);
        Matcher m = TEXT.matcher(sgml);
        while (m.find()) {
          texts.add(TAG.matcher(m.group(1)).replaceAll(" "));
        }
      }
    }
    assertEquals(21578, texts.size(), "Reuters texts");
    assertSameTokens(texts);
  }

  @Test
  void pastTheCacheSizeTokensStayTheStemmersSeeded() throws IOException {
    long seed = 20261127L;
    Random random = new Random(seed);
    String[] suffixes = {"", "s", "ing", "ed", "ational", "fulness", "ies", "ly", "'s"};
    List<String> texts = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    // more distinct words than the cache holds, each at least twice, some longer than it keeps
    int words = StemCache.MAX_ENTRIES * 3;
    for (int i = 0; i < words; i++) {
      int length = 2 + random.nextInt(i % 50 == 0 ? 40 : 9);
      for (int j = 0; j < length; j++) {
        sb.append((char) ('a' + random.nextInt(26)));
      }
      sb.append(suffixes[random.nextInt(suffixes.length)]).append(' ');
      if (i % 200 == 199) {
        texts.add(sb.toString());
        texts.add(sb.toString().toUpperCase(java.util.Locale.ROOT)); // seen again, other case
        sb.setLength(0);
      }
    }
    assertSameTokens(texts);
  }
}
