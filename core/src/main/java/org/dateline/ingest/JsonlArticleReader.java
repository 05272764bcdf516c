package org.dateline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dateline.Article;
import org.dateline.Dates;
import org.dateline.Problem;

/**
 * Reads JSON Lines: one JSON object per line, one article each, a line at a time.
 *
 * <p>Fields: {@code id} (required; a string or a number), {@code title}, {@code body} (or {@code
 * text}, or {@code content}), {@code date} (read by {@link Dates}), {@code source}, {@code url}.
 * Field names are matched after {@link Article#fieldName} ({@code "Title"} is {@code title}). Every
 * other field holding a string, a number, a boolean or an array of them becomes an extra keyword
 * field; nested objects are ignored. Without a title, one is derived from the lede as the {@link
 * TextArticleReader} does.
 *
 * <p>Skipped, with file and line: a line that is not JSON (nesting deeper than 100 included), not
 * an object, without an id, with a date that does not parse, or with neither title nor body. Blank
 * lines are passed over. Bad UTF-8 is replaced with U+FFFD and counted as a warning.
 */
public final class JsonlArticleReader implements ArticleReader {
  private static final Set<String> KNOWN =
      Set.of("id", "title", "body", "text", "content", "date", "source", "url");

  private final String name;
  private final Path file;
  private final ProblemLog log;
  private InputStream in;
  private ByteLines lines;
  private CountingStream counted;
  private boolean closed;

  /**
   * Creates a reader of a file; it is opened at the first {@link #next()}.
   *
   * @param file the JSON Lines file
   * @param log where problems go
   */
  public JsonlArticleReader(Path file, ProblemLog log) {
    this.file = Objects.requireNonNull(file, "file");
    this.name = file.toString();
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * Creates a reader of a stream, which it closes when closed.
   *
   * @param name how problems name the input (a file or archive entry)
   * @param in the bytes, UTF-8
   * @param log where problems go
   */
  public JsonlArticleReader(String name, InputStream in, ProblemLog log) {
    this.file = null;
    this.name = Objects.requireNonNull(name, "name");
    this.in = Objects.requireNonNull(in, "in");
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public Optional<Article> next() throws IOException {
    if (closed) {
      throw new IllegalStateException("reader is closed");
    }
    if (lines == null) {
      if (in == null) {
        in = Files.newInputStream(file);
      }
      counted = new CountingStream(in);
      lines = new ByteLines(counted);
    }
    while (lines.next()) {
      Utf8.Decoded decoded = Utf8.decode(lines.bytes(), lines.length());
      if (decoded.text().isBlank()) {
        continue;
      }
      if (decoded.repaired()) {
        log.warn(new Problem(name, lines.number(), "invalid UTF-8 replaced"));
      }
      Optional<Article> article = parse(decoded.text(), lines.number());
      if (article.isPresent()) {
        return article;
      }
    }
    return Optional.empty();
  }

  private Optional<Article> parse(String text, long line) throws CorpusFormatException {
    // streamed, not read into a tree: the tree's nodes were most of what reading allocated
    java.util.Map<String, Json.Property> object;
    try {
      object = Json.parseObject(text);
    } catch (IllegalArgumentException e) {
      return skip(line, e.getMessage());
    }
    RecordFields r = RecordFields.ofProperties(object, KNOWN, name, line, log);
    String id = r.get("id");
    if (id == null) {
      return skip(line, "no id");
    }
    Instant date = null;
    if (r.get("date") != null) {
      try {
        date = Dates.parse(r.get("date"));
      } catch (IllegalArgumentException e) {
        return skip(line, e.getMessage());
      }
    }
    String body = Objects.requireNonNullElse(r.first("body", "text", "content"), "");
    String title = r.get("title");
    boolean derived = title == null;
    if (derived) {
      title = Titles.derive(body);
    }
    if (title.isBlank() && body.isBlank()) {
      return skip(line, "no text (neither a title nor a body)");
    }
    return Optional.of(
        new Article(id, title, derived, body, date, r.get("source"), r.get("url"), r.extra()));
  }

  private Optional<Article> skip(long line, String reason) throws CorpusFormatException {
    log.skip(new Problem(name, line, reason));
    return Optional.empty();
  }

  /** The bytes read from the file or stream so far. */
  @Override
  public long bytesRead() {
    return counted == null ? 0 : counted.count();
  }

  /** Closes the input. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (lines != null) {
      lines.close();
    } else if (in != null) {
      in.close();
    }
  }
}
