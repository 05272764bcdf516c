package org.dateline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.dateline.ingest.ReadOptions;
import org.dateline.page.PageMetadata;
import org.dateline.page.WebPage;
import org.jsoup.nodes.Document;

/**
 * Scores web-page extraction on trafilatura's evaluation set ({@code trafilatura-eval.tar.gz}: the
 * pages under {@code tests/eval/} and {@code tests/cache/}, their annotations in {@code
 * tests/evaldata.json}) the way that project scores itself: whitespace collapsed in the text and
 * the segments alike, each segment looked for as a substring (case counts). A page whose file is
 * missing is left out.
 *
 * <p>Metadata: a title is right when it equals the annotation, case, spacing and invisible soft
 * hyphens aside; a date when the day of publication as the page wrote it (its own offset) is the
 * annotated {@code YYYY-MM-DD} (read as numbers: {@code 2022-11-1} is the first of November);
 * authors when the set of names equals the annotation's (split on {@code ;}), case aside. Pages
 * whose annotation has no title, date or author do not count for it.
 */
public final class ExtractionEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExtractionEvaluation() {}

  /**
   * One page's outcome, for reports of where extraction goes wrong.
   *
   * @param file the page's file name in the archive
   * @param url the page's URL, as annotated
   * @param missing segments that must be in the text and are not
   * @param wronglyKept segments that must not be in the text and are
   * @param expectedTitle the annotated title, or empty
   * @param title the title found
   * @param expectedDate the annotated day, or empty
   * @param date the day found ({@code YYYY-MM-DD}), or empty
   * @param expectedAuthor the annotated authors ({@code ;}-separated), or empty
   * @param authors the authors found
   */
  public record PageOutcome(
      String file,
      String url,
      List<String> missing,
      List<String> wronglyKept,
      String expectedTitle,
      String title,
      String expectedDate,
      String date,
      String expectedAuthor,
      List<String> authors) {

    /**
     * Returns whether the title found is the annotated one, as the scores count it.
     *
     * @return true when they match; false also when no title is annotated
     */
    public boolean titleRight() {
      return !expectedTitle.isBlank() && sameTitle(expectedTitle, title);
    }
  }

  /**
   * Scores the set.
   *
   * @param archive {@code trafilatura-eval.tar.gz}
   * @param pageListener told each page's outcome, or null
   * @return the scores
   * @throws IOException when the archive cannot be read
   */
  public static ExtractionScores evaluate(Path archive, Consumer<PageOutcome> pageListener)
      throws IOException {
    Map<String, List<Map.Entry<String, JsonNode>>> byFile = annotations(archive);
    int pages = 0;
    int tp = 0;
    int fn = 0;
    int fp = 0;
    int tn = 0;
    int titles = 0;
    int titlesRight = 0;
    int dates = 0;
    int datesRight = 0;
    int authors = 0;
    int authorsRight = 0;
    Set<String> seen = new TreeSet<>();
    try (TarArchiveInputStream tar = open(archive)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = entry.getName();
        int slash = name.lastIndexOf('/');
        String file = name.substring(slash + 1);
        String folder = name.substring(0, Math.max(0, slash));
        if (!entry.isFile() || !(folder.endsWith("tests/cache") || folder.endsWith("tests/eval"))) {
          continue;
        }
        List<Map.Entry<String, JsonNode>> items = byFile.get(file);
        if (items == null) {
          continue;
        }
        if (!seen.add(file)) {
          continue; // no name is in both folders today; if one were, the first read counts
        }
        byte[] bytes = tar.readAllBytes();
        for (Map.Entry<String, JsonNode> item : items) {
          String url = item.getKey();
          JsonNode a = item.getValue();
          Document doc = WebPage.parse(new ByteArrayInputStream(bytes), null, url);
          WebPage page = WebPage.read(doc, url, ReadOptions.DEFAULT, p -> {});
          String text = collapse(page.text());
          pages++;
          List<String> missing = new ArrayList<>();
          List<String> kept = new ArrayList<>();
          for (JsonNode s : a.path("with")) {
            if (text.contains(collapse(s.asText()))) {
              tp++;
            } else {
              fn++;
              missing.add(s.asText());
            }
          }
          for (JsonNode s : a.path("without")) {
            if (text.contains(collapse(s.asText()))) {
              fp++;
              kept.add(s.asText());
            } else {
              tn++;
            }
          }
          PageMetadata m = page.metadata();
          String expectedTitle = a.path("title").asText("");
          if (!expectedTitle.isBlank()) {
            titles++;
            if (sameTitle(expectedTitle, m.title())) {
              titlesRight++;
            }
          }
          String expectedDate = a.path("date").asText("");
          String day = m.published() == null ? "" : m.published().toLocalDate().toString();
          if (!expectedDate.isBlank()) {
            dates++;
            if (sameDay(expectedDate, day)) {
              datesRight++;
            }
          }
          String expectedAuthor = a.path("author").asText("");
          if (!expectedAuthor.isBlank()) {
            authors++;
            if (names(List.of(expectedAuthor.split(";"))).equals(names(m.authors()))) {
              authorsRight++;
            }
          }
          if (pageListener != null) {
            pageListener.accept(
                new PageOutcome(
                    file, url, missing, kept, expectedTitle, m.title(), expectedDate, day,
                    expectedAuthor, m.authors()));
          }
        }
      }
    }
    return new ExtractionScores(
        pages, tp, fn, fp, tn, titlesRight, titles, datesRight, dates, authorsRight, authors);
  }

  private static boolean sameTitle(String expected, String found) {
    return fold(expected).equals(fold(found));
  }

  private static Set<String> names(List<String> names) {
    Set<String> out = new TreeSet<>();
    for (String n : names) {
      String f = fold(n);
      if (!f.isEmpty()) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * Case and spacing aside, and soft hyphens ({@code &shy;}, U+00AD) and zero-width spaces, which
   * are invisible: a few annotations copied them from the page's markup.
   */
  private static String fold(String s) {
    return collapse(s.replaceAll("[\\u00AD\\u200B]", "")).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a day found ({@code YYYY-MM-DD}, or empty) is the annotated one, read as {@link
   * PageOutcome#expectedDate} is scored.
   *
   * @param annotated the annotated day, as the set writes it
   * @param found the day found, or empty
   * @return true when they are the same day
   */
  public static boolean sameDay(String annotated, String found) {
    return day(annotated).equals(found);
  }

  private static final java.util.regex.Pattern ANNOTATED_DAY =
      java.util.regex.Pattern.compile("(\\d{4})[-.](\\d{1,2})[-.](\\d{1,2})");

  /**
   * An annotated day in ISO form: a few annotations write {@code 2022-11-1} or {@code 2022-01.26};
   * one that is not a real day ({@code 2022-29-11}) is kept as written, and matches nothing.
   */
  static String day(String annotated) {
    String a = annotated.strip();
    java.util.regex.Matcher m = ANNOTATED_DAY.matcher(a);
    if (m.matches()) {
      try {
        return java.time.LocalDate.of(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)))
            .toString();
      } catch (java.time.DateTimeException e) {
        return a;
      }
    }
    return a;
  }

  private static String collapse(String s) {
    return String.join(" ", s.strip().split("\\s+"));
  }

  private static TarArchiveInputStream open(Path archive) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(archive));
    try {
      return new TarArchiveInputStream(new GzipCompressorInputStream(in));
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  /** The annotations by page file name. */
  private static Map<String, List<Map.Entry<String, JsonNode>>> annotations(Path archive)
      throws IOException {
    try (TarArchiveInputStream tar = open(archive)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.getName().endsWith("tests/evaldata.json")) {
          JsonNode root = JSON.readTree(tar.readAllBytes());
          Map<String, List<Map.Entry<String, JsonNode>>> byFile = new HashMap<>();
          for (Map.Entry<String, JsonNode> e : root.properties()) {
            byFile
                .computeIfAbsent(e.getValue().path("file").asText(), k -> new ArrayList<>())
                .add(e);
          }
          return byFile;
        }
      }
    }
    throw new IOException(archive + " holds no tests/evaldata.json");
  }
}
