package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.dateline.Article;
import org.dateline.ingest.ArticleReader;
import org.junit.jupiter.api.Test;

class ProgressTest {
  /** Hands out articles slowly enough that the run outlasts the first second. */
  private static ArticleReader slow(int count) {
    return new ArticleReader() {
      int left = count;

      @Override
      public Optional<Article> next() {
        if (left == 0) {
          return Optional.empty();
        }
        left--;
        try {
          Thread.sleep(1400 / count);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Optional.of(new Article("id" + left, "Title", false, "Body", null, "", null, null));
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void aLongRunOnATerminalShowsCountRateAndTimeThenClearsTheLine() throws Exception {
    StringWriter err = new StringWriter();
    try (Progress p = Progress.start(new PrintWriter(err), true);
        ArticleReader r = p.counting(slow(20))) {
      while (r.next().isPresent()) {
        // read them all
      }
    }
    String shown = err.toString();
    assertTrue(
        shown.matches("(?s)\rindexing: \\d+ articles  \\d+ articles/s  0:01\u001B\\[K.*"), shown);
    assertTrue(shown.endsWith("\r\u001B[K"), shown);
  }

  @Test
  void nothingIsDrawnWhenStderrIsNotATerminal() throws Exception {
    StringWriter err = new StringWriter();
    try (Progress p = Progress.start(new PrintWriter(err), false);
        ArticleReader r = p.counting(slow(20))) {
      while (r.next().isPresent()) {
        // read them all
      }
    }
    assertEquals("", err.toString());
  }

  /** A clock the test sets, in nanoseconds. */
  private final AtomicLong now = new AtomicLong(5_000_000_000L);

  private void at(double seconds) {
    now.set(5_000_000_000L + Math.round(seconds * 1e9));
  }

  /** Hands out {@code count} articles, its input read to the byte counts given after each. */
  private static ArticleReader reading(long... bytesAfterEach) {
    return new ArticleReader() {
      int given;

      @Override
      public Optional<Article> next() {
        if (given == bytesAfterEach.length) {
          return Optional.empty();
        }
        given++;
        return Optional.of(new Article("id" + given, "Title", false, "Body", null, "", null, null));
      }

      @Override
      public long bytesRead() {
        return given == 0 ? 0 : bytesAfterEach[given - 1];
      }

      @Override
      public void close() {}
    };
  }

  /** A display that starts at the clock's zero, drawing nowhere; read it with status(). */
  private Progress progress(long total) {
    at(0);
    return new Progress(new PrintWriter(new StringWriter()), false, total, now::get);
  }

  @Test
  void percentSizeAndTimeLeftComeFromTheBytesReadOfAKnownTotal() throws Exception {
    try (Progress p = progress(2_000_000);
        ArticleReader r = p.counting(reading(100_000, 500_000, 1_999_000, 2_000_000))) {
      at(10);
      r.next();
      r.next();
      // A quarter read in 10 s: 30 s to go at the same rate.
      assertEquals(
          "indexing:  25%  488.3 KB of 1.9 MB  2 articles  0 articles/s  0:10  0:30 left",
          p.status());
      at(40);
      r.next();
      assertEquals(
          "indexing:  99%  1.9 MB of 1.9 MB  3 articles  0 articles/s  0:40  0:00 left",
          p.status(), "never 100% before the input is all read");
      r.next();
      assertEquals(
          "indexing: 100%  1.9 MB of 1.9 MB  4 articles  0 articles/s  0:40  0:00 left",
          p.status());
    }
  }

  @Test
  void theRateAndTheTimesAreThoseOfTheClock() throws Exception {
    try (Progress p = progress(10_000_000_000L);
        ArticleReader r = p.counting(reading(1_000_000_000L, 2_000_000_000L))) {
      r.next();
      at(3725);
      r.next();
      // 2 GB of 10 GB in 1 h 2 min 5 s: four times as long to go.
      assertEquals(
          "indexing:  20%  1.9 GB of 9.3 GB  2 articles  0 articles/s  1:02:05  4:08:20 left",
          p.status());
    }
    try (Progress p = progress(-1);
        ArticleReader r = p.counting(reading(10, 20, 30))) {
      r.next();
      r.next();
      r.next();
      at(1.5);
      assertEquals("indexing: 3 articles  2 articles/s  0:01", p.status());
    }
  }

  @Test
  void withoutAKnownSizeOrByteCountThereIsNoPercentNorTimeLeft() throws Exception {
    try (Progress p = progress(-1);
        ArticleReader r = p.counting(reading(10, 20))) {
      r.next();
      at(2);
      assertEquals("indexing: 1 articles  1 articles/s  0:02", p.status());
    }
    ArticleReader unknowing =
        new ArticleReader() {
          @Override
          public Optional<Article> next() {
            return Optional.of(new Article("x", "Title", false, "Body", null, "", null, null));
          }

          @Override
          public void close() {}
        };
    try (Progress p = progress(1000);
        ArticleReader r = p.counting(unknowing)) {
      r.next();
      at(2);
      assertEquals(
          "indexing: 1 articles  1 articles/s  0:02", p.status(), "the reader does not know");
    }
  }

  @Test
  void beforeAnyByteIsReadTimeLeftIsUnknown() throws Exception {
    try (Progress p = progress(1000);
        ArticleReader r = p.counting(reading(0))) {
      at(1);
      assertEquals(
          "indexing:   0%  0 B of 1000 B  0 articles  0 articles/s  0:01  --:-- left", p.status());
      r.next();
      assertEquals(
          "indexing:   0%  0 B of 1000 B  1 articles  1 articles/s  0:01  --:-- left", p.status());
    }
  }
}
