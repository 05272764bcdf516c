package org.dateline.ingest;

import java.io.IOException;
import java.util.Optional;
import org.dateline.Article;

/**
 * Reads several readers one after the other, opening each only when the one before is done: a
 * folder of a million files holds one file open at a time.
 */
abstract class ChainReader implements ArticleReader {
  private ArticleReader current;
  private boolean closed;
  private long finishedBytes;

  /** Opens the next reader, or returns null when there are no more. */
  protected abstract ArticleReader nextReader() throws IOException;

  /** Releases what the chain itself holds, after the current reader is closed. */
  protected void closeSource() throws IOException {}

  @Override
  public final Optional<Article> next() throws IOException {
    if (closed) {
      throw new IllegalStateException("reader is closed");
    }
    while (true) {
      if (current == null) {
        current = nextReader();
        if (current == null) {
          return Optional.empty();
        }
      }
      Optional<Article> article = current.next();
      if (article.isPresent()) {
        return article;
      }
      ArticleReader done = current;
      current = null;
      finishedBytes += Math.max(done.bytesRead(), 0);
      done.close();
    }
  }

  /**
   * The bytes of the readers done with, those passed over ({@link #passed(long)}) and what the
   * current reader has read.
   */
  @Override
  public long bytesRead() {
    ArticleReader c = current;
    return finishedBytes + (c == null ? 0 : Math.max(c.bytesRead(), 0));
  }

  /** Counts input the chain passed over without a reader (a file it skipped) as read. */
  protected final void passed(long bytes) {
    finishedBytes += bytes;
  }

  @Override
  public final void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    ArticleReader c = current;
    current = null;
    try {
      if (c != null) {
        c.close();
      }
    } finally {
      closeSource();
    }
  }

  /**
   * A reader of at most one article already parsed.
   *
   * @param bytes the size of the input it was parsed from
   */
  static ArticleReader of(Optional<Article> article, long bytes) {
    return new ArticleReader() {
      private Optional<Article> left = article;

      @Override
      public long bytesRead() {
        return bytes;
      }

      @Override
      public Optional<Article> next() {
        Optional<Article> a = left;
        left = Optional.empty();
        return a;
      }

      @Override
      public void close() {}
    };
  }
}
