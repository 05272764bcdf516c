package org.dateline;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The Reuters-21578 documents read straight from the SGML with regular expressions, independently
 * of the corpus reader: what facet counts over the indexed corpus are checked against.
 */
final class RawReuters {
  /** Where the tarball lies, relative to the core module's folder. */
  static final Path TARBALL =
      Path.of("").toAbsolutePath().resolve("../../shared/data/reuters21578/reuters21578.tar.gz").normalize();

  private static final Pattern DOCUMENT = Pattern.compile("<REUTERS.*?</REUTERS>", Pattern.DOTALL);
  private static final Pattern MONTH = Pattern.compile("<DATE>\\s*\\d{1,2}-([A-Z]{3})-(\\d{4})");
  private static final Pattern D = Pattern.compile("<D>(.*?)</D>");
  private static final Pattern TEXT = Pattern.compile("<TEXT([^>]*)>(.*?)</TEXT>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

  /**
   * One document.
   *
   * @param month its DATE's month as {@code 1987-03}
   * @param topics its TOPICS values, distinct
   * @param places its PLACES values, distinct
   * @param oil whether its title or body has a token that analyzes to {@code oil}
   */
  record Doc(String month, Set<String> topics, Set<String> places, boolean oil) {}

  private RawReuters() {}

  static boolean available() {
    return Files.isRegularFile(TARBALL);
  }

  static List<Doc> read() throws IOException {
    List<Doc> docs = new ArrayList<>();
    try (Analyzer analyzer = new NewsAnalyzer();
        InputStream in = new BufferedInputStream(Files.newInputStream(TARBALL));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (!entry.getName().matches("(.*/)?reut2-\\d{3}\\.sgm")) {
          continue;
        }
        String sgml = new String(tar.readAllBytes(), StandardCharsets.ISO_8859_1);
        Matcher doc = DOCUMENT.matcher(sgml);
        while (doc.find()) {
          docs.add(parse(doc.group(), analyzer));
        }
      }
    }
    return docs;
  }

  private static Doc parse(String doc, Analyzer analyzer) {
    Matcher date = MONTH.matcher(doc);
    String month = null;
    if (date.find()) {
      month = String.format(Locale.ROOT, "%s-%02d", date.group(2), MONTHS.indexOf(date.group(1)) + 1);
    }
    String title = "";
    String body = "";
    Matcher text = TEXT.matcher(doc);
    if (text.find()) {
      if (text.group(1).contains("UNPROC")) {
        body = TAG.matcher(text.group(2)).replaceAll(" ");
      } else {
        title = element(text.group(2), "TITLE");
        body = element(text.group(2), "BODY");
      }
    }
    boolean oil = hasToken(analyzer, unescape(title), "oil") || hasToken(analyzer, unescape(body), "oil");
    return new Doc(month, values(doc, "TOPICS"), values(doc, "PLACES"), oil);
  }

  private static String element(String s, String tag) {
    int a = s.indexOf("<" + tag + ">");
    int b = s.indexOf("</" + tag + ">");
    return a < 0 || b < a ? "" : s.substring(a + tag.length() + 2, b);
  }

  private static Set<String> values(String doc, String list) {
    Set<String> values = new LinkedHashSet<>();
    Matcher d = D.matcher(element(doc, list));
    while (d.find()) {
      values.add(d.group(1).strip());
    }
    return values;
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replaceAll("&#\\d+;", " ");
  }

  private static boolean hasToken(Analyzer analyzer, String text, String token) {
    try (TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      boolean found = false;
      while (ts.incrementToken()) {
        found |= term.toString().equals(token);
      }
      ts.end();
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Documents per month among those a predicate accepts. */
  static Map<String, Long> byMonth(List<Doc> docs, Predicate<Doc> which) {
    Map<String, Long> m = new TreeMap<>();
    for (Doc d : docs) {
      if (which.test(d) && d.month() != null) {
        m.merge(d.month(), 1L, Long::sum);
      }
    }
    return m;
  }

  /** Documents per value of a list field among those a predicate accepts. */
  static Map<String, Long> byValue(
      List<Doc> docs, Predicate<Doc> which, Function<Doc, Set<String>> field) {
    Map<String, Long> m = new TreeMap<>();
    for (Doc d : docs) {
      if (which.test(d)) {
        for (String v : field.apply(d)) {
          m.merge(v, 1L, Long::sum);
        }
      }
    }
    return m;
  }
}
