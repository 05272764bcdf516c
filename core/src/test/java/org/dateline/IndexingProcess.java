package org.dateline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;

/**
 * A separate indexing process for crash tests: indexes a corpus into an index folder, committing
 * every N articles. Arguments: index folder, articles per commit, corpus paths... With the system
 * property {@value PausingDirectory#PROPERTY}, one commit stops in the middle (see {@link
 * PausingDirectory}).
 */
public final class IndexingProcess {
  private IndexingProcess() {}

  /**
   * Runs one indexing job.
   *
   * @param args index folder, articles per commit, then the corpus paths
   * @throws Exception on any failure (the exit code is then non-zero)
   */
  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    int every = Integer.parseInt(args[1]);
    List<Path> corpus = java.util.Arrays.stream(args).skip(2).map(Path::of).toList();
    IndexConfig config = IndexConfig.DEFAULT.withCommitEvery(every, Duration.ofHours(1));
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    java.nio.file.Files.createDirectories(index);
    var directory =
        PausingDirectory.fromProperty(org.apache.lucene.store.FSDirectory.open(index));
    try (NewsIndex writer = NewsIndex.open(index, directory, config);
        ArticleReader reader = ArticleReaders.open(corpus, Format.AUTO, log)) {
      IndexStats stats = writer.add(reader, log);
      System.out.println("added=" + stats.added() + " replaced=" + stats.replaced());
    }
  }
}
