package org.dateline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;

/**
 * A separate process for kill tests of {@link IndexReplacement}: replaces an index with the first
 * {@code limit} articles of a corpus and, at one chosen point, prints {@code AT point} and waits
 * to be killed. Arguments: index folder, point, limit, corpus paths. Points: {@code write} (after
 * half the articles are written), {@code sync} (the commit's first fsync), {@code rename} (just
 * before the new commit file gets its final name), {@code delete} (the new commit in place, before
 * the first old file is deleted), {@code none}.
 */
public final class ReplacingProcess {
  private ReplacingProcess() {}

  /**
   * Runs one replacement.
   *
   * @param args index folder, pause point, article limit, corpus paths
   * @throws Exception on any failure (the exit code is then non-zero)
   */
  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    String point = args[1];
    int limit = Integer.parseInt(args[2]);
    List<Path> corpus = java.util.Arrays.stream(args).skip(3).map(Path::of).toList();
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    AtomicBoolean renamed = new AtomicBoolean();
    try (IndexReplacement replacement =
            IndexReplacement.begin(
                index,
                // checkpoints every 300 articles flush segments to disk before any kill point
                IndexConfig.DEFAULT.withCommitEvery(300, java.time.Duration.ofHours(1)),
                d -> pausing(d, point, renamed),
                (from, to) -> java.nio.file.Files.move(from, to));
        ArticleReader reader =
            limited(ArticleReaders.open(corpus, Format.AUTO, log), limit, point)) {
      replacement.add(reader, log);
      replacement.commit();
      System.out.println("DONE " + replacement.written());
    }
  }

  private static void pause(String point) {
    System.out.println("AT " + point);
    System.out.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Directory pausing(Directory dir, String point, AtomicBoolean renamed) {
    return new FilterDirectory(dir) {
      @Override
      public void sync(Collection<String> names) throws IOException {
        if (point.equals("sync")) {
          pause(point);
        }
        super.sync(names);
      }

      @Override
      public void rename(String source, String dest) throws IOException {
        if (point.equals("rename")) {
          pause(point);
        }
        super.rename(source, dest);
        renamed.set(true);
      }

      @Override
      public void deleteFile(String name) throws IOException {
        if (point.equals("delete") && renamed.get()) {
          pause(point);
        }
        super.deleteFile(name);
      }
    };
  }

  private static ArticleReader limited(ArticleReader reader, int limit, String point) {
    return new ArticleReader() {
      int n;

      @Override
      public Optional<Article> next() throws IOException {
        if (n == limit / 2 && point.equals("write")) {
          pause(point);
        }
        return n++ < limit ? reader.next() : Optional.empty();
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }
}
