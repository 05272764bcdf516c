package org.dateline.cli;

import org.dateline.ingest.Format;

/**
 * The formats {@code dateline index --format} accepts: the core's {@link Format}s, and HTML test
 * collections, which the core reads with its evaluation reader rather than the corpus readers.
 */
enum InputFormat {
  AUTO(Format.AUTO),
  TEXT(Format.TEXT),
  JSONL(Format.JSONL),
  REUTERS(Format.REUTERS),
  /** A {@code .tar.gz} of {@code .html} files, one document each, named by their ids (CACM). */
  HTML(null);

  private final Format corpus;

  InputFormat(Format corpus) {
    this.corpus = corpus;
  }

  /** The core's format for the corpus readers; null for {@link #HTML}. */
  Format corpus() {
    return corpus;
  }
}
