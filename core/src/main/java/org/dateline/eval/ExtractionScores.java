package org.dateline.eval;

/**
 * How well web-page extraction did on an annotated set of pages, scored as trafilatura scores
 * itself: every segment that must be extracted and is found is a true positive, one missing a false
 * negative; every segment that must not be extracted and is found is a false positive, one absent a
 * true negative. Metadata is right when it equals the annotation (see {@link
 * ExtractionEvaluation}).
 *
 * @param pages pages scored
 * @param truePositives must-have segments found
 * @param falseNegatives must-have segments missing
 * @param falsePositives must-not segments found
 * @param trueNegatives must-not segments absent
 * @param titlesRight pages whose title matched
 * @param titlesAnnotated pages with an annotated title
 * @param datesRight pages whose date matched
 * @param datesAnnotated pages with an annotated date
 * @param authorsRight pages whose authors matched
 * @param authorsAnnotated pages with annotated authors
 */
public record ExtractionScores(
    int pages,
    int truePositives,
    int falseNegatives,
    int falsePositives,
    int trueNegatives,
    int titlesRight,
    int titlesAnnotated,
    int datesRight,
    int datesAnnotated,
    int authorsRight,
    int authorsAnnotated) {

  /** Returns the share of found segments that belong to the text. */
  public double precision() {
    int found = truePositives + falsePositives;
    return found == 0 ? 0 : (double) truePositives / found;
  }

  /** Returns the share of the text's segments that were found. */
  public double recall() {
    int wanted = truePositives + falseNegatives;
    return wanted == 0 ? 0 : (double) truePositives / wanted;
  }

  /** Returns the harmonic mean of precision and recall. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Returns the share of annotated titles matched. */
  public double titleAccuracy() {
    return titlesAnnotated == 0 ? 0 : (double) titlesRight / titlesAnnotated;
  }

  /** Returns the share of annotated dates matched. */
  public double dateAccuracy() {
    return datesAnnotated == 0 ? 0 : (double) datesRight / datesAnnotated;
  }

  /** Returns the share of annotated authors matched. */
  public double authorAccuracy() {
    return authorsAnnotated == 0 ? 0 : (double) authorsRight / authorsAnnotated;
  }
}
