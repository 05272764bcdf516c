package org.dateline.ingest;

import static org.dateline.ingest.Corpora.lenient;
import static org.dateline.ingest.Corpora.seeds;
import static org.dateline.ingest.Corpora.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reader counts the bytes it has read, up to the size of its input at the end, and {@link
 * InputSize} counts the same input: what a progress bar needs for its percent and time left.
 */
class BytesReadTest {
  @TempDir Path dir;

  /** Reads to the end; checks bytesRead never goes back nor past the total; returns the last. */
  private static long readCounting(ArticleReader reader, long total) throws IOException {
    try (reader) {
      long last = reader.bytesRead();
      assertTrue(last == 0, "nothing read before the first next(): " + last);
      while (reader.next().isPresent()) {
        long now = reader.bytesRead();
        assertTrue(now >= last && now <= total, now + " after " + last + " of " + total);
        last = now;
      }
      return reader.bytesRead();
    }
  }

  private static String sgm(int first, int count) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n");
    for (int id = first; id < first + count; id++) {
      sb.append("<REUTERS TOPICS=\"YES\" NEWID=\"")
          .append(id)
          .append("\">\n")
          .append("<DATE>26-FEB-1987 15:01:01.79</DATE>\n")
          .append("<TOPICS><D>cocoa</D></TOPICS>\n<TEXT>&#2;\n<TITLE>COCOA REVIEW ")
          .append(id)
          .append(
              "</TITLE>\n<BODY>Showers continued throughout the week in\nthe Bahia cocoa zone.\n")
          .append(" Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n");
    }
    return sb.toString();
  }

  private static String jsonl(int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append("{\"id\":\"j")
          .append(i)
          .append("\",\"title\":\"Item ")
          .append(i)
          .append("\",\"body\":\"A body of some length for item ")
          .append(i)
          .append(".\"}\n");
    }
    return sb.toString();
  }

  @Test
  void aTextFileCountsItsSize() throws IOException {
    Path file = write(dir, "one.txt", "A headline for a story\n\nThe story in one sentence.\n");
    long size = Files.size(file);
    assertEquals(size, readCounting(new TextArticleReader(file, lenient()), size));
    assertEquals(size, InputSize.of(List.of(file), Format.AUTO));
  }

  @Test
  void aFolderOfTextsCountsItsTextFilesButNotItsMetadata() throws IOException {
    long texts = 0;
    try (var files = Files.list(seeds())) {
      for (Path p : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
        texts += Files.size(p);
      }
    }
    assertEquals(texts, InputSize.of(List.of(seeds()), Format.TEXT));
    assertEquals(texts, readCounting(new TextArticleReader(seeds(), lenient()), texts));
  }

  @Test
  void jsonLinesAndReutersCountTheBytesOfTheirFile() throws IOException {
    Path jsonl = write(dir, "feed.jsonl", jsonl(200));
    Path sgm = write(dir, "reut2-000.sgm", sgm(1, 50));
    for (Path file : List.of(jsonl, sgm)) {
      long size = Files.size(file);
      assertEquals(size, InputSize.of(List.of(file), Format.AUTO));
      assertEquals(
          size, readCounting(ArticleReaders.open(List.of(file), Format.AUTO, lenient()), size));
    }
  }

  @Test
  void anArchiveCountsItsCompressedBytesToTheEnd() throws IOException {
    // Incompressible padding makes the archive bigger than one read buffer, so the count moves.
    byte[] noise = new byte[300_000];
    new Random(42).nextBytes(noise);
    Path archive =
        tarGz(
            dir.resolve("corpus.tar.gz"),
            List.of(
                new Entry("feed.jsonl", jsonl(500).getBytes(StandardCharsets.UTF_8)),
                new Entry("noise.bin", noise),
                new Entry(
                    "texts/a.txt",
                    "A first story\n\nIt has a body.\n".getBytes(StandardCharsets.UTF_8)),
                new Entry(
                    "reuters/reut2-001.sgm", sgm(100, 20).getBytes(StandardCharsets.ISO_8859_1))));
    long size = Files.size(archive);
    assertEquals(size, InputSize.of(List.of(archive), Format.AUTO));
    List<Long> seen = new ArrayList<>();
    try (ArticleReader r = ArticleReaders.open(List.of(archive), Format.AUTO, lenient())) {
      while (r.next().isPresent()) {
        seen.add(r.bytesRead());
      }
      assertEquals(size, r.bytesRead(), "all of the archive, gzip padding included");
    }
    assertEquals(521, seen.size());
    assertTrue(seen.get(0) < size / 2, "the first article comes early: " + seen.get(0));
  }

  @Test
  void aDamagedArchiveCountsAsReadOnceItIsGivenUp() throws IOException {
    byte[] garbage = new byte[20_000];
    new Random(7).nextBytes(garbage);
    Path archive = write(dir, "broken.tar.gz", garbage);
    ProblemLog log = lenient();
    assertEquals(
        garbage.length,
        readCounting(ArticleReaders.open(List.of(archive), Format.AUTO, log), garbage.length));
    assertEquals(1, log.skipCount(), "the archive is reported: " + log.skips());
  }

  @Test
  void aMixedTreeCountsWhatItsWalkReadsOrPassesOver() throws IOException {
    Path root = dir.resolve("mixed");
    long expected = 0;
    expected += Files.size(write(root, "a.txt", "A story about ports\n\nShips came in.\n"));
    expected += Files.size(write(root, "feeds/feed.ndjson", jsonl(30)));
    expected += Files.size(write(root, "wire/reut2-002.sgm", sgm(300, 5)));
    // Documentation beside the Reuters files: passed over by the reader, but counted as done.
    expected += Files.size(write(root, "wire/README.txt", "About these files.\n"));
    expected +=
        Files.size(
            write(root, "metadata.jsonl", "{\"file\":\"a.txt\",\"source\":\"Port News\"}\n"));
    write(root, "notes.md", "Not a corpus file.\n");
    write(root, ".hidden.txt", "Hidden.\n");
    assertEquals(expected, InputSize.of(List.of(root), Format.AUTO));
    ArticleReader reader =
        ArticleReaders.withDefaultSource(
            ArticleReaders.open(List.of(root), Format.AUTO, lenient()), "Somewhere");
    assertEquals(expected, readCounting(reader, expected));
  }

  @Test
  void aPathThatDoesNotExistCountsNothing() throws IOException {
    Path missing = dir.resolve("missing.txt");
    Path file = write(dir, "b.txt", "Another story here\n\nWith a body.\n");
    long size = Files.size(file);
    assertEquals(size, InputSize.of(List.of(missing, file), Format.AUTO));
    assertEquals(
        size,
        readCounting(ArticleReaders.open(List.of(missing, file), Format.AUTO, lenient()), size));
  }

  private record Entry(String name, byte[] bytes) {}

  private static Path tarGz(Path file, List<Entry> entries) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (OutputStream gz = new GzipCompressorOutputStream(buffer);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      for (Entry e : entries) {
        TarArchiveEntry entry = new TarArchiveEntry(e.name());
        entry.setSize(e.bytes().length);
        tar.putArchiveEntry(entry);
        tar.write(e.bytes());
        tar.closeArchiveEntry();
      }
    }
    return Files.write(file, buffer.toByteArray());
  }
}
