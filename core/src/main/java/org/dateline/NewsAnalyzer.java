package org.dateline;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English analysis for titles and bodies: Unicode word breaks, possessives removed ("Microsoft's"
 * is "microsoft"), lower case, accents folded ("café" is "cafe"), Porter stemming ("warrants" is
 * "warrant", "emails" is "email").
 *
 * <p>No stop words: a quoted phrase must match exactly the words written, and "court of appeals"
 * must not match "court for appeals" as it would if "of" were dropped and left a gap. BM25 already
 * gives frequent words little weight.
 *
 * <p>Tokens longer than {@value Fields#MAX_TOKEN_CHARS} characters (base64 blobs, runs of
 * punctuation-free junk) are dropped rather than split, so they never reach Lucene's 32,766-byte
 * term limit and never pollute the vocabulary with fragments.
 */
final class NewsAnalyzer extends Analyzer {
  /** Longest token the tokenizer will buffer before splitting; far above what we keep. */
  private static final int TOKENIZER_MAX = 1024 * 1024;

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    source.setMaxTokenLength(TOKENIZER_MAX);
    // EnglishPossessiveFilter, LowerCaseFilter, ASCIIFoldingFilter and LengthFilter fused in one
    // filter (NewsAnalysisChainTest compares it with the four), then Porter
    TokenStream result = new NewsWordFilter(source, Fields.MAX_TOKEN_CHARS);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  /** Returns the tokenizer class, for tests that compare against a plain scan. */
  static Class<? extends Tokenizer> tokenizerClass() {
    return StandardTokenizer.class;
  }
}
