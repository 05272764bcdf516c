package org.dateline.page;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jsoup.nodes.Document;

/**
 * What a web page says about itself: headline, dates, publisher, authors, language.
 *
 * @param title the headline without the site name; empty when the page gives none
 * @param published when it was first published, with the offset the page wrote; null when nothing
 *     on the page says (never a guess)
 * @param modified when it was last changed, kept apart from {@code published}; null when unknown
 * @param source the publisher's name (JSON-LD publisher, {@code og:site_name}), else the host name
 *     without {@code www.}; empty when there is neither
 * @param authors the authors' names, in the page's order, without duplicates
 * @param url the page's canonical URL when it declares one, else the URL it was read from; null
 *     when neither is known
 * @param language the primary language subtag, lower case ({@code en}, {@code de}); empty when
 *     unknown
 * @param description the page's summary of itself; empty when it has none
 */
public record PageMetadata(
    String title,
    OffsetDateTime published,
    OffsetDateTime modified,
    String source,
    List<String> authors,
    String url,
    String language,
    String description) {
  /** Validates and copies. */
  public PageMetadata {
    title = title == null ? "" : title.strip();
    source = source == null ? "" : source.strip();
    authors = authors == null ? List.of() : List.copyOf(authors);
    url = url == null || url.isBlank() ? null : url.strip();
    language = language == null ? "" : language.strip();
    description = description == null ? "" : description.strip();
  }

  /**
   * Reads what a page says about itself, most trustworthy evidence first: schema.org JSON-LD (an
   * article type, inside {@code @graph} too), OpenGraph and {@code article:} meta tags, Dublin Core
   * and other {@code <meta>} names, {@code <time datetime>}, then the URL's own date. A date that
   * is not a real day (2017-02-30) and JSON-LD that is not JSON are reported and passed over.
   *
   * @param page the parsed page (not changed)
   * @param pageUrl the URL it was read from, or null
   * @param problems where what was passed over is reported, one sentence each
   * @return the metadata
   */
  public static PageMetadata read(Document page, String pageUrl, Consumer<String> problems) {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(problems, "problems");
    return MetadataExtractor.read(page, pageUrl, problems);
  }
}
