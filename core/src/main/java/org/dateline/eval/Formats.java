package org.dateline.eval;

import java.nio.file.Path;
import org.dateline.Problem;
import org.dateline.ingest.CorpusFormatException;

/** Errors in TREC files, worded with the file and line. */
final class Formats {
  private Formats() {}

  static CorpusFormatException bad(Path file, long line, String reason) {
    return new CorpusFormatException(
        new Problem(file == null ? "(text)" : file.toString(), line, reason));
  }
}
