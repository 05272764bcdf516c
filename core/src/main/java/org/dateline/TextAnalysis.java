package org.dateline;

import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How title and body text is split into index words. Chosen when an index is created and kept with
 * it: a searcher parses queries with the analysis the index was written with.
 */
public enum TextAnalysis {
  /**
   * The default: Unicode word breaks, possessives removed, lower case, accents folded, Porter
   * stemming, no stop words, so that a quoted phrase matches exactly the words written.
   */
  NEWS,

  /**
   * Anserini's default English analysis, for reproducing published IR results: Unicode word breaks,
   * possessives removed, lower case, Lucene's 33 English stop words ({@code
   * EnglishAnalyzer.ENGLISH_STOP_WORDS_SET}) dropped, Porter stemming. No accent folding.
   */
  ENGLISH_STOPWORDS_PORTER;

  /** The key under which the analysis is kept in the index's commit data. */
  static final String COMMIT_KEY = "dateline.analysis";

  /**
   * The analysis's name in lower case with dashes, as the CLI and the commit data write it.
   *
   * @return e.g. {@code english-stopwords-porter}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Finds an analysis by its {@link #label()} or constant name, ignoring case.
   *
   * @param label e.g. {@code news} or {@code english-stopwords-porter}
   * @return the analysis
   * @throws IllegalArgumentException when no analysis has that name, listing the names
   */
  public static TextAnalysis ofLabel(String label) {
    String key = label == null ? "" : label.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (TextAnalysis a : values()) {
      if (a.name().equals(key)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "analysis must be one of news, english-stopwords-porter (got: " + label + ")");
  }

  /**
   * Whether queries drop English function words ({@link FunctionWords}) at search time: for an
   * index that keeps every word. An index that drops stop words itself is searched as its analysis
   * says, so that published results made with it are reproduced.
   */
  boolean dropsFunctionWords() {
    return this == NEWS;
  }

  /** A fresh analyzer for title and body text. */
  Analyzer textAnalyzer() {
    return switch (this) {
      case NEWS -> new NewsAnalyzer();
      case ENGLISH_STOPWORDS_PORTER -> new EnglishStopwordsPorter();
    };
  }

  /** The chain of Anserini's {@code DefaultEnglishAnalyzer.newDefaultInstance()}. */
  private static final class EnglishStopwordsPorter extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      TokenStream result = new EnglishPossessiveFilter(source);
      result = new LowerCaseFilter(result);
      result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      result = new PorterStemFilter(result);
      return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }
}
