package org.dateline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.dateline.Article;
import org.dateline.ingest.ArticleReader;

/**
 * A one-line progress display on stderr while indexing: articles read, articles per second and
 * elapsed time, redrawn a few times a second once the run has lasted a second. Nothing is drawn
 * when stderr is not a terminal.
 *
 * <p>No ETA: the readers do not say how far through their input they are (a compressed archive's
 * article count is unknown until its end), and a made-up estimate would be worse than none.
 */
final class Progress implements AutoCloseable {
  private static final long FIRST_DRAW_NANOS = Duration.ofSeconds(1).toNanos();
  private static final long REDRAW_MILLIS = 250;

  private final PrintWriter err;
  private final AtomicLong articles = new AtomicLong();
  private final long start = System.nanoTime();
  private final Thread painter;
  private volatile boolean drawn;

  private Progress(PrintWriter err, boolean show) {
    this.err = err;
    this.painter = show ? Thread.ofPlatform().daemon().name("progress").start(this::paint) : null;
  }

  /**
   * Starts the display.
   *
   * @param err where to draw
   * @param show whether to draw at all (stderr is a terminal)
   */
  static Progress start(PrintWriter err, boolean show) {
    return new Progress(err, show);
  }

  /** Returns a reader that counts the articles it passes on. */
  ArticleReader counting(ArticleReader reader) {
    return new ArticleReader() {
      @Override
      public Optional<Article> next() throws IOException {
        Optional<Article> a = reader.next();
        if (a.isPresent()) {
          articles.incrementAndGet();
        }
        return a;
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }

  private void paint() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(REDRAW_MILLIS);
        long elapsed = System.nanoTime() - start;
        if (elapsed >= FIRST_DRAW_NANOS) {
          draw(elapsed);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void draw(long elapsedNanos) {
    long n = articles.get();
    double seconds = elapsedNanos / 1e9;
    long s = (long) seconds;
    err.print(
        String.format(
            Locale.ROOT,
            "\rindexing: %,d articles  %,.0f articles/s  %d:%02d\u001B[K",
            n,
            n / seconds,
            s / 60,
            s % 60));
    err.flush();
    drawn = true;
  }

  /** Stops drawing and clears the line, so the summary starts on a clean line. */
  @Override
  public void close() {
    if (painter == null) {
      return;
    }
    painter.interrupt();
    try {
      painter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (drawn) {
        err.print("\r\u001B[K");
        err.flush();
      }
    }
  }
}
