package org.dateline.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.dateline.Article;
import org.junit.jupiter.api.Test;

/** CACM's HTML files, as Anserini's HtmlCollection reads them. */
class HtmlArticleReaderTest {
  static final String CACM_0001 =
      "<html>\n<pre>\n\n\nPreliminary Report-International Algebraic Language\n\n"
          + "CACM December, 1958\n\nPerlis, A. J.\nSamelson,K.\n\n"
          + "CA581203 JB March 22, 1978  8:28 PM\n\n100\t5\t1\n123\t5\t1\n\n</pre>\n</html>\n";

  @Test
  void tagsAreDroppedAndTheTextKept() {
    String text = HtmlArticleReader.text(CACM_0001);
    assertTrue(text.startsWith("Preliminary Report-International Algebraic Language\n"), text);
    assertTrue(text.endsWith("123\t5\t1"), text);
    assertTrue(!text.contains("<") && !text.contains("pre>"), text);
  }

  @Test
  void aLessThanBeforeADigitIsTextAndEntitiesAreDecoded() {
    assertEquals(
        "0<=x<1, m>n & A&B < \"q\" é",
        HtmlArticleReader.text("<pre>0<=x<1, m>n & A&amp;B &lt; &quot;q&quot; &#233;</pre>"));
  }

  @Test
  void bodyOnlyPutsEverythingInTheBody() {
    Article a =
        HtmlArticleReader.article(
            "CACM-0001", HtmlArticleReader.text(CACM_0001), HtmlArticleReader.Layout.BODY_ONLY);
    assertEquals("", a.title());
    assertTrue(a.body().startsWith("Preliminary Report"));
    assertEquals(Instant.parse("1958-12-01T00:00:00Z"), a.date());
    assertEquals("CACM", a.source());
  }

  @Test
  void firstLineTitleSplitsThePapersTitleOff() {
    Article a =
        HtmlArticleReader.article(
            "CACM-0001",
            HtmlArticleReader.text(CACM_0001),
            HtmlArticleReader.Layout.FIRST_LINE_TITLE);
    assertEquals("Preliminary Report-International Algebraic Language", a.title());
    assertTrue(a.body().startsWith("CACM December, 1958"), a.body());
  }

  @Test
  void noDateLineNoDate() {
    assertNull(HtmlArticleReader.date("A paper\nCACM Smarch, 1958\n"));
    assertNull(HtmlArticleReader.date("A paper without one"));
  }

  @Test
  void theCacmArchiveHolds3204DocumentsNamedAsTheQrelsNameAndDated() throws IOException {
    Path archive = CacmReproductionTest.CACM.resolve("anserini-cacm.tar.gz");
    assumeTrue(Files.exists(archive), "CACM not found at " + archive + ": skipped");
    Map<String, Article> byId = new HashMap<>();
    int dated = 0;
    try (HtmlArticleReader r =
        HtmlArticleReader.open(archive, HtmlArticleReader.Layout.FIRST_LINE_TITLE)) {
      Optional<Article> next;
      while ((next = r.next()).isPresent()) {
        byId.put(next.get().id(), next.get());
        dated += next.get().date() == null ? 0 : 1;
      }
    }
    assertEquals(3204, byId.size());
    assertEquals(3203, dated); // CACM-1890 has no date line
    assertNull(byId.get("CACM-1890").date());
    assertEquals(Instant.parse("1970-12-01T00:00:00Z"), byId.get("CACM-1951").date()); // no comma
    // The qrels write ids below 1000 unpadded (CACM-46 for the file CACM-0046.html): those 55
    // judgments name no document, for Anserini as for us, and its published figures include them.
    Qrels qrels = Qrels.read(CacmReproductionTest.CACM.resolve("qrels.cacm.txt"));
    int unpadded = 0;
    for (String q : qrels.queryIds()) {
      for (String docno : qrels.judgments(q).keySet()) {
        if (!byId.containsKey(docno)) {
          int n = Integer.parseInt(docno.substring("CACM-".length()));
          assertTrue(n < 1000 && byId.containsKey(String.format("CACM-%04d", n)), docno);
          unpadded++;
        }
      }
    }
    assertEquals(55, unpadded);
    Article a = byId.get("CACM-1410");
    assertEquals("Interarrival Statistics for Time Sharing Systems", a.title());
    assertEquals(Instant.parse("1966-07-01T00:00:00Z"), a.date());
  }
}
