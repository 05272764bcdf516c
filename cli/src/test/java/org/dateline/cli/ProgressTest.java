package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
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
        return Optional.of(
            new Article("id" + left, "Title", false, "Body", null, "", null, null));
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
    assertTrue(shown.matches("(?s)\rindexing: \\d+ articles  \\d+ articles/s  0:01\u001B\\[K.*"), shown);
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
}
