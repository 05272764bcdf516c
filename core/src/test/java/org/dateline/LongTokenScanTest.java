package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link NewsIndex#hasLongToken} probes one character in 256 instead of reading every one; it must
 * answer exactly as a scan of every character does.
 */
class LongTokenScanTest {
  private static final int MAX = Fields.MAX_TOKEN_CHARS;

  /** The plain scan: the longest run of non-space characters is longer than the limit. */
  private static boolean plainScan(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        run = 0;
      } else if (++run > MAX) {
        return true;
      }
    }
    return false;
  }

  @Test
  void runJustAtAndJustOverTheLimitAtEveryPlace() {
    for (int length = MAX - 2; length <= MAX + 2; length++) {
      for (int at = 0; at <= 2 * (MAX + 1) + 3; at++) {
        for (int after : new int[] {0, 1, 300}) {
          String text = " ".repeat(at) + "x".repeat(length) + "\n".repeat(after);
          assertEquals(
              length > MAX,
              NewsIndex.hasLongToken(text),
              "a run of " + length + " at " + at + " with " + after + " spaces after");
        }
      }
    }
  }

  @Test
  void agreesWithThePlainScanOnRandomTextsSeeded() {
    long seed = 20261127L;
    Random random = new Random(seed);
    int longOnes = 0;
    for (int i = 0; i < 20_000; i++) {
      // words of 1 to maxWord letters, a space between; maxWord near the limit makes both answers
      int maxWord = random.nextBoolean() ? 12 : MAX + 10;
      StringBuilder b = new StringBuilder();
      int words = random.nextInt(12);
      for (int w = 0; w < words; w++) {
        int length = 1 + random.nextInt(maxWord);
        b.append("ab\u00e9".repeat(length).substring(0, length));
        b.append(random.nextInt(5) == 0 ? "\t\n" : " ");
      }
      String text = b.toString();
      boolean expected = plainScan(text);
      longOnes += expected ? 1 : 0;
      assertEquals(expected, NewsIndex.hasLongToken(text), "seed " + seed + ", text " + i + ": " + text);
    }
    assertTrue(longOnes > 1000, "too few texts with a long token to test: " + longOnes);
  }

  @Test
  void realArticlesHaveNoLongTokenAndABase64BlobHasOne() throws Exception {
    Path articles = Path.of("../corpus/articles");
    try (var files = Files.list(articles)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".txt"))::iterator) {
        String text = Files.readString(f);
        assertFalse(NewsIndex.hasLongToken(text), f.toString());
        String withBlob =
            text.substring(0, text.length() / 2)
                + " "
                + java.util.Base64.getEncoder().encodeToString(new byte[300])
                + " "
                + text.substring(text.length() / 2);
        assertTrue(NewsIndex.hasLongToken(withBlob), f + " with a 400-character blob");
      }
    }
  }
}
