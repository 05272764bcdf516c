package org.dateline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.Article;
import org.dateline.Dates;
import org.dateline.Problem;

/**
 * Parses one plain-text article: optional header lines, then a headline or not, then the body. See
 * {@link TextArticleReader} for the rules.
 */
final class TextArticles {
  private TextArticles() {}

  /** Largest text file read; one article is never near this, a misplaced dump may be. */
  static final int MAX_BYTES = 64 << 20;

  /** How far to look for a NUL byte, the sign of a binary file. */
  static final int BINARY_PROBE = 8192;

  /** A header date takes at most this many words ("Tue, 24 Jan 2017 10:00:00 GMT"). */
  private static final int MAX_DATE_WORDS = 6;

  private static final Set<String> KEYS = Set.of("date", "source", "title", "url", "id");

  private static final Pattern COLON_FORM = Pattern.compile("([A-Za-z]+)[ \\t]*:[ \\t]*(.*)");
  private static final Pattern BARE_FORM =
      Pattern.compile("(date|source|title|url|id)[ \\t\\u00A0]+(\\S.*)");
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern LEADING_LETTERS = Pattern.compile("\\p{L}+");

  private static final Set<String> MONTHS =
      Set.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "jan",
          "feb",
          "mar",
          "apr",
          "jun",
          "jul",
          "aug",
          "sep",
          "sept",
          "oct",
          "nov",
          "dec");

  /**
   * Reads a text file and parses it.
   *
   * @param file the file
   * @param label how problems name it
   * @param key the default id and the metadata key: the path relative to the corpus folder
   * @param metadata the corpus folder's metadata
   */
  static Optional<Article> read(
      Path file, String label, String key, Metadata metadata, ProblemLog log) throws IOException {
    return read(file, label, key, metadata, log, ReadOptions.DEFAULT);
  }

  /**
   * Reads a text file and parses it, trimming scraped debris as the options say.
   *
   * @param file the file
   * @param label how problems name it
   * @param key the default id and the metadata key: the path relative to the corpus folder
   * @param metadata the corpus folder's metadata
   * @param options whether to keep boilerplate, and where to explain what was dropped
   */
  static Optional<Article> read(
      Path file, String label, String key, Metadata metadata, ProblemLog log, ReadOptions options)
      throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      log.skip(tooLarge(label, size));
      return Optional.empty();
    }
    byte[] bytes = Files.readAllBytes(file);
    return parse(bytes, label, key, metadata.find(key).orElse(null), log, options);
  }

  static Problem tooLarge(String label, long size) {
    return new Problem(
        label, 0, "file too large for one article (" + size + " bytes, at most " + MAX_BYTES + ")");
  }

  /**
   * Parses the bytes of one text file.
   *
   * @param meta the file's metadata row, or null
   */
  static Optional<Article> parse(
      byte[] bytes, String label, String key, Metadata.Entry meta, ProblemLog log)
      throws CorpusFormatException {
    return parse(bytes, label, key, meta, log, ReadOptions.DEFAULT);
  }

  /**
   * Parses the bytes of one text file, trimming scraped debris as the options say (see {@link
   * ScrapedText}).
   *
   * @param meta the file's metadata row, or null
   * @param options whether to keep boilerplate, and where to explain what was dropped
   */
  static Optional<Article> parse(
      byte[] bytes,
      String label,
      String key,
      Metadata.Entry meta,
      ProblemLog log,
      ReadOptions options)
      throws CorpusFormatException {
    for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
      if (bytes[i] == 0) {
        log.skip(new Problem(label, 0, "binary file (NUL bytes in the first 8 KB), not text"));
        return Optional.empty();
      }
    }
    Utf8.Decoded decoded = Utf8.decode(bytes, bytes.length);
    if (decoded.repaired()) {
      log.warn(
          new Problem(label, Utf8.lineOf(bytes, decoded.firstInvalid()), "invalid UTF-8 replaced"));
    }
    String text = decoded.text();
    if (text.isBlank()) {
      log.skip(new Problem(label, 0, "empty file"));
      return Optional.empty();
    }
    List<String> lines = text.lines().toList();
    Header header = new Header();
    int i = 0;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    List<String> body = new ArrayList<>();
    for (; i < lines.size(); i++) {
      HeaderLine h = headerLine(lines.get(i));
      if (h == null) {
        break;
      }
      if (h.error() != null) {
        log.skip(new Problem(label, i + 1, h.error()));
        return Optional.empty();
      }
      header.put(h);
      if (h.rest() != null) {
        // "date 2017-01-24 A federal court...": the rest of the line starts the body.
        body.add(h.rest());
        i++;
        break;
      }
    }
    body.addAll(lines.subList(i, lines.size()));
    body = paragraphs(body);

    String title = header.title;
    boolean derived = false;
    if (title == null
        && !body.isEmpty()
        && (body.size() == 1 || body.get(1).isEmpty())
        && Titles.isHeadline(body.get(0))) {
      title = body.get(0).strip();
      body = body.subList(Math.min(2, body.size()), body.size());
    }
    body = ScrapedText.trim(body, options);
    String bodyText = String.join("\n", body).strip();
    if (title == null) {
      title = Titles.derive(bodyText);
      derived = true;
    }

    String id = header.id != null ? header.id : key;
    Instant date = header.date;
    String source = header.source;
    String url = header.url;
    Map<String, List<String>> fields = Map.of();
    if (meta != null) {
      if (meta.dateError() != null) {
        log.skip(new Problem(meta.file(), meta.line(), meta.dateError()));
        return Optional.empty();
      }
      id = meta.id() != null ? meta.id() : id;
      if (meta.title() != null) {
        title = meta.title();
        derived = false;
      }
      date = meta.date() != null ? meta.date() : date;
      source = meta.source() != null ? meta.source() : source;
      url = meta.url() != null ? meta.url() : url;
      fields = meta.fields();
    }
    if (title.isBlank() && bodyText.isBlank()) {
      log.skip(new Problem(label, 0, "no text (neither a title nor a body)"));
      return Optional.empty();
    }
    return Optional.of(new Article(id, title, derived, bodyText, date, source, url, fields));
  }

  /** Header values; a key given twice keeps the last. */
  private static final class Header {
    String id;
    String title;
    Instant date;
    String source;
    String url;

    void put(HeaderLine h) {
      switch (h.key()) {
        case "id" -> id = h.value();
        case "title" -> title = h.value();
        case "date" -> date = h.date();
        case "source" -> source = h.value();
        case "url" -> url = h.value();
        default -> throw new IllegalStateException("unknown header key " + h.key());
      }
    }
  }

  /**
   * One header line.
   *
   * @param rest for the colon-less date form, the text after the date that starts the body; or null
   * @param error why the line is a header whose date does not parse, or null
   */
  private record HeaderLine(String key, String value, Instant date, String rest, String error) {}

  /** Parses a header line; null when the line is not one (the header block ends there). */
  private static HeaderLine headerLine(String line) {
    String s = line.strip();
    Matcher m = COLON_FORM.matcher(s);
    if (m.matches()) {
      String key = m.group(1).toLowerCase(Locale.ROOT);
      if (KEYS.contains(key)) {
        String value = m.group(2).strip();
        if (!key.equals("date")) {
          return new HeaderLine(key, value.isEmpty() ? null : value, null, null, null);
        }
        Optional<Instant> date = Dates.find(value);
        return date.isPresent()
            ? new HeaderLine(key, value, date.get(), null, null)
            : new HeaderLine(key, value, null, null, badDate(s));
      }
    }
    m = BARE_FORM.matcher(s);
    if (!m.matches()) {
      return null;
    }
    String key = m.group(1);
    String value = m.group(2);
    if (!key.equals("date")) {
      return new HeaderLine(key, value.strip(), null, null, null);
    }
    // The longest run of up to six words that reads as a date; the rest of the line is body.
    List<Integer> ends = new ArrayList<>();
    Matcher w = WORD.matcher(value);
    String first = null;
    while (ends.size() < MAX_DATE_WORDS && w.find()) {
      first = first == null ? w.group() : first;
      ends.add(w.end());
    }
    for (int k = ends.size(); k >= 1; k--) {
      String candidate = value.substring(0, ends.get(k - 1));
      Optional<Instant> date = Dates.find(candidate);
      if (date.isPresent()) {
        String rest = value.substring(ends.get(k - 1)).strip();
        return new HeaderLine(key, candidate, date.get(), rest.isEmpty() ? null : rest, null);
      }
    }
    if (first != null && (Character.isDigit(first.charAt(0)) || startsWithMonth(first))) {
      return new HeaderLine(key, value, null, null, badDate(s));
    }
    return null;
  }

  private static boolean startsWithMonth(String word) {
    Matcher m = LEADING_LETTERS.matcher(word);
    return m.lookingAt() && MONTHS.contains(m.group().toLowerCase(Locale.ROOT));
  }

  private static String badDate(String line) {
    return "header date does not parse: \""
        + (line.length() > 80 ? line.substring(0, 80) + "…" : line)
        + "\" (expected a form such as "
        + Dates.ACCEPTED
        + ")";
  }

  /**
   * Trailing spaces cut, blank lines at either end dropped, runs of blank lines made one:
   * paragraphs stay apart by exactly one empty line.
   */
  static List<String> paragraphs(List<String> lines) {
    List<String> out = new ArrayList<>();
    boolean blank = false;
    for (String line : lines) {
      String s = line.stripTrailing();
      if (s.isBlank()) {
        blank = !out.isEmpty();
        continue;
      }
      if (blank) {
        out.add("");
        blank = false;
      }
      out.add(s);
    }
    return out;
  }
}
