package org.dateline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.dateline.Article;
import org.dateline.eval.HtmlArticleReader;
import org.dateline.ingest.ArticleReader;

/** Reads several {@code .tar.gz} archives of HTML documents one after the other. */
final class HtmlArchives implements ArticleReader {
  private final Iterator<Path> archives;
  private final HtmlArticleReader.Layout layout;
  private HtmlArticleReader current;

  /**
   * Checks that every path is a file; nothing is opened before the first {@link #next()}.
   *
   * @throws IllegalArgumentException when a path is a folder: the HTML reader reads archives only
   */
  HtmlArchives(List<Path> archives, HtmlArticleReader.Layout layout) {
    for (Path p : archives) {
      if (Files.isDirectory(p)) {
        throw new IllegalArgumentException(
            "--format trec-html reads .tar.gz archives of .html files; " + p + " is a folder");
      }
    }
    this.archives = List.copyOf(archives).iterator();
    this.layout = layout;
  }

  @Override
  public Optional<Article> next() throws IOException {
    while (true) {
      if (current == null) {
        if (!archives.hasNext()) {
          return Optional.empty();
        }
        Path archive = archives.next();
        try {
          current = HtmlArticleReader.open(archive, layout);
        } catch (IOException e) {
          throw new IOException(
              archive + " is not a .tar.gz archive of .html files (" + e.getMessage() + ")", e);
        }
      }
      Optional<Article> a = current.next();
      if (a.isPresent()) {
        return a;
      }
      current.close();
      current = null;
    }
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
    }
  }
}
