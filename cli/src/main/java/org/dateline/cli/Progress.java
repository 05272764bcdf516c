package org.dateline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.dateline.Article;
import org.dateline.ingest.ArticleReader;

/**
 * A one-line progress display on stderr while indexing, redrawn a few times a second once the run
 * has lasted a second; nothing is drawn when stderr is not a terminal.
 *
 * <p>It shows the articles read, articles per second and the time elapsed; and when the size of the
 * input is known and the readers say how many bytes they have read (compressed bytes for an
 * archive), the percent done, the bytes read of the total and the time left, as {@code pv} and
 * {@code rsync --progress} do. Time left is the time so far scaled by the bytes still to read: an
 * estimate from the average rate since the start, which settles as the run goes on.
 */
final class Progress implements AutoCloseable {
  private static final long FIRST_DRAW_NANOS = Duration.ofSeconds(1).toNanos();
  private static final long REDRAW_MILLIS = 250;

  private final PrintWriter err;
  private final long totalBytes;
  private final LongSupplier clock;
  private final AtomicLong articles = new AtomicLong();
  private final AtomicLong bytes;
  private final long start;
  private final Thread painter;
  private volatile boolean drawn;

  /**
   * Creates one.
   *
   * @param totalBytes the size of the input, or -1 when unknown
   * @param clock the time in nanoseconds ({@link System#nanoTime()} but in tests)
   */
  Progress(PrintWriter err, boolean show, long totalBytes, LongSupplier clock) {
    this.err = err;
    this.totalBytes = totalBytes;
    // With a known size, 0% until the first article says how far its reader got.
    this.bytes = new AtomicLong(totalBytes > 0 ? 0 : -1);
    this.clock = clock;
    this.start = clock.getAsLong();
    this.painter = show ? Thread.ofPlatform().daemon().name("progress").start(this::paint) : null;
  }

  /**
   * Starts the display, without a known input size: no percent, no time left.
   *
   * @param err where to draw
   * @param show whether to draw at all (stderr is a terminal)
   */
  static Progress start(PrintWriter err, boolean show) {
    return start(err, show, -1);
  }

  /**
   * Starts the display.
   *
   * @param err where to draw
   * @param show whether to draw at all (stderr is a terminal)
   * @param totalBytes the size of the input, or -1 when unknown
   */
  static Progress start(PrintWriter err, boolean show, long totalBytes) {
    return new Progress(err, show, totalBytes, System::nanoTime);
  }

  /** Returns a reader that counts the articles it passes on, and the bytes its input has read. */
  ArticleReader counting(ArticleReader reader) {
    return new ArticleReader() {
      @Override
      public Optional<Article> next() throws IOException {
        Optional<Article> a = reader.next();
        if (a.isPresent()) {
          articles.incrementAndGet();
        }
        // Read here, on the reading thread; the painter only sees the copy.
        bytes.set(reader.bytesRead());
        return a;
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

  private void paint() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(REDRAW_MILLIS);
        long elapsed = clock.getAsLong() - start;
        if (elapsed >= FIRST_DRAW_NANOS) {
          draw(elapsed);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void draw(long elapsedNanos) {
    err.print("\r" + status(elapsedNanos) + "\u001B[K");
    err.flush();
    drawn = true;
  }

  /** The status line as it stands now. */
  String status() {
    return status(clock.getAsLong() - start);
  }

  private String status(long elapsedNanos) {
    long n = articles.get();
    double seconds = Math.max(elapsedNanos, 1) / 1e9;
    String counts =
        String.format(
            Locale.ROOT,
            "%,d articles  %,.0f articles/s  %s",
            n,
            n / seconds,
            clock(Math.round(Math.floor(seconds))));
    long read = bytes.get();
    if (totalBytes <= 0 || read < 0) {
      return "indexing: " + counts;
    }
    long done = Math.min(read, totalBytes);
    // Never 100% before the end: the last article may still be on its way to the index.
    long percent = done == totalBytes ? 100 : Math.min(99, done * 100 / totalBytes);
    String left =
        done == 0 ? "--:--" : clock(Math.round(seconds * (totalBytes - done) / (double) done));
    return String.format(
        Locale.ROOT,
        "indexing: %3d%%  %s of %s  %s  %s left",
        percent,
        TextPrinter.bytes(done),
        TextPrinter.bytes(totalBytes),
        counts,
        left);
  }

  /** m:ss, or h:mm:ss from an hour. */
  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
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
