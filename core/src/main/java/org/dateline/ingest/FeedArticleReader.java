package org.dateline.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dateline.Article;
import org.dateline.Problem;
import org.dateline.page.MainText;
import org.dateline.page.PageMetadata;
import org.dateline.page.WebPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom feed with ROME: each item is an article with its title,
 * link (its id, else the item's guid), date (published, else updated) and authors, and the fullest
 * text it carries ({@code content:encoded} or Atom {@code content} before {@code description} or
 * {@code summary}), its HTML reduced to text with its paragraphs. An item whose HTML is a whole
 * page ({@link #isWholePage}) gets the page's extraction instead: its main text, and the page's
 * metadata where the item gives none (title, date, authors, language, description, modified). The
 * source is the feed's title.
 *
 * <p>A file that is not a feed (not XML, or XML of another kind) is one problem; an item without
 * text or link is skipped with its position in the feed.
 */
final class FeedArticleReader implements ArticleReader {
  /** Feeds are read whole; one larger than this is refused. */
  static final int MAX_FEED_BYTES = 64 << 20;

  private final String label;
  private final InputStream in;
  private final ProblemLog log;
  private final ReadOptions options;
  private Iterator<SyndEntry> entries;
  private String feedTitle;
  private int item;
  private long bytes;

  FeedArticleReader(String label, InputStream in, ProblemLog log, ReadOptions options) {
    this.label = label;
    this.in = in;
    this.log = log;
    this.options = options;
  }

  @Override
  public Optional<Article> next() throws IOException {
    if (entries == null) {
      entries = List.<SyndEntry>of().iterator();
      byte[] all = in.readNBytes(MAX_FEED_BYTES + 1);
      bytes = all.length;
      if (all.length > MAX_FEED_BYTES) {
        log.skip(new Problem(label, 0, "feed too large (more than " + MAX_FEED_BYTES + " bytes)"));
        return Optional.empty();
      }
      SyndFeed feed;
      try (XmlReader reader = new XmlReader(new ByteArrayInputStream(all), true)) {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        feed = input.build(reader);
      } catch (FeedException | IOException | IllegalArgumentException e) {
        log.skip(new Problem(label, 0, "not an RSS or Atom feed: " + firstLine(e.getMessage())));
        return Optional.empty();
      }
      feedTitle = feed.getTitle();
      entries = feed.getEntries().iterator();
    }
    while (entries.hasNext()) {
      SyndEntry e = entries.next();
      item++;
      Optional<Article> a = article(e);
      if (a.isPresent()) {
        return a;
      }
    }
    return Optional.empty();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private Optional<Article> article(SyndEntry e) throws CorpusFormatException {
    String where = "item " + item;
    String html = null;
    for (SyndContent c : e.getContents()) {
      if (c.getValue() != null && !c.getValue().isBlank()) {
        html = c.getValue();
        break;
      }
    }
    if (html == null && e.getDescription() != null) {
      html = e.getDescription().getValue();
    }
    String text = "";
    PageMetadata pageMetadata = null;
    String base = e.getLink() == null ? "" : e.getLink().strip();
    if (html != null && !options.keepBoilerplate() && isWholePage(html)) {
      List<String> problems = new ArrayList<>();
      WebPage page = WebPage.read(Jsoup.parse(html, base), base.isEmpty() ? null : base, options,
          problems::add);
      problems.forEach(p -> log.warn(new Problem(label, item, where + ": " + p)));
      text = page.text();
      pageMetadata = page.metadata();
    }
    if (html != null && text.isBlank()) {
      Document doc = Jsoup.parseBodyFragment(html, base);
      text = MainText.whole(doc);
      options.report(new org.dateline.ingest.BlockDecision(text, true, "feed item's content"));
    }
    String title = e.getTitle() == null ? "" : Jsoup.parse(e.getTitle()).text().strip();
    if (title.isEmpty() && pageMetadata != null) {
      title = pageMetadata.title();
    }
    if (text.isBlank() && title.isEmpty()) {
      log.skip(new Problem(label, item, where + ": no text"));
      return Optional.empty();
    }
    String link = e.getLink() == null || e.getLink().isBlank() ? null : e.getLink().strip();
    String id = link != null ? link : e.getUri();
    if (id == null || id.isBlank()) {
      log.skip(new Problem(label, item, where + ": no link or guid to use as its id"));
      return Optional.empty();
    }
    java.util.Date feedDate =
        e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
    java.time.Instant date = feedDate != null ? feedDate.toInstant()
        : pageMetadata != null && pageMetadata.published() != null
            ? pageMetadata.published().toInstant() : null;
    if (date == null) {
      log.warn(new Problem(label, item, where + ": no date; indexed without one"));
    }
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Set<String> authors = new LinkedHashSet<>();
    for (SyndPerson p : e.getAuthors()) {
      if (p.getName() != null && !p.getName().isBlank()) {
        authors.add(p.getName().strip());
      }
    }
    if (authors.isEmpty() && e.getAuthor() != null && !e.getAuthor().isBlank()) {
      authors.add(e.getAuthor().strip());
    }
    if (authors.isEmpty() && pageMetadata != null) {
      authors.addAll(pageMetadata.authors());
    }
    if (!authors.isEmpty()) {
      fields.put("authors", new ArrayList<>(authors));
    }
    if (pageMetadata != null && !pageMetadata.language().isEmpty()) {
      fields.put("language", List.of(pageMetadata.language()));
    }
    if (e.getUpdatedDate() != null && e.getPublishedDate() != null) {
      fields.put("modified", List.of(e.getUpdatedDate().toInstant().toString()));
    } else if (pageMetadata != null && pageMetadata.modified() != null) {
      fields.put("modified", List.of(pageMetadata.modified().toInstant().toString()));
    }
    if (pageMetadata != null && !pageMetadata.description().isEmpty()) {
      fields.put("description", List.of(pageMetadata.description()));
    }
    boolean derived = title.isEmpty();
    return Optional.of(
        new Article(
            id.strip(),
            derived ? Titles.derive(text) : title,
            derived,
            text,
            date,
            feedTitle == null ? "" : feedTitle.strip(),
            link,
            fields));
  }

  private static final java.util.regex.Pattern DOCUMENT_TAG =
      java.util.regex.Pattern.compile("(?i)<(html|body|head)[\\s>]");
  private static final java.util.regex.Pattern FURNITURE_TAG =
      java.util.regex.Pattern.compile("(?i)<(nav|header|footer|aside|form)[\\s>]");

  /** Items this long with page furniture in them are pages, not summaries. */
  static final int PAGE_LIKE_CHARS = 2000;

  /**
   * Whether an item's HTML is a whole page (some feeds carry the page as it is served, menus and
   * all) rather than the story or a summary: it has the tags of a document ({@code <html>},
   * {@code <body>}, {@code <head>}), or it is long and holds page furniture ({@code <nav>},
   * {@code <footer>}, {@code <aside>}...). Such HTML gets the page's extraction; the rest is kept
   * whole.
   */
  static boolean isWholePage(String html) {
    return DOCUMENT_TAG.matcher(html).find()
        || html.length() > PAGE_LIKE_CHARS && FURNITURE_TAG.matcher(html).find();
  }

  @Override
  public long bytesRead() {
    return bytes;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
