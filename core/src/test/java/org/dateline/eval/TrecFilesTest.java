package org.dateline.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dateline.ingest.CorpusFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Qrels, topics and runs read and written in TREC's formats. */
class TrecFilesTest {
  @Test
  void qrelsReadFourColumnsAndCountRelevant() throws IOException {
    Qrels q = Qrels.parse("1 Q0 CACM-1410 1\n1 0 CACM-1572 0\n\n10 Q0 CACM-0001 2\n");
    assertEquals(List.of("1", "10"), List.copyOf(q.queryIds()));
    assertEquals(Map.of("CACM-1410", 1, "CACM-1572", 0), q.judgments("1"));
    assertEquals(1, q.relevantCount("1"));
    assertEquals(0, q.relevantCount("7"));
  }

  @Test
  void malformedQrelsNameTheLine() {
    CorpusFormatException e =
        assertThrows(CorpusFormatException.class, () -> Qrels.parse("1 Q0 A 1\n1 Q0 B yes\n"));
    assertEquals(2, e.problem().line());
    assertTrue(e.problem().reason().contains("yes"), e.problem().reason());
    assertThrows(CorpusFormatException.class, () -> Qrels.parse("1 Q0 A\n"));
    assertThrows(CorpusFormatException.class, () -> Qrels.parse("1 Q0 A 1\n1 Q0 A 0\n"));
  }

  @Test
  void docnoTopicsAsCacmWritesThem() throws IOException {
    List<Topic> t =
        TrecTopics.parse(
            "<DOC>\n<DOCNO> 1 </DOCNO>\n\n\n What articles exist which deal with TSS (Time Sharing"
                + " System), an\noperating system for IBM computers?\n\n \n</DOC>\n"
                + "<DOC>\n<DOCNO> 2 </DOCNO>\n I am interested in: \"Prieve\" OR Pooch\n</DOC>\n");
    assertEquals(
        List.of(
            new Topic(
                "1",
                "What articles exist which deal with TSS (Time Sharing System), an operating"
                    + " system for IBM computers?"),
            new Topic("2", "I am interested in: \"Prieve\" OR Pooch")),
        t);
  }

  @Test
  void classicTopicsGiveTheTitle() throws IOException {
    List<Topic> t =
        TrecTopics.parse(
            "<top>\n"
                + "<num> Number: 301\n"
                + "<title> International Organized Crime\n\n"
                + "<desc> Description:\n"
                + "Identify organizations\n"
                + "<narr> Narrative:\n"
                + "A relevant...\n"
                + "</top>\n"
                + "<top>\n"
                + "<num> Number: 302 <title> Poliomyelitis and Post-Polio\n"
                + "</top>");
    assertEquals(
        List.of(
            new Topic("301", "International Organized Crime"),
            new Topic("302", "Poliomyelitis and Post-Polio")),
        t);
  }

  @Test
  void topicFilesWithoutTopicsOrWithRepeatedIdsAreRefused() {
    assertThrows(CorpusFormatException.class, () -> TrecTopics.parse("just some text"));
    assertThrows(
        CorpusFormatException.class,
        () -> TrecTopics.parse("<DOC><DOCNO>1</DOCNO>a</DOC><DOC><DOCNO>1</DOCNO>b</DOC>"));
  }

  @Test
  void theCacmTopicsFileHas64Topics() throws IOException {
    Path file = CacmReproductionTest.CACM.resolve("topics.cacm.txt");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "CACM not found: skipped");
    List<Topic> t = TrecTopics.read(file);
    assertEquals(64, t.size());
    assertEquals("1", t.get(0).id());
    assertEquals("64", t.get(63).id());
    assertTrue(t.get(0).text().startsWith("What articles exist which deal with TSS"));
  }

  @Test
  void aRunWrittenReadsBackTheSame(@TempDir Path dir) throws IOException {
    Run run =
        new Run(
            Map.of(
                "1", List.of(new ScoredDoc("CACM-1938", 12.033000946044922), new ScoredDoc("B", 1)),
                "2", List.of()));
    Path file = dir.resolve("run.txt");
    StringWriter w = new StringWriter();
    run.write(w, "dateline");
    Files.writeString(file, w.toString());
    assertTrue(
        w.toString().startsWith("1 Q0 CACM-1938 1 12.033000946044922 dateline"), w.toString());
    Run back = Run.read(file);
    assertEquals(run.results("1"), back.results("1"));
    assertEquals(List.of(), back.results("2"));
  }

  @Test
  void runsRefuseRepeatedDocumentsAsTrecEvalDoes(@TempDir Path dir) throws IOException {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Run(Map.of("1", List.of(new ScoredDoc("A", 1), new ScoredDoc("A", 0.5)))));
    Path file = dir.resolve("run.txt");
    Files.writeString(file, "1 Q0 A 1 1.0 r\n1 Q0 A 2 0.5 r\n");
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> Run.read(file));
    assertEquals(2, e.problem().line());
    Files.writeString(file, "1 Q0 A 1 high r\n");
    assertThrows(CorpusFormatException.class, () -> Run.read(file));
  }
}
