package org.dateline.cli;

import java.util.Locale;
import org.dateline.ingest.Format;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The formats {@code dateline index --format} and {@code extract --format} accept: the core's
 * {@link Format}s, and TREC test collections of HTML files, which the core reads whole with its
 * evaluation reader rather than with web-page extraction.
 */
enum InputFormat {
  AUTO(Format.AUTO),
  TEXT(Format.TEXT),
  JSONL(Format.JSONL),
  REUTERS(Format.REUTERS),
  /** Web pages, with the article's text and metadata extracted. */
  HTML(Format.HTML),
  /** WARC web archives. */
  WARC(Format.WARC),
  /** RSS and Atom feeds. */
  FEED(Format.FEED),
  /**
   * A {@code .tar.gz} of {@code .html} files, one document each, named by their ids, read whole
   * (test collections such as CACM).
   */
  TREC_HTML(null);

  /** The names the options list, in order. */
  static final String NAMES = "auto, text, jsonl, reuters, html, warc, feed or trec-html";

  private final Format corpus;

  InputFormat(Format corpus) {
    this.corpus = corpus;
  }

  /** The core's format for the corpus readers; null for {@link #TREC_HTML}. */
  Format corpus() {
    return corpus;
  }

  /** Reads a format name: any case, '-' for '_' ({@code trec-html}). */
  static final class Converter implements ITypeConverter<InputFormat> {
    @Override
    public InputFormat convert(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "format must be one of " + NAMES + " (got: " + value + ")");
      }
    }
  }
}
