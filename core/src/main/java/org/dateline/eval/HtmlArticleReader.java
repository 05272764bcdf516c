package org.dateline.eval;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.dateline.Article;
import org.dateline.ingest.ArticleReader;

/**
 * Reads a test collection stored as a {@code .tar.gz} of HTML files, one document each, as
 * Anserini's {@code HtmlCollection} does: the file name without {@code .html} is the id (so that it
 * matches the qrels), the text outside the tags is the content. CACM comes this way ({@code
 * CACM-0001.html} ... {@code CACM-3204.html}, each a {@code <pre>} block).
 *
 * <p>The text extraction is deliberately small: tags ({@code <} followed by a letter, {@code /},
 * {@code !} or {@code ?}, up to the next {@code >}) are dropped and the five XML entities and
 * numeric character references decoded; a {@code <} before anything else ("1 &lt;= m") is text, as
 * an HTML parser reads it. Scripts, styles and named entities beyond the XML ones are not handled:
 * test collections of plain {@code <pre>} text need none of that.
 *
 * <p>A line {@code CACM <Month>, <Year>} (the comma is sometimes missing) gives the article the
 * first day of that month as its date; the source is {@code CACM} for ids starting {@code CACM-}
 * and empty otherwise.
 */
public final class HtmlArticleReader implements ArticleReader {
  /** Where the text goes. */
  public enum Layout {
    /**
     * Everything in the body, the title empty: one text field, as Anserini indexes it, so that BM25
     * sees the same document lengths.
     */
    BODY_ONLY,
    /**
     * The first non-blank line is the title and the rest the body, as a news reader would split it.
     */
    FIRST_LINE_TITLE
  }

  private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!?][^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(amp|lt|gt|quot|apos|#[0-9]+|#[xX][0-9a-fA-F]+);");
  private static final Pattern CACM_DATE =
      Pattern.compile("^\\s*CACM\\s+([A-Za-z]+),?\\s*(\\d{4})\\s*$", Pattern.MULTILINE);
  private static final Map<String, String> NAMED =
      Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'");

  private final TarArchiveInputStream tar;
  private final Layout layout;

  private HtmlArticleReader(TarArchiveInputStream tar, Layout layout) {
    this.tar = tar;
    this.layout = layout;
  }

  /**
   * Opens an archive.
   *
   * @param archive a {@code .tar.gz} or {@code .tgz} of HTML files
   * @param layout how the text is split into title and body
   * @return the reader; close it
   * @throws IOException when the archive cannot be opened
   */
  public static HtmlArticleReader open(Path archive, Layout layout) throws IOException {
    java.util.Objects.requireNonNull(layout, "layout");
    InputStream in = new BufferedInputStream(Files.newInputStream(archive));
    try {
      return new HtmlArticleReader(
          new TarArchiveInputStream(new GzipCompressorInputStream(in)), layout);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  @Override
  public Optional<Article> next() throws IOException {
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      if (!entry.isFile()) {
        continue;
      }
      String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
      if (name.isEmpty() || name.startsWith(".")) {
        continue; // macOS resource forks and hidden files are not documents
      }
      String html = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
      String id = name.endsWith(".html") ? name.substring(0, name.length() - 5) : name;
      return Optional.of(article(id, text(html), layout));
    }
    return Optional.empty();
  }

  /** Builds the article for one document's text. */
  static Article article(String id, String text, Layout layout) {
    String title = "";
    String body = text;
    if (layout == Layout.FIRST_LINE_TITLE) {
      int nl = text.indexOf('\n');
      title = (nl < 0 ? text : text.substring(0, nl)).strip();
      body = nl < 0 ? "" : text.substring(nl + 1).strip();
    }
    return new Article(
        id, title, false, body, date(text), id.startsWith("CACM-") ? "CACM" : "", null, Map.of());
  }

  /**
   * The text of an HTML document: tags dropped, entities decoded, leading and trailing whitespace
   * removed.
   */
  static String text(String html) {
    String noTags = TAG.matcher(html).replaceAll("");
    Matcher m = ENTITY.matcher(noTags);
    StringBuilder sb = new StringBuilder(noTags.length());
    while (m.find()) {
      String e = m.group(1);
      String decoded;
      if (e.startsWith("#x") || e.startsWith("#X")) {
        decoded = codePoint(Integer.parseInt(e.substring(2), 16), m.group());
      } else if (e.startsWith("#")) {
        decoded = codePoint(Integer.parseInt(e.substring(1)), m.group());
      } else {
        decoded = NAMED.get(e);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(decoded));
    }
    m.appendTail(sb);
    return sb.toString().strip();
  }

  private static String codePoint(int cp, String written) {
    return Character.isValidCodePoint(cp) ? Character.toString(cp) : written;
  }

  /** The first day of the month of a {@code CACM <Month>, <Year>} line, UTC; null without one. */
  static java.time.Instant date(String text) {
    Matcher m = CACM_DATE.matcher(text);
    if (!m.find()) {
      return null;
    }
    Month month;
    try {
      month = Month.valueOf(m.group(1).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null; // not a month name: the line is text, not a date
    }
    return LocalDate.of(Integer.parseInt(m.group(2)), month, 1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}
