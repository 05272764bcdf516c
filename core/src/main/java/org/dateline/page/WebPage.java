package org.dateline.page;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;
import org.dateline.ingest.ReadOptions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A web page read as an article: its metadata and its main text.
 *
 * @param metadata what the page says about itself
 * @param text the story's text (or, with {@link ReadOptions#keepBoilerplate()}, the whole page's
 *     text), paragraphs separated by a blank line; empty when the page holds none
 */
public record WebPage(PageMetadata metadata, String text) {
  /** Validates. */
  public WebPage {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Parses a page from its bytes. The charset is the one given (an HTTP header's), else the page's
   * byte order mark or {@code <meta charset>}, else UTF-8; jsoup repairs broken markup as browsers
   * do.
   *
   * @param in the page's bytes; read to the end, not closed
   * @param charset the declared charset, or null
   * @param url the page's URL, for resolving relative links, or null
   * @return the parsed page
   * @throws IOException when the stream cannot be read
   */
  public static Document parse(InputStream in, String charset, String url) throws IOException {
    return Jsoup.parse(in, charset, url == null ? "" : url);
  }

  /**
   * Reads a parsed page: its metadata, then its main text ({@link MainText}).
   *
   * @param page the page; its tree is changed by the extraction
   * @param url the URL it was read from, or null
   * @param options whether to keep the whole text, and where block decisions go
   * @param problems where what was passed over (bad JSON-LD, impossible dates) is reported
   * @return the page's metadata and text
   */
  public static WebPage read(
      Document page, String url, ReadOptions options, Consumer<String> problems) {
    PageMetadata metadata = PageMetadata.read(page, url, problems);
    String text;
    if (options.keepBoilerplate()) {
      text = MainText.whole(page);
      options.report(new org.dateline.ingest.BlockDecision(text, true, "boilerplate kept"));
    } else {
      text = MainText.extract(page, options.explain());
    }
    return new WebPage(metadata, text);
  }
}
