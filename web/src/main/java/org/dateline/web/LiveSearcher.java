package org.dateline.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.dateline.NewsSearcher;

/**
 * The one searcher every request shares, opened on first use and refreshed at most every {@link
 * #REFRESH_MILLIS} ms, so a commit of a writer is visible to the next requests without a restart.
 * When the index cannot be opened or refreshed, each request tries again to open it (and is
 * answered 503 meanwhile).
 */
final class LiveSearcher implements AutoCloseable {
  /** How stale a request's view of the index may be, at most. */
  static final long REFRESH_MILLIS = 200;

  private final Path index;
  private final AtomicLong lastRefresh = new AtomicLong();
  private volatile NewsSearcher searcher;
  private boolean closed;

  LiveSearcher(Path index) {
    this.index = index;
  }

  /** The index folder. */
  Path index() {
    return index;
  }

  /**
   * Returns the shared searcher, fresh to within {@link #REFRESH_MILLIS} ms.
   *
   * @throws org.dateline.IndexUnavailableException when the index cannot be opened
   * @throws IOException when it cannot be read
   */
  NewsSearcher get() throws IOException {
    NewsSearcher s = searcher;
    if (s == null) {
      return open();
    }
    long now = System.nanoTime();
    long last = lastRefresh.get();
    // One request refreshes; the others meanwhile use the version they have.
    if (now - last > REFRESH_MILLIS * 1_000_000 && lastRefresh.compareAndSet(last, now)) {
      try {
        s.refresh();
      } catch (IOException e) {
        return reopen(s, e);
      }
    }
    return s;
  }

  /**
   * The index cannot be refreshed (deleted, damaged, replaced by another folder): drop the searcher
   * and open the folder afresh. Searches running on the old one finish on it.
   */
  private synchronized NewsSearcher reopen(NewsSearcher broken, IOException cause)
      throws IOException {
    if (searcher == broken) {
      searcher = null;
      try {
        broken.close();
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
    try {
      return open();
    } catch (IOException e) {
      e.addSuppressed(cause);
      throw e;
    }
  }

  private synchronized NewsSearcher open() throws IOException {
    if (closed) {
      throw new IllegalStateException("the server is stopped");
    }
    if (searcher == null) {
      searcher = NewsSearcher.open(index);
      lastRefresh.set(System.nanoTime());
    }
    return searcher;
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    if (searcher != null) {
      searcher.close();
      searcher = null;
    }
  }
}
