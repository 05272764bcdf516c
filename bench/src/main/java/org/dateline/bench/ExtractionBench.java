package org.dateline.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.dateline.eval.ExtractionEvaluation;
import org.dateline.eval.ExtractionScores;

/**
 * Prints the main-text and metadata extraction scores on trafilatura's evaluation set, as that
 * project scores itself (see {@link ExtractionEvaluation}).
 *
 * <p>Usage: {@code ExtractionBench [--title-misses] [trafilatura-eval.tar.gz]}, default {@code
 * ../shared/data/trafilatura-eval/trafilatura-eval.tar.gz} from the repository root. {@code
 * --title-misses} first prints every page whose title is wrong, one tab-separated line each: file,
 * annotated title, title found.
 */
public final class ExtractionBench {
  private ExtractionBench() {}

  /**
   * Runs the evaluation and prints the figures.
   *
   * @param args the archive's path, optional
   * @throws Exception when the archive cannot be read
   */
  public static void main(String[] args) throws Exception {
    boolean titleMisses = false;
    String path = "../shared/data/trafilatura-eval/trafilatura-eval.tar.gz";
    for (String a : args) {
      if (a.equals("--title-misses")) {
        titleMisses = true;
      } else {
        path = a;
      }
    }
    Consumer<ExtractionEvaluation.PageOutcome> listener =
        !titleMisses
            ? null
            : o -> {
              if (!o.expectedTitle().isBlank() && !o.titleRight()) {
                System.out.println(
                    "title-miss\t" + o.file() + "\t" + o.expectedTitle() + "\t" + o.title());
              }
            };
    ExtractionScores s = ExtractionEvaluation.evaluate(Path.of(path), listener);
    System.out.printf(
        Locale.ROOT,
        "pages %d%nsegments: tp %d, fn %d, fp %d, tn %d%nprecision %.4f%nrecall %.4f%nf1 %.4f%n"
            + "title %.4f (%d of %d)%ndate %.4f (%d of %d)%nauthor %.4f (%d of %d)%n",
        s.pages(), s.truePositives(), s.falseNegatives(), s.falsePositives(), s.trueNegatives(),
        s.precision(), s.recall(), s.f1(),
        s.titleAccuracy(), s.titlesRight(), s.titlesAnnotated(),
        s.dateAccuracy(), s.datesRight(), s.datesAnnotated(),
        s.authorAccuracy(), s.authorsRight(), s.authorsAnnotated());
  }
}
