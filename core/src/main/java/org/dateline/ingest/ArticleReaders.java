package org.dateline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dateline.Article;
import org.dateline.Problem;

/**
 * Opens the reader for a corpus: one entry point for every format.
 *
 * <p>With {@link Format#AUTO} each file is read by its name: {@code .sgm} as Reuters-21578 ({@link
 * ReutersArticleReader}), {@code .jsonl} and {@code .ndjson} as JSON Lines ({@link
 * JsonlArticleReader}), {@code .html} and {@code .htm} as web pages, {@code .warc} and {@code
 * .warc.gz} as web archives, {@code .rss}, {@code .atom} and {@code .xml} files that open as a feed
 * as RSS or Atom feeds (the web formats: see {@link org.dateline.page}), {@code .tar.gz} and {@code
 * .tgz} archives entry by entry by the same rule, and anything else as plain text ({@link
 * TextArticleReader}). The id of a web page read from a folder is its path relative to the folder,
 * as for text files; a WARC record's and a feed item's is its URL. A folder is walked as the text
 * reader walks it, and may mix formats: {@code .txt} and {@code .text} files are text articles,
 * with the folder's metadata file, {@code .sgm}, {@code .jsonl}, {@code .ndjson} and archive files
 * are read by their readers, other files are passed over. A text file that sits beside {@code .sgm}
 * or JSON Lines files in the same folder (or archive folder) is taken for their documentation and
 * passed over too: the Reuters-21578 distribution ships its README and category lists as {@code
 * .txt} files.
 *
 * <p>An explicit format reads every file named directly with that reader, whatever its name; in
 * folders and archives it reads the files with that format's extensions (so {@link Format#REUTERS}
 * on a {@code .tar.gz} reads its {@code .sgm} entries).
 */
public final class ArticleReaders {
  private ArticleReaders() {}

  /**
   * Opens the corpus made of several files and folders, read one after the other in the order
   * given. Nothing is opened before the first {@link ArticleReader#next()}; a path that does not
   * exist is a problem met when its turn comes.
   *
   * @param paths files, folders and archives
   * @param format how to read them
   * @param log where problems go; in strict mode the first skip ends the reading
   * @return the articles of all paths
   */
  public static ArticleReader open(List<Path> paths, Format format, ProblemLog log) {
    return open(paths, format, log, ReadOptions.DEFAULT);
  }

  /**
   * Opens the corpus made of several files and folders, as {@link #open(List, Format, ProblemLog)}
   * does, with options for what readers keep and explain.
   *
   * @param paths files, folders and archives
   * @param format how to read them
   * @param log where problems go; in strict mode the first skip ends the reading
   * @param options boilerplate and explanation options
   * @return the articles of all paths
   */
  public static ArticleReader open(
      List<Path> paths, Format format, ProblemLog log, ReadOptions options) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(log, "log");
    Iterator<Path> it = List.copyOf(paths).iterator();
    return new ChainReader() {
      @Override
      protected ArticleReader nextReader() throws IOException {
        while (it.hasNext()) {
          Path path = it.next();
          ArticleReader reader = open(path, format, log, options);
          if (reader != null) {
            return reader;
          }
        }
        return null;
      }
    };
  }

  private static ArticleReader open(Path path, Format format, ProblemLog log, ReadOptions options)
      throws IOException {
    String label = path.toString();
    if (Files.isDirectory(path)) {
      return new TreeReader(path, format, true, log, options);
    }
    if (!Files.isRegularFile(path)) {
      log.skip(
          new Problem(
              label,
              0,
              Files.exists(path) ? "not a regular file or folder" : "no such file or folder"));
      return null;
    }
    Path name = path.getFileName();
    String fileName = name == null ? label : name.toString();
    Members.Kind kind = Members.named(fileName, format);
    if (format == Format.AUTO && kind == Members.Kind.TEXT && Members.maybeFeed(fileName)
        && Members.looksLikeFeed(path)) {
      kind = Members.Kind.FEED;
    }
    if (kind == Members.Kind.TEXT) {
      return new TextArticleReader(path, log, options);
    }
    if (kind == Members.Kind.ARCHIVE) {
      return new TarReader(path, format, log, options);
    }
    InputStream in = Members.open(path, label, log);
    if (in == null) {
      return null;
    }
    if (Members.isWeb(kind)) {
      return Members.web(kind, label, fileName, in, log, options);
    }
    return kind == Members.Kind.JSONL
        ? new JsonlArticleReader(label, in, log)
        : new ReutersArticleReader(label, in, log);
  }

  /**
   * Gives a source to the articles that have none, e.g. the name of a corpus that does not say who
   * published it.
   *
   * @param reader the articles
   * @param source the source to fill in
   * @return a reader of the same articles; closing it closes {@code reader}
   */
  public static ArticleReader withDefaultSource(ArticleReader reader, String source) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(source, "source");
    return new ArticleReader() {
      @Override
      public Optional<Article> next() throws IOException {
        return reader
            .next()
            .map(
                a ->
                    a.source().isEmpty()
                        ? new Article(
                            a.id(),
                            a.title(),
                            a.titleDerived(),
                            a.body(),
                            a.date(),
                            source,
                            a.url(),
                            a.fields())
                        : a);
      }

      @Override
      public long bytesRead() {
        return reader.bytesRead();
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }
}
