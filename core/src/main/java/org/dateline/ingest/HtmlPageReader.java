package org.dateline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.dateline.Article;
import org.dateline.Problem;

/**
 * Reads one web page, from a file or an archive entry, as one article (see {@link WebArticles}):
 * its id the path given (relative to the folder read), its url the page's canonical URL when it
 * declares one.
 */
final class HtmlPageReader {
  private HtmlPageReader() {}

  /**
   * Reads a page.
   *
   * @param in the page's bytes; read up to the size limit, not closed
   * @param label the file's name for problems
   * @param id the article's id
   */
  static Optional<Article> read(
      InputStream in, String label, String id, ProblemLog log, ReadOptions options)
      throws IOException {
    byte[] bytes = in.readNBytes(WebArticles.MAX_PAGE_BYTES + 1);
    if (bytes.length == 0) {
      log.skip(new Problem(label, 0, "empty file"));
      return Optional.empty();
    }
    return WebArticles.read(bytes, null, label, 0, id, null, log, options);
  }
}
