package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real corpora go through the readers into the index and come back as written. */
class CorpusIndexingTest {
  @TempDir Path dir;

  static Path sampleCorpus() {
    return Path.of("").toAbsolutePath().resolve("../corpus/articles").normalize();
  }

  static Path reutersArchive() {
    return Path.of("")
        .toAbsolutePath()
        .resolve("../../shared/data/reuters21578/reuters21578.tar.gz")
        .normalize();
  }

  private IndexStats index(Path path) throws IOException {
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    try (NewsIndex index = NewsIndex.open(dir);
        ArticleReader reader = ArticleReaders.open(List.of(path), Format.AUTO, log)) {
      return index.add(reader, log);
    }
  }

  private Map<String, Article> storedById() throws IOException {
    Map<String, Article> all = new HashMap<>();
    try (var d = FSDirectory.open(dir);
        DirectoryReader r = DirectoryReader.open(d)) {
      var stored = r.storedFields();
      // Replaced articles are deleted documents until a merge drops them (a segment whose every
      // document was replaced may stay until a later commit); only live ones are in the index.
      var live = org.apache.lucene.index.MultiBits.getLiveDocs(r);
      for (int i = 0; i < r.maxDoc(); i++) {
        if (live != null && !live.get(i)) {
          continue;
        }
        Article a = ArticleDocuments.fromStored(stored.document(i));
        assertEquals(null, all.put(a.id(), a), "one document per id: " + a.id());
      }
    }
    return all;
  }

  @Test
  void sampleCorpusIndexesFiveArticlesEachWithTitleSourceAndDate() throws IOException {
    IndexStats stats = index(sampleCorpus());
    assertEquals(5, stats.added());
    assertEquals(0, stats.skipped(), () -> "skips: " + stats.firstSkips());
    Map<String, Article> stored = storedById();
    assertEquals(5, stored.size());
    for (Article a : stored.values()) {
      assertFalse(a.title().isBlank(), a.id());
      assertFalse(a.source().isBlank(), a.id());
      assertNotNull(a.date(), a.id());
      assertFalse(a.body().startsWith("date"), a.id());
    }
    assertEquals("Microsoft wins in mail sharing case", stored.get("001_4915df2992829a5e.txt").title());
  }

  @Test
  void reindexingTheSampleCorpusReplacesAndDoesNotDuplicate() throws IOException {
    index(sampleCorpus());
    IndexStats again = index(sampleCorpus());
    assertEquals(0, again.added());
    assertEquals(5, again.replaced());
    assertEquals(5, storedById().size());
  }

  private static final Pattern DOC =
      Pattern.compile("<REUTERS[^>]*NEWID=\"(\\d+)\">(.*?)</REUTERS>", Pattern.DOTALL);
  private static final Pattern DATE = Pattern.compile("<DATE>\\s*(\\d+-[A-Z]{3}-\\d{4})");
  private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);

  private static final java.time.format.DateTimeFormatter RAW_DAY =
      new java.time.format.DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("d-MMM-uuuu")
          .toFormatter(java.util.Locale.ENGLISH);

  /** NEWID to [day, title] scanned from the raw SGML, independently of our reader. */
  private static Map<String, String[]> scanRaw(Path archive) throws IOException {
    Map<String, String[]> raw = new HashMap<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(archive));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (!e.getName().endsWith(".sgm")) {
          continue;
        }
        String text = new String(tar.readAllBytes(), StandardCharsets.ISO_8859_1);
        Matcher m = DOC.matcher(text);
        while (m.find()) {
          Matcher d = DATE.matcher(m.group(2));
          Matcher t = TITLE.matcher(m.group(2));
          raw.put(
              m.group(1),
              new String[] {d.find() ? d.group(1) : null, t.find() ? t.group(1) : null});
        }
      }
    }
    return raw;
  }

  @Test
  void allOfReutersIndexesAndMatchesTheRawFiles() throws IOException {
    Path archive = reutersArchive();
    assumeTrue(Files.exists(archive), "Reuters-21578 not found at " + archive + ": skipped");
    IndexStats stats = index(archive);
    assertEquals(21_578, stats.added());
    assertEquals(0, stats.skipped(), () -> "skips: " + stats.firstSkips());

    Map<String, String[]> raw = scanRaw(archive);
    assertEquals(21_578, raw.size(), "documents in the raw files");
    Map<String, Article> stored = storedById();
    assertEquals(raw.keySet(), stored.keySet());

    long titled = raw.values().stream().filter(v -> v[1] != null).count();
    assertEquals(20_841, titled, "documents with a TITLE, as SOURCE.md says");
    for (String id : List.of("1", "2", "5000", "12345", "17980", "21578")) {
      String[] r = raw.get(id);
      Article a = stored.get(id);
      String expectedTitle =
          r[1].replace("&lt;", "<").replace("&amp;", "&").replaceAll("&#\\d+;", "").replaceAll("\\s+", " ").strip();
      assertEquals(expectedTitle, a.title(), "title of NEWID " + id);
      var expectedDay = java.time.LocalDate.parse(r[0], RAW_DAY);
      assertEquals(expectedDay, java.time.LocalDate.ofInstant(a.date(), java.time.ZoneOffset.UTC), "day of NEWID " + id);
      assertEquals("Reuters", a.source());
    }
    assertEquals(Instant.parse("1987-02-26T15:01:01.790Z"), stored.get("1").date());
    assertTrue(stored.values().stream().allMatch(a -> a.date() != null), "every article dated");

    try (var d = FSDirectory.open(dir);
        DirectoryReader r = DirectoryReader.open(d)) {
      IndexSearcher s = new IndexSearcher(r);
      TopDocs crude = s.search(new TermQuery(new Term("topics", "crude")), 1);
      long rawCrude = countRawTopic("crude");
      assertEquals(rawCrude, crude.totalHits.value(), "articles with topic crude");
    }
  }

  private static long countRawTopic(String topic) throws IOException {
    long n = 0;
    Pattern topics = Pattern.compile("<TOPICS>(.*?)</TOPICS>", Pattern.DOTALL);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(reutersArchive()));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (e.getName().endsWith(".sgm")) {
          Matcher m = topics.matcher(new String(tar.readAllBytes(), StandardCharsets.ISO_8859_1));
          while (m.find()) {
            if (m.group(1).contains("<D>" + topic + "</D>")) {
              n++;
            }
          }
        }
      }
    }
    return n;
  }
}
