package org.dateline.ingest;

import java.io.IOException;
import org.dateline.Problem;

/** A record of a corpus that cannot be read (in strict mode), naming the file and line. */
public class CorpusFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  /**
   * Creates one.
   *
   * @param problem where and what
   */
  public CorpusFormatException(Problem problem) {
    super(problem.toString());
    this.problem = problem;
  }

  /** Returns the file, line and reason. */
  public Problem problem() {
    return problem;
  }
}
