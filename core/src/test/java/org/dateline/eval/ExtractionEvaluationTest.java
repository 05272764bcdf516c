package org.dateline.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Main-text and metadata extraction on trafilatura's 990 evaluation pages, scored as that project
 * scores itself. The floors are the figures reached (README, bench/), rounded down: a change that
 * makes extraction worse fails here. Deterministic: no timing, no randomness.
 */
class ExtractionEvaluationTest {
  @Test
  void scoresStayAtOrAboveTheFiguresReached() throws Exception {
    Path archive =
        Path.of("").toAbsolutePath().resolve("../../shared/data/trafilatura-eval/trafilatura-eval.tar.gz")
            .normalize();
    assumeTrue(Files.isRegularFile(archive), "trafilatura-eval is not in ../shared/data: " + archive);
    ExtractionScores s = ExtractionEvaluation.evaluate(archive, null);
    String figures =
        String.format(
            java.util.Locale.ROOT,
            "P %.4f R %.4f F1 %.4f title %.4f date %.4f author %.4f",
            s.precision(), s.recall(), s.f1(), s.titleAccuracy(), s.dateAccuracy(),
            s.authorAccuracy());
    assertTrue(s.pages() == 990, "pages scored: " + s.pages());
    assertTrue(s.f1() >= F1_FLOOR, figures);
    assertTrue(s.titleAccuracy() >= TITLE_FLOOR, figures);
    assertTrue(s.dateAccuracy() >= DATE_FLOOR, figures);
    assertTrue(s.authorAccuracy() >= AUTHOR_FLOOR, figures);
  }

  static final double F1_FLOOR = 0.932;
  static final double TITLE_FLOOR = 0.91;
  static final double DATE_FLOOR = 0.90;
  static final double AUTHOR_FLOOR = 0.55;
}
