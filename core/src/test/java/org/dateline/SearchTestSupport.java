package org.dateline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;

/** Test helpers for search: the corpora, and a plain scan of analyzed text to compare hits with. */
final class SearchTestSupport {
  private SearchTestSupport() {}

  private static final Analyzer ANALYZER = new NewsAnalyzer();

  /** The sample corpus folder, from the core module's directory. */
  static Path corpusDir() {
    return Path.of("").toAbsolutePath().resolve("../corpus/articles").normalize();
  }

  /** The Reuters-21578 archive; skips the test when the shared data folder is absent. */
  static Path reutersArchive() {
    Path p =
        Path.of("")
            .toAbsolutePath()
            .resolve("../../shared/data/reuters21578/reuters21578.tar.gz")
            .normalize();
    assumeTrue(Files.isRegularFile(p), "Reuters-21578 not found at " + p + "; skipping");
    return p;
  }

  /** The sample articles, read with the corpus readers as {@code dateline index} reads them. */
  static List<Article> sampleArticles() {
    List<Article> out = new ArrayList<>();
    ProblemLog log = new ProblemLog(ReadMode.STRICT);
    try (ArticleReader reader = ArticleReaders.open(List.of(corpusDir()), Format.AUTO, log)) {
      Optional<Article> next;
      while ((next = reader.next()).isPresent()) {
        out.add(next.get());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The tokens of a text as the index sees them, by position: a position the analyzer left empty (a
   * dropped over-long token) holds null, so no phrase can match across it.
   */
  static List<String> analyze(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = ANALYZER.tokenStream(Fields.BODY, new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        for (int i = 1; i < inc.getPositionIncrement(); i++) {
          out.add(null);
        }
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Whether {@code phrase} occurs as consecutive tokens in {@code tokens}. */
  static boolean containsPhrase(List<String> tokens, List<String> phrase) {
    outer:
    for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
      for (int j = 0; j < phrase.size(); j++) {
        if (!phrase.get(j).equals(tokens.get(i + j))) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Ids of the articles whose title or body holds the phrase (analyzed), by plain scan. */
  static Set<String> scanPhrase(Collection<Article> articles, String phrase) {
    List<String> p = analyze(phrase);
    Set<String> ids = new TreeSet<>();
    for (Article a : articles) {
      if (containsPhrase(analyze(a.title()), p) || containsPhrase(analyze(a.body()), p)) {
        ids.add(a.id());
      }
    }
    return ids;
  }

  /** Ids of the articles whose title or body holds every word (analyzed), by plain scan. */
  static Set<String> scanAllWords(Collection<Article> articles, String words) {
    Set<String> ids = new TreeSet<>();
    for (Article a : articles) {
      List<String> tokens = new ArrayList<>(analyze(a.title()));
      tokens.addAll(analyze(a.body()));
      if (tokens.containsAll(analyze(words))) {
        ids.add(a.id());
      }
    }
    return ids;
  }

  /** The ids of a result's hits, in order. */
  static List<String> ids(SearchResult r) {
    List<String> ids = new ArrayList<>();
    for (Hit h : r.hits()) {
      ids.add(h.id());
    }
    return ids;
  }
}
