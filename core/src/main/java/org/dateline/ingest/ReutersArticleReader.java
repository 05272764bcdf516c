package org.dateline.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.Article;
import org.dateline.Dates;
import org.dateline.Problem;

/**
 * Reads the Reuters-21578 SGML files ({@code reut2-NNN.sgm}), one {@code <REUTERS>} document at a
 * time. The files are Latin-1.
 *
 * <ul>
 *   <li>id: the {@code NEWID} attribute;
 *   <li>title: {@code TITLE}; when there is none (the {@code TYPE="UNPROC"} documents), derived
 *       from the lede as the {@link TextArticleReader} does;
 *   <li>body: {@code BODY}, or for {@code TYPE="UNPROC"} the whole {@code TEXT} without its tags;
 *       empty for the title-only {@code TYPE="BRIEF"} items;
 *   <li>date: the leading {@code d-MMM-yyyy H:mm:ss.ff} of {@code DATE}, UTC, whatever follows it;
 *       when the time is impossible (a three-digit hour) the day is kept at midnight, with a
 *       warning;
 *   <li>source: "Reuters";
 *   <li>extra keyword fields, when not empty: {@code topics}, {@code places}, {@code people},
 *       {@code orgs}, {@code exchanges} (their {@code <D>} values) and {@code dateline} (e.g.
 *       "SALVADOR, Feb 26", the closing dash dropped).
 * </ul>
 *
 * <p>Text is unescaped ({@code &lt;}, {@code &gt;}, {@code &amp;} and numeric references) and then
 * freed of control characters but newline and tab (the wire codes {@code &#3;} that ends every
 * body, {@code &#127;}...). A document without a {@code NEWID} or without its closing tag is
 * skipped; one without any text is kept, with a warning, so that the collection comes through
 * whole.
 */
public final class ReutersArticleReader implements ArticleReader {
  /** What every article's source is. */
  public static final String SOURCE = "Reuters";

  /** A document longer than this is not one: the closing tag went missing. */
  private static final int MAX_DOCUMENT_CHARS = 4 << 20;

  private static final List<String> LISTS =
      List.of("TOPICS", "PLACES", "PEOPLE", "ORGS", "EXCHANGES");

  private static final Pattern DATE =
      Pattern.compile("\\s*(\\d{1,2}-[A-Za-z]{3}-\\d{4})\\s+(\\d+:\\d{1,2}:\\d{1,2}(?:\\.\\d+)?)");
  private static final Pattern DAY = Pattern.compile("\\s*(\\d{1,2}-[A-Za-z]{3}-\\d{4})");
  private static final Pattern ENTITY =
      Pattern.compile("&(?:(lt|gt|amp|quot|apos)|#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));");
  private static final Pattern D = Pattern.compile("<D>(.*?)</D>", Pattern.DOTALL);
  private static final Pattern NEWID = Pattern.compile("\\bNEWID=\"([^\"]*)\"");
  private static final Pattern TYPE = Pattern.compile("\\bTYPE=\"([^\"]*)\"");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern TRAILING_DASH = Pattern.compile("[\\s-]+$");

  private final String name;
  private final CountingStream in;
  private final ProblemLog log;
  private BufferedReader reader;
  private long lineNumber;
  private boolean closed;

  /**
   * Creates a reader of a stream, which it closes when closed.
   *
   * @param name how problems name the input (a file or archive entry)
   * @param in the bytes of one {@code .sgm} file
   * @param log where problems go
   */
  public ReutersArticleReader(String name, InputStream in, ProblemLog log) {
    this.name = Objects.requireNonNull(name, "name");
    this.in = new CountingStream(Objects.requireNonNull(in, "in"));
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public Optional<Article> next() throws IOException {
    if (closed) {
      throw new IllegalStateException("reader is closed");
    }
    if (reader == null) {
      reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
    }
    StringBuilder doc = null;
    long start = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      int open = line.indexOf("<REUTERS");
      if (open >= 0) {
        if (doc != null) {
          log.skip(new Problem(name, start, "document not closed by </REUTERS>"));
        }
        doc = new StringBuilder(4096);
        start = lineNumber;
        line = line.substring(open);
      } else if (doc == null) {
        continue;
      }
      doc.append(line).append('\n');
      if (line.contains("</REUTERS>")) {
        Optional<Article> article = parse(doc.toString(), start);
        doc = null;
        if (article.isPresent()) {
          return article;
        }
      } else if (doc.length() > MAX_DOCUMENT_CHARS) {
        log.skip(new Problem(name, start, "document not closed by </REUTERS>"));
        doc = null;
      }
    }
    if (doc != null) {
      log.skip(new Problem(name, start, "document not closed by </REUTERS>"));
    }
    return Optional.empty();
  }

  private Optional<Article> parse(String doc, long line) throws CorpusFormatException {
    String openTag = doc.substring(0, doc.indexOf('>') + 1);
    String id = attribute(openTag, NEWID);
    if (id == null || id.isBlank()) {
      log.skip(new Problem(name, line, "document without a NEWID"));
      return Optional.empty();
    }
    Instant date = date(element(doc, "DATE"), line);

    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (String list : LISTS) {
      String inner = element(doc, list);
      if (inner != null) {
        List<String> values = new ArrayList<>();
        Matcher m = D.matcher(inner);
        while (m.find()) {
          String v = clean(m.group(1)).strip();
          if (!v.isEmpty()) {
            values.add(v);
          }
        }
        fields.put(list.toLowerCase(Locale.ROOT), values);
      }
    }

    int textStart = doc.indexOf("<TEXT");
    int textEnd = doc.lastIndexOf("</TEXT>");
    String title = "";
    String body = "";
    if (textStart >= 0 && textEnd > textStart) {
      int contentStart = doc.indexOf('>', textStart) + 1;
      String type = attribute(doc.substring(textStart, contentStart), TYPE);
      String text = doc.substring(contentStart, textEnd);
      String t = element(text, "TITLE");
      title = t == null ? "" : clean(t).strip().replaceAll("\\s+", " ");
      if ("UNPROC".equals(type)) {
        body = clean(TAG.matcher(text).replaceAll("")).strip();
      } else {
        String b = element(text, "BODY");
        body = b == null ? "" : clean(b).strip();
      }
      String dateline = element(text, "DATELINE");
      if (dateline != null) {
        String d = TRAILING_DASH.matcher(clean(dateline).strip()).replaceAll("");
        fields.put("dateline", d.isEmpty() ? List.of() : List.of(d.replaceAll("\\s+", " ")));
      }
    }
    boolean derived = title.isEmpty();
    if (derived) {
      title = Titles.derive(body);
    }
    if (title.isBlank() && body.isBlank()) {
      // Kept: the collection is used whole, and its dates and categories still count.
      log.warn(new Problem(name, line, "document without text, kept"));
    }
    return Optional.of(new Article(id, title, derived, body, date, SOURCE, null, fields));
  }

  /** Reads the DATE field, keeping what can be kept: the day when the time is impossible. */
  private Instant date(String raw, long line) {
    if (raw == null) {
      log.warn(new Problem(name, line, "no DATE; article kept without a date"));
      return null;
    }
    String text = clean(raw);
    Matcher m = DATE.matcher(text);
    if (m.lookingAt()) {
      Optional<Instant> date = Dates.find(m.group(1) + " " + m.group(2));
      if (date.isPresent()) {
        return date.get();
      }
    }
    Matcher day = DAY.matcher(text);
    if (day.lookingAt()) {
      Optional<Instant> date = Dates.find(day.group(1));
      if (date.isPresent()) {
        log.warn(
            new Problem(
                name, line, "DATE \"" + text.strip() + "\" has no valid time; kept the day"));
        return date.get();
      }
    }
    log.warn(
        new Problem(
            name,
            line,
            "DATE \"" + text.strip() + "\" does not parse; article kept without a date"));
    return null;
  }

  /** The text between {@code <TAG>} and {@code </TAG>}, or null. */
  private static String element(String s, String tag) {
    String open = "<" + tag + ">";
    int a = s.indexOf(open);
    if (a < 0) {
      return null;
    }
    int b = s.indexOf("</" + tag + ">", a);
    return b < 0 ? null : s.substring(a + open.length(), b);
  }

  private static String attribute(String tag, Pattern attribute) {
    Matcher m = attribute.matcher(tag);
    return m.find() ? m.group(1) : null;
  }

  private static String entity(MatchResult m) {
    String text;
    if (m.group(1) != null) {
      text =
          switch (m.group(1)) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            default -> "'";
          };
    } else {
      int cp = m.group(2) != null ? Integer.parseInt(m.group(2)) : Integer.parseInt(m.group(3), 16);
      text = Character.isValidCodePoint(cp) ? Character.toString(cp) : m.group();
    }
    return Matcher.quoteReplacement(text);
  }

  /** Unescapes the entities, then drops control characters but newline and tab. */
  static String clean(String s) {
    String text =
        s.indexOf('&') < 0 ? s : ENTITY.matcher(s).replaceAll(ReutersArticleReader::entity);
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The bytes read from the stream so far (the reader reads ahead by a buffer). */
  @Override
  public long bytesRead() {
    return in.count();
  }

  /** Closes the input. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      in.close();
    }
  }
}
