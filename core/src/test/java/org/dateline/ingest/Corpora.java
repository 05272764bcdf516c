package org.dateline.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dateline.Article;

/** Test helpers: where the test corpora are, and reading a reader to the end. */
final class Corpora {
  private Corpora() {}

  /** The five seed articles of the project, {@code corpus/articles}. */
  static Path seeds() {
    return Path.of("").toAbsolutePath().resolve("../corpus/articles").normalize();
  }

  /** The shared data sets, outside the repository; may be absent. */
  static Path sharedData() {
    return Path.of("").toAbsolutePath().resolve("../../shared/data").normalize();
  }

  /** Reads every article of a reader, then closes it. */
  static List<Article> readAll(ArticleReader reader) throws IOException {
    try (reader) {
      List<Article> all = new ArrayList<>();
      Optional<Article> a;
      while ((a = reader.next()).isPresent()) {
        all.add(a.get());
      }
      return all;
    }
  }

  static ProblemLog lenient() {
    return new ProblemLog(ReadMode.LENIENT);
  }

  static ProblemLog strict() {
    return new ProblemLog(ReadMode.STRICT);
  }

  /** Writes a UTF-8 file, creating its folders. */
  static Path write(Path dir, String relative, String text) throws IOException {
    return write(dir, relative, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a file, creating its folders. */
  static Path write(Path dir, String relative, byte[] bytes) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  /** The one article with an id. */
  static Article byId(List<Article> articles, String id) {
    return articles.stream()
        .filter(a -> a.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no article " + id));
  }
}
