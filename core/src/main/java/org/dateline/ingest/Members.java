package org.dateline.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.dateline.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.dateline.Problem;

/** Which reader reads a file or an archive entry, chosen from its name and the format asked for. */
final class Members {
  private Members() {}

  /** What a corpus member is. */
  enum Kind {
    TEXT,
    JSONL,
    REUTERS,
    HTML,
    WARC,
    FEED,
    ARCHIVE
  }

  /** The kind a name has by its extension alone, or null. */
  static Kind byExtension(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
      return Kind.ARCHIVE;
    }
    if (n.endsWith(".sgm")) {
      return Kind.REUTERS;
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Kind.JSONL;
    }
    if (n.endsWith(".txt") || n.endsWith(".text")) {
      return Kind.TEXT;
    }
    if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) {
      return Kind.HTML;
    }
    if (n.endsWith(".warc") || n.endsWith(".warc.gz")) {
      return Kind.WARC;
    }
    if (n.endsWith(".rss") || n.endsWith(".atom")) {
      return Kind.FEED;
    }
    return null;
  }

  /** Whether a name is that of an XML file that may be a feed; its content decides. */
  static boolean maybeFeed(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".xml");
  }

  /**
   * Whether a file's first bytes read as an RSS or Atom feed: an {@code <rss}, {@code <feed} or
   * {@code <rdf:RDF} element within its first 2 KB.
   */
  static boolean looksLikeFeed(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(2048), java.nio.charset.StandardCharsets.ISO_8859_1);
      return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The kind of a file met inside a folder or an archive, or null when the format does not read it:
   * AUTO reads every known extension, an explicit format only its own (and archives).
   */
  static Kind inCorpus(String name, Format format) {
    Kind k = byExtension(name);
    if (k == null || k == Kind.ARCHIVE || format == Format.AUTO) {
      return k;
    }
    return k == of(format) ? k : null;
  }

  /**
   * The kind of a file named directly: an archive by its name; otherwise the format asked for, or
   * with AUTO the extension, text when the extension says nothing.
   */
  static Kind named(String name, Format format) {
    Kind k = byExtension(name);
    if (k == Kind.ARCHIVE) {
      return k;
    }
    if (format != Format.AUTO) {
      return of(format);
    }
    return k == null ? Kind.TEXT : k;
  }

  private static Kind of(Format format) {
    return switch (format) {
      case TEXT -> Kind.TEXT;
      case JSONL -> Kind.JSONL;
      case REUTERS -> Kind.REUTERS;
      case HTML -> Kind.HTML;
      case WARC -> Kind.WARC;
      case FEED -> Kind.FEED;
      case AUTO -> throw new IllegalArgumentException("AUTO is not one kind");
    };
  }

  /**
   * Whether a name is that of a file in a corpus format with its own structure. In AUTO mode text
   * files beside such files are their documentation (the Reuters-21578 README.txt and category
   * lists), not articles.
   */
  static boolean structured(String name) {
    Kind k = byExtension(name);
    return k == Kind.REUTERS || k == Kind.JSONL;
  }

  /**
   * Opens the reader of one stream of a web format.
   *
   * @param kind HTML, WARC or FEED
   * @param label the file's name for problems
   * @param id the article id of an HTML page
   */
  static ArticleReader web(
      Kind kind, String label, String id, InputStream in, ProblemLog log, ReadOptions options)
      throws IOException {
    return switch (kind) {
      case WARC -> new WarcArticleReader(label, in, log, options);
      case FEED -> new FeedArticleReader(label, in, log, options);
      case HTML -> {
        CountingStream counted = new CountingStream(in);
        try (InputStream page = counted) {
          Optional<Article> article = HtmlPageReader.read(page, label, id, log, options);
          yield ChainReader.of(article, counted.count());
        }
      }
      default -> throw new IllegalArgumentException("not a web format: " + kind);
    };
  }

  /** Whether a kind is one of the web formats. */
  static boolean isWeb(Kind kind) {
    return kind == Kind.HTML || kind == Kind.WARC || kind == Kind.FEED;
  }

  /** Opens a file, or logs why it cannot be and returns null. */
  static InputStream open(Path file, String label, ProblemLog log) throws CorpusFormatException {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      log.skip(new Problem(label, 0, "cannot read: " + e.getMessage()));
      return null;
    }
  }

  /** Reads a stream it does not own: closing it leaves the underlying stream open. */
  static InputStream shielded(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }
}
