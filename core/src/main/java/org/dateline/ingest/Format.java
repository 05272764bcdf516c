package org.dateline.ingest;

import java.util.Locale;

/** Input formats a corpus can come in. */
public enum Format {
  /**
   * Chosen per file from its name: {@code .sgm} Reuters, {@code .jsonl}/{@code .ndjson} JSON Lines,
   * {@code .tar.gz}/{@code .tgz} archives entry by entry, other text (see {@link ArticleReaders}).
   */
  AUTO,
  /** Plain-text files, one article each, with optional header lines. */
  TEXT,
  /** JSON Lines: one article per line. */
  JSONL,
  /** Reuters-21578 SGML files. */
  REUTERS;

  /**
   * Parses a format name, ignoring case.
   *
   * @param name one of auto, text, jsonl, reuters
   * @return the format
   * @throws IllegalArgumentException for any other name
   */
  public static Format parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "format must be one of auto, text, jsonl, reuters (got: " + name + ")", e);
    }
  }
}
