package org.dateline.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dateline.Article;
import org.dateline.Problem;
import org.dateline.page.PageMetadata;
import org.dateline.page.WebPage;
import org.jsoup.nodes.Document;

/**
 * Turns a web page into an article: its metadata, its main text, and the extra keyword fields
 * {@code authors}, {@code language}, {@code modified} (ISO-8601, UTC) and {@code description}.
 * A page without article text is skipped; a page without a date is read without one and counted
 * as a warning (never given today's date).
 */
final class WebArticles {
  /** Pages larger than this are skipped unread: no article is 50 MB of HTML. */
  static final int MAX_PAGE_BYTES = 16 << 20;

  private WebArticles() {}

  /**
   * Reads one page.
   *
   * @param bytes the page's bytes
   * @param charset the declared charset (an HTTP header's), or null
   * @param label file name (and record) for problems
   * @param record the record's position for problems, or 0
   * @param id the article's id when the page gives no canonical URL to use, or null to use the URL
   * @param url where the page was read from, or null
   */
  static Optional<Article> read(
      byte[] bytes,
      String charset,
      String label,
      long record,
      String id,
      String url,
      ProblemLog log,
      ReadOptions options)
      throws IOException {
    if (bytes.length > MAX_PAGE_BYTES) {
      log.skip(
          new Problem(
              label,
              record,
              "page too large (more than " + MAX_PAGE_BYTES + " bytes)"));
      return Optional.empty();
    }
    Document doc;
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      doc = WebPage.parse(in, charset, url);
    } catch (IllegalArgumentException e) {
      // an unknown charset name in the HTTP header: read as the page itself declares
      log.warn(new Problem(label, record, "unknown charset " + charset + ", read as the page says"));
      doc = WebPage.parse(new ByteArrayInputStream(bytes), null, url);
    }
    return of(doc, label, record, id, url, null, log, options);
  }

  /** Builds the article of a parsed page (or feed item, with its own source). */
  static Optional<Article> of(
      Document doc,
      String label,
      long record,
      String id,
      String url,
      String fallbackSource,
      ProblemLog log,
      ReadOptions options)
      throws CorpusFormatException {
    List<String> problems = new ArrayList<>();
    WebPage page = WebPage.read(doc, url, options, problems::add);
    for (String p : problems) {
      log.warn(new Problem(label, record, p));
    }
    PageMetadata m = page.metadata();
    String body = page.text();
    if (body.isBlank()) {
      log.skip(new Problem(label, record, "no article text found"));
      return Optional.empty();
    }
    String articleId = id != null ? id : m.url() != null ? m.url() : url;
    if (articleId == null || articleId.isBlank()) {
      log.skip(new Problem(label, record, "no id: the page has no URL"));
      return Optional.empty();
    }
    if (m.published() == null) {
      log.warn(new Problem(label, record, "no date found; indexed without one"));
    }
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (!m.authors().isEmpty()) {
      fields.put("authors", m.authors());
    }
    if (!m.language().isEmpty()) {
      fields.put("language", List.of(m.language()));
    }
    if (m.modified() != null) {
      fields.put(
          "modified",
          List.of(DateTimeFormatter.ISO_INSTANT.format(m.modified().toInstant())));
    }
    if (!m.description().isEmpty()) {
      fields.put("description", List.of(m.description()));
    }
    String title = m.title();
    boolean derived = false;
    if (title.isEmpty()) {
      title = Titles.derive(body);
      derived = true;
    }
    String source = m.source();
    if (fallbackSource != null && (source.isEmpty() || m.url() == null)) {
      source = fallbackSource;
    }
    return Optional.of(
        new Article(
            articleId,
            title,
            derived,
            body,
            m.published() == null ? null : m.published().toInstant(),
            source,
            m.url() != null ? m.url() : url,
            fields));
  }
}
