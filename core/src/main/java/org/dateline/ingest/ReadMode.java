package org.dateline.ingest;

/** What a reader does with a record it cannot read. */
public enum ReadMode {
  /** The first bad record fails the run with a {@link CorpusFormatException} naming file and line. */
  STRICT,
  /** Bad records are skipped, counted, and the first reasons kept in the {@link ProblemLog}. */
  LENIENT
}
