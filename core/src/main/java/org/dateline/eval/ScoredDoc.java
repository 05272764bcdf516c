package org.dateline.eval;

import java.util.Objects;

/**
 * One retrieved document of a run.
 *
 * @param docno the document id, as the qrels write it; not blank, no whitespace
 * @param score the retrieval score; higher is better; finite
 */
public record ScoredDoc(String docno, double score) {
  /** Validates. */
  public ScoredDoc {
    Objects.requireNonNull(docno, "docno");
    if (docno.isBlank() || docno.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "docno must be one non-blank word (got: \"" + docno + "\")");
    }
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite (got: " + score + ")");
    }
  }
}
