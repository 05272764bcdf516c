package org.dateline.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.dateline.eval.ExtractionEvaluation;
import org.dateline.eval.ExtractionScores;

/**
 * Lists the pages of trafilatura's evaluation set whose publication date is not the annotated one:
 * file, URL, expected day and the day found (or {@code -} for none), one page a line, then the date
 * accuracy. For finding out why dates are missed.
 *
 * <p>Usage: {@code DateMisses [trafilatura-eval.tar.gz]}, default as for {@link ExtractionBench}.
 */
public final class DateMisses {
  private DateMisses() {}

  /**
   * Runs the evaluation and prints the pages whose date is wrong or missing.
   *
   * @param args the archive's path, optional
   * @throws Exception when the archive cannot be read
   */
  public static void main(String[] args) throws Exception {
    Path archive =
        Path.of(
            args.length > 0
                ? args[0]
                : "../shared/data/trafilatura-eval/trafilatura-eval.tar.gz");
    ExtractionScores s =
        ExtractionEvaluation.evaluate(
            archive,
            p -> {
              if (!p.expectedDate().isBlank()
                  && !ExtractionEvaluation.sameDay(p.expectedDate(), p.date())) {
                System.out.printf(
                    Locale.ROOT, "%s\t%s\texpected %s\tfound %s%n", p.file(), p.url(),
                    p.expectedDate(), p.date().isEmpty() ? "-" : p.date());
              }
            });
    System.out.printf(
        Locale.ROOT, "date %.4f (%d of %d)%n", s.dateAccuracy(), s.datesRight(),
        s.datesAnnotated());
  }
}
