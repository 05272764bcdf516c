package org.dateline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;

/**
 * One index of all of Reuters-21578 per test JVM, built on first use, for tests that only read
 * it. Tests that check what indexing itself does build their own.
 */
final class SharedReutersIndex {
  private SharedReutersIndex() {}

  private static Path path;
  private static Path withCopies;
  private static List<String> readingOrder;

  /**
   * Returns Reuters' ids in the order its reader yields them, which is the order a run commits
   * them in, read once per test JVM.
   */
  static synchronized List<String> readingOrder() {
    if (readingOrder == null) {
      List<String> ids = new java.util.ArrayList<>();
      ProblemLog log = new ProblemLog(ReadMode.LENIENT);
      try (ArticleReader reader =
          ArticleReaders.open(List.of(CorpusIndexingTest.reutersArchive()), Format.AUTO, log)) {
        for (var a = reader.next(); a.isPresent(); a = reader.next()) {
          ids.add(a.get().id());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      readingOrder = List.copyOf(ids);
    }
    return readingOrder;
  }

  /** Returns whether the Reuters archive is there to build from. */
  static boolean available() {
    return Files.exists(CorpusIndexingTest.reutersArchive());
  }

  /** Returns the folder of the shared index, building it the first time. */
  static synchronized Path path() {
    if (path == null) {
      path = build("dateline-reuters-", IndexConfig.DEFAULT);
    }
    return path;
  }

  /**
   * Returns the folder of the shared index made with copy detection ({@link
   * org.dateline.copies.CopyPolicy#DEFAULT}), building it the first time: the copies tests read
   * it, so that a test JVM indexes Reuters with detection once.
   */
  static synchronized Path withCopies() {
    if (withCopies == null) {
      long start = System.nanoTime();
      withCopies =
          build(
              "dateline-reuters-copies-",
              IndexConfig.DEFAULT.withCopies(org.dateline.copies.CopyPolicy.DEFAULT));
      System.out.printf(
          java.util.Locale.ROOT,
          "indexed Reuters-21578 with copy detection in %d ms (machine shared; not a benchmark)%n",
          (System.nanoTime() - start) / 1_000_000);
    }
    return withCopies;
  }

  private static Path build(String prefix, IndexConfig config) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      ProblemLog log = new ProblemLog(ReadMode.LENIENT);
      try (NewsIndex index = NewsIndex.open(dir, config);
          ArticleReader reader =
              ArticleReaders.open(List.of(CorpusIndexingTest.reutersArchive()), Format.AUTO, log)) {
        index.add(reader, log);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
