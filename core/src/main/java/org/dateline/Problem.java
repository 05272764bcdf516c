package org.dateline;

import java.util.Objects;

/**
 * Something wrong with one record of the input: where it is and why.
 *
 * @param file the file (or archive entry) it came from
 * @param line the 1-based line where the record starts, or 0 when the problem concerns the whole
 *     file
 * @param reason what is wrong, in words a person can act on
 */
public record Problem(String file, long line, String reason) {
  /** Validates. */
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  /** Returns {@code file:line: reason}, or {@code file: reason} when the line is unknown. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
  }
}
