package org.dateline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.dateline.Article;
import org.dateline.Problem;

/**
 * Reads plain-text articles: one file, or every {@code *.txt} and {@code *.text} file (any case) in
 * a folder tree, walked in name order without following symbolic links and passing over hidden
 * files and folders. Each file is one article, read when its turn comes.
 *
 * <p><b>Text.</b> UTF-8, a byte order mark dropped. Bad bytes are replaced with U+FFFD and counted
 * as a warning. A file with a NUL byte in its first 8 KB is binary and skipped; so is an empty or
 * blank file.
 *
 * <p><b>Header lines</b> may open the file, with the keys {@code date}, {@code source}, {@code
 * title}, {@code url} and {@code id}, written {@code key: value} (key in any case) or {@code key
 * value} (key in lower case). The header ends at the first line that is not one. In the colon-less
 * form the date is the longest run of up to six words that reads as a date, and the rest of the
 * line starts the body ({@code date 2017-01-24 A federal appeals court...}); when the word after
 * {@code date} starts with a digit or is a month name and no run reads as a date, the article is
 * skipped for its bad date, and otherwise the line is body text. With a colon the whole value must
 * be a date. Dates are read by {@link org.dateline.Dates}.
 *
 * <p><b>Title.</b> A header title; else the first line of the body when it reads as a headline (3
 * to 25 words, at most 200 characters, not ending in {@code . ! ? : ; ,}, followed by a blank line
 * or the end), which is then taken out of the body; else the first sentence of the body, cut at a
 * word to about 90 characters, marked {@link Article#titleDerived()}.
 *
 * <p><b>Id</b>: the path relative to the folder given, with '/' separators (for a single file, its
 * name). <b>Body</b>: the rest, trimmed, paragraphs kept apart by one blank line.
 *
 * <p><b>Metadata.</b> A {@code metadata.csv} (with a header row) or {@code metadata.jsonl} in the
 * folder given (for a single file, in its folder) describes files by their relative path in the
 * column {@code file}. Its {@code id}, {@code title}, {@code date}, {@code source} and {@code url}
 * replace what the text says; any other column with a value becomes an extra keyword field. A
 * metadata date that does not parse is a problem of that article; a row naming a file that does not
 * exist is a warning.
 *
 * <p><b>Scraped pages.</b> Text saved from a web page often carries the page around the story:
 * a recirculation block after it (teaser headlines and summaries cut off with "...", "Related",
 * "Most Popular" and "You Might Like" headings, deal alerts, affiliate and comment notices, the
 * author's bio), a "Related" link dropped between two paragraphs, photo credits and byline bars.
 * These are trimmed by their shape and position (see {@link ReadOptions#keepBoilerplate()} to keep
 * them, and {@link ReadOptions#explain()} to see each decision): a story's paragraphs come in a
 * row, teasers alternate short headlines and cut summaries after it. Text that is not scraped
 * (wire copy, tables, lists, a closing sign-off) keeps every line.
 *
 * <p>An article with neither a title nor a body is skipped. Problems go to the {@link ProblemLog}
 * given, which in strict mode turns the first skip into a {@link CorpusFormatException}.
 */
public final class TextArticleReader implements ArticleReader {
  /**
   * The version of what this reader makes of the same bytes, raised whenever that changes (2:
   * scraped debris trimmed). Caches of indexed text, such as {@link org.dateline.SampleCorpus}'s,
   * key on it, so that a new reader rebuilds them.
   */
  public static final int VERSION = 2;

  private final Path path;
  private final ProblemLog log;
  private final ReadOptions options;
  private ArticleReader delegate;
  private boolean done;

  /**
   * Creates a reader; nothing is read until {@link #next()}.
   *
   * @param fileOrFolder one text file, or a folder to walk
   * @param log where problems go
   */
  public TextArticleReader(Path fileOrFolder, ProblemLog log) {
    this(fileOrFolder, log, ReadOptions.DEFAULT);
  }

  /**
   * Creates a reader with options for what it keeps and explains; nothing is read until {@link
   * #next()}.
   *
   * @param fileOrFolder one text file, or a folder to walk
   * @param log where problems go
   * @param options whether to keep scraped boilerplate, and where to report each block's fate
   */
  public TextArticleReader(Path fileOrFolder, ProblemLog log, ReadOptions options) {
    this.path = Objects.requireNonNull(fileOrFolder, "fileOrFolder");
    this.log = Objects.requireNonNull(log, "log");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public Optional<Article> next() throws IOException {
    if (done) {
      return Optional.empty();
    }
    if (delegate == null) {
      if (Files.isDirectory(path)) {
        delegate = new TreeReader(path, Format.TEXT, false, log, options);
      } else if (Files.isRegularFile(path)) {
        long size = InputSize.of(path);
        delegate = ChainReader.of(readFile(), size);
      } else {
        done = true;
        log.skip(
            new Problem(
                path.toString(),
                0,
                Files.exists(path) ? "not a regular file or folder" : "no such file or folder"));
        return Optional.empty();
      }
    }
    Optional<Article> article = delegate.next();
    if (article.isEmpty()) {
      done = true;
    }
    return article;
  }

  private Optional<Article> readFile() throws IOException {
    Path folder = path.toAbsolutePath().getParent();
    Metadata metadata = folder == null ? Metadata.NONE : Metadata.load(folder, log, false);
    String name = path.getFileName().toString();
    return TextArticles.read(path, path.toString(), name, metadata, log, options);
  }

  /** The bytes of the files read so far. */
  @Override
  public long bytesRead() {
    ArticleReader d = delegate;
    return d == null ? 0 : d.bytesRead();
  }

  /** Closes the file or folder walk under way. */
  @Override
  public void close() throws IOException {
    done = true;
    if (delegate != null) {
      delegate.close();
    }
  }
}
