package org.dateline;

/**
 * The parameters of RM3 query expansion (relevance model 3, pseudo-relevance feedback), as {@link
 * SearchRequest#expand(Rm3)} asks for it: the query is run once, the words that characterize its
 * best articles are added to it, and the expanded query is run again.
 *
 * <p>The feedback words are weighed as Lavrenko and Croft's relevance model, the way Anserini's
 * {@code -rm3} does: each of the best {@code feedbackDocs} articles (title and body, analyzed as
 * indexed) contributes its {@code feedbackTerms} most frequent words, each weighed by its share of
 * those words' occurrences times the article's score; words of 1 or more than 20 characters, words
 * with other characters than letters and digits, and words in more than 10% of the articles are
 * left out. The best {@code feedbackTerms} words, scaled to sum to 1, are mixed with the query's
 * own words (each weighing its share of them): {@code originalQueryWeight} of the query, the rest
 * of the feedback.
 *
 * <p>Anserini's RM3 parameters ({@link #DEFAULT}) were set with its BM25, so the feedback run
 * (which articles are the best, and their scores) ranks with {@link Bm25#ANSERINI} whatever the
 * searcher's own parameters. The feedback counts each article's words as one text, as Anserini's
 * one text field holds them, so the words the expanded query adds (and, for a plain-words query,
 * its own words too) weigh the same in title and body.
 *
 * @param feedbackDocs how many of the best articles of the first run to learn from, 1 to {@value
 *     #MAX_FEEDBACK}
 * @param feedbackTerms how many words to add, 1 to {@value #MAX_FEEDBACK}
 * @param originalQueryWeight how much of the expanded query is the original query, 0 (only the
 *     feedback words) to 1 (no expansion)
 */
public record Rm3(int feedbackDocs, int feedbackTerms, float originalQueryWeight) {
  /** Anserini's defaults: 10 articles, 10 words, half the weight on the original query. */
  public static final Rm3 DEFAULT = new Rm3(10, 10, 0.5f);

  /** Most feedback articles or words. */
  public static final int MAX_FEEDBACK = 1000;

  /** Validates. */
  public Rm3 {
    Check.argument(
        feedbackDocs >= 1 && feedbackDocs <= MAX_FEEDBACK,
        "feedbackDocs must be between 1 and %d (got: %d)",
        MAX_FEEDBACK,
        feedbackDocs);
    Check.argument(
        feedbackTerms >= 1 && feedbackTerms <= MAX_FEEDBACK,
        "feedbackTerms must be between 1 and %d (got: %d)",
        MAX_FEEDBACK,
        feedbackTerms);
    Check.argument(
        originalQueryWeight >= 0 && originalQueryWeight <= 1,
        "originalQueryWeight must be between 0 and 1 (got: %s)",
        originalQueryWeight);
  }
}
