package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link NewsAnalyzer}'s fused word filter ({@link NewsWordFilter}) gives, token for token, what
 * Lucene's own four filters give in the same order: terms, position increments (gaps where an over-long token
 * was dropped), offsets, and the final offset and increment, on all of Reuters-21578 and on seeded
 * random text full of the cases the filters treat specially.
 */
class NewsAnalysisChainTest {
  /** The analysis as Lucene's filters spell it, what the news analysis was before it was fused. */
  private static Analyzer reference() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        source.setMaxTokenLength(1024 * 1024);
        TokenStream result = new EnglishPossessiveFilter(source);
        result = new LowerCaseFilter(result);
        result = new ASCIIFoldingFilter(result);
        result = new LengthFilter(result, 1, Fields.MAX_TOKEN_CHARS);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
      }
    };
  }

  /** Every token as "term posInc start-end", then the end state. */
  private static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            term
                + " "
                + inc.getPositionIncrement()
                + " "
                + offset.startOffset()
                + "-"
                + offset.endOffset());
      }
      ts.end();
      out.add("end " + inc.getPositionIncrement() + " " + offset.endOffset());
    }
    return out;
  }

  @Test
  void reutersAnalyzesAsLucenesFiltersDo() throws IOException {
    Assumptions.assumeTrue(RawReuters.available(), "no " + RawReuters.TARBALL + ": skipped");
    Pattern text = Pattern.compile("<TEXT[^>]*>(.*?)</TEXT>", Pattern.DOTALL);
    int texts = 0;
    long words = 0;
    try (Analyzer fused = new NewsAnalyzer();
        Analyzer ref = reference();
        InputStream in = new BufferedInputStream(Files.newInputStream(RawReuters.TARBALL));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (!entry.getName().matches("(.*/)?reut2-\\d{3}\\.sgm")) {
          continue;
        }
        Matcher m = text.matcher(new String(tar.readAllBytes(), StandardCharsets.ISO_8859_1));
        while (m.find()) {
          List<String> expected = tokens(ref, m.group(1));
          assertEquals(expected, tokens(fused, m.group(1)));
          texts++;
          words += expected.size();
        }
      }
    }
    assertTrue(texts > 21_000 && words > 2_000_000, texts + " texts, " + words + " tokens");
  }

  @Test
  void seedArticlesAnalyzeAsLucenesFiltersDo() throws IOException {
    Path seeds = Path.of("").toAbsolutePath().resolve("../corpus/articles").normalize();
    List<Path> files;
    try (var s = Files.list(seeds)) {
      files = s.sorted().toList();
    }
    assertTrue(files.size() >= 5, files.toString());
    try (Analyzer fused = new NewsAnalyzer();
        Analyzer ref = reference()) {
      for (Path f : files) {
        String t = Files.readString(f, StandardCharsets.UTF_8);
        assertEquals(tokens(ref, t), tokens(fused, t), f.toString());
      }
    }
  }

  /** Pieces the filters treat specially: case, accents, apostrophes, long and non-BMP words. */
  private static final String[] PIECES = {
    "The", "OIL", "Prices", "café", "CAFÉ", "Müller's", "Bank’s", "ＡＢＣ＇s", "İstanbul", "\u212Aelvin",
    "naïve", "straße", "ﬁne", "Œuvre", "1987", "3.5", "mln", "dlrs", "it's", "O'Neil", "'s", "s's",
    "x".repeat(255), "y".repeat(256), "Z".repeat(300) + "'s", "\uD835\uDC00BC", "😀", "日本語", "مرحبا",
    "running", "ran", "generalizations", "relational", "ponies", "caresses", "hopping", "feed",
    "agreed", "conflated", "troubled", "sized", "happy", "sky", "Ä".repeat(30), "ǅemal", "ΣΊΣΥΦΟΣ"
  };

  private static final String[] GLUE = {" ", "  ", ", ", ". ", "\n", "-", "'", " (", ") ", "/", ""};

  @Test
  void randomTextAnalyzesAsLucenesFiltersDo() throws IOException {
    long seed = 20261127L;
    Random random = new Random(seed);
    try (Analyzer fused = new NewsAnalyzer();
        Analyzer ref = reference()) {
      for (int i = 0; i < 3_000; i++) {
        StringBuilder b = new StringBuilder();
        for (int w = random.nextInt(60); w > 0; w--) {
          b.append(GLUE[random.nextInt(GLUE.length)]);
          if (random.nextInt(3) == 0) {
            // made-up words, with accents and endings the stemmer takes off
            for (int c = 1 + random.nextInt(12); c > 0; c--) {
              b.append((char) ("aeioustrnlAEIOUÉé".charAt(random.nextInt(17))));
            }
            b.append(random.nextBoolean() ? "ing" : random.nextBoolean() ? "ed" : "s");
          } else {
            b.append(PIECES[random.nextInt(PIECES.length)]);
          }
        }
        String t = b.toString();
        assertEquals(tokens(ref, t), tokens(fused, t), () -> "seed " + seed + ", text: " + t);
      }
    }
  }
}
