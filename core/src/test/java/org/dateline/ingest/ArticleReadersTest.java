package org.dateline.ingest;

import static org.dateline.ingest.Corpora.byId;
import static org.dateline.ingest.Corpora.lenient;
import static org.dateline.ingest.Corpora.readAll;
import static org.dateline.ingest.Corpora.seeds;
import static org.dateline.ingest.Corpora.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.dateline.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleReadersTest {
  private static final String SGM =
      "<REUTERS NEWID=\"9\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n"
          + "<TEXT><TITLE>COCOA</TITLE><BODY>Cocoa rose.\n&#3;</BODY></TEXT>\n</REUTERS>\n";
  private static final String JSONL =
      "{\"id\": \"j1\", \"title\": \"From JSON\", \"body\": \"Json body.\"}\n";

  @TempDir Path dir;

  private static List<String> ids(List<Article> articles) {
    return articles.stream().map(Article::id).toList();
  }

  @Test
  void folderMayMixFormatsReadInNameOrder() throws IOException {
    write(dir, "a.txt", "Text article body.");
    write(dir, "b/news.jsonl", JSONL);
    write(dir, "c/reut.sgm", SGM);
    write(dir, "d.text", "Another text article.");
    write(dir, "notes.md", "ignored");
    write(dir, "metadata.csv", "file,source\na.txt,Wire\n");
    ProblemLog log = lenient();
    List<Article> all = readAll(ArticleReaders.open(List.of(dir), Format.AUTO, log));
    assertEquals(List.of("a.txt", "j1", "9", "d.text"), ids(all));
    assertEquals("Wire", byId(all, "a.txt").source());
    assertEquals("COCOA", byId(all, "9").title());
    assertEquals("Reuters", byId(all, "9").source());
    assertEquals(0, log.skipCount() + log.warningCount());
  }

  @Test
  void textFilesBesideStructuredFilesAreTheirDocumentation() throws IOException {
    write(dir, "reuters/README.txt", "About this collection.");
    write(dir, "reuters/reut.sgm", SGM);
    write(dir, "texts/story.txt", "A story of its own.");
    assertEquals(
        List.of("9", "texts/story.txt"),
        ids(readAll(ArticleReaders.open(List.of(dir), Format.AUTO, lenient()))));
    // Asked for text, the README is read like any text file.
    assertEquals(
        List.of("reuters/README.txt", "texts/story.txt"),
        ids(readAll(ArticleReaders.open(List.of(dir), Format.TEXT, lenient()))));
  }

  @Test
  void explicitFormatForcesItsReaderOnFilesNamedDirectly() throws IOException {
    Path file = write(dir, "export.txt", JSONL);
    List<Article> asJson = readAll(ArticleReaders.open(List.of(file), Format.JSONL, lenient()));
    assertEquals(List.of("j1"), ids(asJson));
    List<Article> asText = readAll(ArticleReaders.open(List.of(file), Format.AUTO, lenient()));
    assertEquals(List.of("export.txt"), ids(asText));
  }

  @Test
  void explicitFormatReadsOnlyItsFilesInAFolder() throws IOException {
    write(dir, "a.txt", "Text.");
    write(dir, "b.jsonl", JSONL);
    write(dir, "c.sgm", SGM);
    assertEquals(
        List.of("j1"), ids(readAll(ArticleReaders.open(List.of(dir), Format.JSONL, lenient()))));
    assertEquals(
        List.of("9"), ids(readAll(ArticleReaders.open(List.of(dir), Format.REUTERS, lenient()))));
    assertEquals(
        List.of("a.txt"), ids(readAll(ArticleReaders.open(List.of(dir), Format.TEXT, lenient()))));
  }

  @Test
  void tarGzEntriesAreReadByTheirNames() throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("./stories/a.txt", "title: Archived\n\nArchived text.");
    entries.put("stories/.hidden.txt", "Hidden.");
    entries.put("feed.jsonl", JSONL);
    entries.put("wire/reut.sgm", SGM);
    entries.put("wire/README.txt", "Documentation of the wire files.");
    entries.put("logo.png", "not read");
    Path tgz = tarGz(dir.resolve("corpus.tar.gz"), entries);
    ProblemLog log = lenient();
    List<Article> all = readAll(ArticleReaders.open(List.of(tgz), Format.AUTO, log));
    assertEquals(List.of("stories/a.txt", "j1", "9"), ids(all));
    assertEquals("Archived", all.get(0).title());
    assertEquals(0, log.skipCount());

    List<Article> reuters = readAll(ArticleReaders.open(List.of(tgz), Format.REUTERS, lenient()));
    assertEquals(List.of("9"), ids(reuters));
  }

  @Test
  void problemsInsideAnArchiveNameTheEntry() throws IOException {
    Path tgz = tarGz(dir.resolve("bad.tgz"), Map.of("x.jsonl", "{oops\n"));
    ProblemLog log = lenient();
    assertEquals(List.of(), readAll(ArticleReaders.open(List.of(tgz), Format.AUTO, log)));
    assertEquals(tgz + "!/x.jsonl", log.skips().get(0).file());
    assertEquals(1, log.skips().get(0).line());
  }

  @Test
  void damagedArchiveIsAProblemNotACrash() throws IOException {
    Path fake = write(dir, "fake.tar.gz", "this is not gzip");
    write(dir, "after.txt", "Read after the damaged archive.");
    ProblemLog log = lenient();
    List<Article> all =
        readAll(ArticleReaders.open(List.of(fake, dir.resolve("after.txt")), Format.AUTO, log));
    assertEquals(List.of("after.txt"), ids(all));
    assertEquals(1, log.skipCount());
    assertEquals(fake.toString(), log.skips().get(0).file());
  }

  @Test
  void severalPathsAreReadInTheOrderGiven() throws IOException {
    Path jsonl = write(dir, "x.jsonl", JSONL);
    List<Article> all =
        readAll(
            ArticleReaders.open(
                List.of(jsonl, seeds().resolve("001_4915df2992829a5e.txt"), seeds()),
                Format.AUTO,
                lenient()));
    assertEquals(7, all.size());
    assertEquals("j1", all.get(0).id());
    assertEquals("001_4915df2992829a5e.txt", all.get(1).id());
    assertEquals("000_0400347b8501b587.txt", all.get(2).id());
  }

  @Test
  void defaultSourceFillsOnlyMissingSources() throws IOException {
    write(dir, "a.txt", "No source here.");
    write(dir, "b.txt", "source: Own Source\n\nHas one.");
    List<Article> all =
        readAll(
            ArticleReaders.withDefaultSource(
                ArticleReaders.open(List.of(dir), Format.AUTO, lenient()), "Sample corpus"));
    assertEquals(
        List.of("Sample corpus", "Own Source"), all.stream().map(Article::source).toList());
  }

  @Test
  void nothingIsOpenedBeforeTheFirstRead() throws IOException {
    Path later = dir.resolve("later.txt");
    try (ArticleReader reader = ArticleReaders.open(List.of(later), Format.AUTO, lenient())) {
      Files.writeString(later, "Written after open.");
      assertTrue(reader.next().isPresent());
    }
  }

  private static Path tarGz(Path file, Map<String, String> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
    return file;
  }
}
