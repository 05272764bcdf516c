package org.dateline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dateline.Dates;
import org.dateline.Problem;

/**
 * What {@code metadata.csv} or {@code metadata.jsonl} in a corpus folder says about its text files,
 * keyed by the path of each file relative to that folder ({@code file} column).
 *
 * <p>Held in memory: one small row per text file, never the texts.
 */
final class Metadata {
  static final String CSV = "metadata.csv";
  static final String JSONL = "metadata.jsonl";

  static final Metadata NONE = new Metadata(Map.of());

  private static final Set<String> KNOWN = Set.of("file", "id", "title", "date", "source", "url");

  private static final CsvMapper CSV_MAPPER =
      CsvMapper.builder()
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .enable(CsvParser.Feature.TRIM_SPACES)
          .enable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
          .enable(CsvParser.Feature.IGNORE_TRAILING_UNMAPPABLE)
          .build();

  /**
   * One row.
   *
   * @param file the metadata file, for problems
   * @param line the row's line in it
   * @param dateError why the row's date does not parse, or null
   */
  record Entry(
      String file,
      long line,
      String id,
      String title,
      Instant date,
      String dateError,
      String source,
      String url,
      Map<String, List<String>> fields) {}

  private final Map<String, Entry> entries;

  private Metadata(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** The row for a file, by its path relative to the folder with '/' separators. */
  Optional<Entry> find(String relativePath) {
    return Optional.ofNullable(entries.get(relativePath));
  }

  /**
   * Reads the metadata files of a folder, if there are any.
   *
   * @param folder the corpus folder
   * @param checkFiles whether to warn about rows naming files that do not exist
   */
  static Metadata load(Path folder, ProblemLog log, boolean checkFiles) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    Path csv = folder.resolve(CSV);
    if (Files.isRegularFile(csv)) {
      readCsv(csv, entries, log);
    }
    Path jsonl = folder.resolve(JSONL);
    if (Files.isRegularFile(jsonl)) {
      readJsonl(jsonl, entries, log);
    }
    if (entries.isEmpty()) {
      return NONE;
    }
    if (checkFiles) {
      for (Map.Entry<String, Entry> e : entries.entrySet()) {
        if (!Files.isRegularFile(folder.resolve(e.getKey()))) {
          Entry row = e.getValue();
          log.warn(new Problem(row.file(), row.line(), "no such file: " + e.getKey()));
        }
      }
    }
    return new Metadata(entries);
  }

  private static void readCsv(Path csv, Map<String, Entry> entries, ProblemLog log)
      throws IOException {
    String file = csv.toString();
    try (BufferedReader reader = Files.newBufferedReader(csv);
        MappingIterator<Map<String, String>> rows =
            CSV_MAPPER
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(skipByteOrderMark(reader))) {
      while (true) {
        // The parser has read past the previous row's line break (and blank lines after it), so
        // its location is the line where the next row starts.
        long line = rows.getParser().currentLocation().getLineNr();
        try {
          if (!rows.hasNextValue()) {
            break;
          }
          Map<String, String> row = rows.nextValue();
          add(entries, RecordFields.of(row, KNOWN, file, line, log), file, line, log);
        } catch (JsonProcessingException e) {
          // A quoting error leaves the parser lost: the rest of the file cannot be trusted.
          log.skip(
              new Problem(
                  file, line, "bad CSV, rest of the file ignored: " + e.getOriginalMessage()));
          break;
        }
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      log.skip(new Problem(file, 0, "metadata is not valid UTF-8, ignored"));
    }
  }

  private static Reader skipByteOrderMark(BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }

  private static void readJsonl(Path jsonl, Map<String, Entry> entries, ProblemLog log)
      throws IOException {
    String file = jsonl.toString();
    try (InputStream in = Files.newInputStream(jsonl);
        ByteLines lines = new ByteLines(in)) {
      while (lines.next()) {
        Utf8.Decoded d = Utf8.decode(lines.bytes(), lines.length());
        if (d.text().isBlank()) {
          continue;
        }
        long line = lines.number();
        if (d.repaired()) {
          log.warn(new Problem(file, line, "invalid UTF-8 replaced"));
        }
        JsonNode node;
        try {
          node = Json.parse(d.text());
        } catch (IllegalArgumentException e) {
          log.skip(new Problem(file, line, e.getMessage()));
          continue;
        }
        if (!node.isObject()) {
          log.skip(new Problem(file, line, "not a JSON object (got: " + Json.kind(node) + ")"));
          continue;
        }
        add(entries, RecordFields.of(node, KNOWN, file, line, log), file, line, log);
      }
    }
  }

  private static void add(
      Map<String, Entry> entries, RecordFields r, String file, long line, ProblemLog log)
      throws CorpusFormatException {
    if (r.isEmpty()) {
      return;
    }
    String key = r.get("file");
    if (key == null) {
      log.skip(new Problem(file, line, "metadata row names no file (column \"file\")"));
      return;
    }
    key = key.replace('\\', '/');
    while (key.startsWith("./")) {
      key = key.substring(2);
    }
    Instant date = null;
    String dateError = null;
    String dateText = r.get("date");
    if (dateText != null) {
      try {
        date = Dates.parse(dateText);
      } catch (IllegalArgumentException e) {
        dateError = e.getMessage();
      }
    }
    Entry entry =
        new Entry(
            file,
            line,
            r.get("id"),
            r.get("title"),
            date,
            dateError,
            r.get("source"),
            r.get("url"),
            r.extra());
    Entry before = entries.put(key, entry);
    if (before != null) {
      log.warn(
          new Problem(
              file,
              line,
              "second metadata row for "
                  + key
                  + " (first at "
                  + before.file()
                  + ":"
                  + before.line()
                  + "); this one is used"));
    }
  }
}
