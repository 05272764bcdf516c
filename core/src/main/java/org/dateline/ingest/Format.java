package org.dateline.ingest;

import java.util.Locale;

/** Input formats a corpus can come in. */
public enum Format {
  /**
   * Chosen per file from its name: {@code .sgm} Reuters, {@code .jsonl}/{@code .ndjson} JSON Lines,
   * {@code .html}/{@code .htm} web pages, {@code .warc}/{@code .warc.gz} web archives, {@code
   * .rss}/{@code .atom} (and {@code .xml} that is a feed) feeds, {@code .tar.gz}/{@code .tgz}
   * archives entry by entry, other text (see {@link ArticleReaders}).
   */
  AUTO,
  /** Plain-text files, one article each, with optional header lines. */
  TEXT,
  /** JSON Lines: one article per line. */
  JSONL,
  /** Reuters-21578 SGML files. */
  REUTERS,
  /** Web pages: the article's text and metadata taken from each HTML file. */
  HTML,
  /** WARC web archives: every HTML response record is a web page. */
  WARC,
  /** RSS and Atom feeds: every item is an article. */
  FEED;

  /**
   * Parses a format name, ignoring case.
   *
   * @param name one of auto, text, jsonl, reuters, html, warc, feed
   * @return the format
   * @throws IllegalArgumentException for any other name
   */
  public static Format parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "format must be one of auto, text, jsonl, reuters, html, warc, feed (got: " + name + ")", e);
    }
  }
}
