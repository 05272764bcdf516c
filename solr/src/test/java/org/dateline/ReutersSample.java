package org.dateline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.Assumptions;

/** Reuters-21578 from the shared data, beside the repository; tests skip when it is absent. */
public final class ReutersSample {
  private ReutersSample() {}

  /** The archive, or a skipped test. */
  public static Path archive() {
    Path p =
        Path.of("").toAbsolutePath().resolve("../../shared/data/reuters21578/reuters21578.tar.gz").normalize();
    Assumptions.assumeTrue(Files.exists(p), "Reuters-21578 not found at " + p + "; skipped");
    return p;
  }

  /** Opens a lenient reader over the archive. */
  public static ArticleReader open(ProblemLog log) throws IOException {
    return ArticleReaders.open(List.of(archive()), Format.AUTO, log);
  }

  /** The first n bodies. */
  static List<String> bodies(int n) throws IOException {
    List<String> out = new ArrayList<>();
    try (ArticleReader r = open(new ProblemLog(ReadMode.LENIENT))) {
      Optional<Article> a;
      while (out.size() < n && (a = r.next()).isPresent()) {
        out.add(a.get().title() + "\n" + a.get().body());
      }
    }
    return out;
  }
}
