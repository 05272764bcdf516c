package org.dateline;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.queryparser.charstream.FastCharStream;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.QueryParserTokenManager;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;

/**
 * English function words, and the rule by which a query drops them at search time while the index
 * keeps every word.
 *
 * <p>Verbose questions ("I am interested in articles which deal with ...") match "in", "the",
 * "which" in nearly every long article; each adds a little BM25 score to every article that is
 * long, and together they drown the words that matter. The index keeps them, so that {@code "court
 * of appeals"} still matches exactly those words; a query drops them when they are only filler:
 *
 * <ul>
 *   <li>only words written bare: not inside quotes ({@code "the who"}), not with a field ({@code
 *       title:the}), a boost or a fuzzy mark, not made required or excluded by an operator ({@code
 *       +the}, {@code -the}, {@code NOT the}, {@code the AND who}, {@code the OR who}), not inside
 *       parentheses;
 *   <li>only when the query keeps a word, phrase or term that is not a function word and not
 *       excluded: a query of function words alone ({@code the who}, {@code to be or not to be})
 *       keeps them all.
 * </ul>
 *
 * <p>The list is fixed, English, and closed-class only: articles and determiners, pronouns,
 * prepositions, conjunctions, auxiliary and modal verbs, question words and a few adverbs of
 * degree and negation ({@link #WORDS}). It is not tuned to any collection.
 */
final class FunctionWords {
  private FunctionWords() {}

  /** The function words, in lower case, as written (before stemming). */
  static final Set<String> WORDS =
      Set.of(
          // articles and determiners
          "a", "an", "the", "this", "that", "these", "those", "each", "every", "either",
          "neither", "some", "any", "all", "both", "such", "no", "other", "another",
          // pronouns
          "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you",
          "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her",
          "hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs",
          "themselves", "who", "whom", "whose", "which", "what", "whatever", "whichever",
          "whoever",
          // prepositions
          "about", "above", "across", "after", "against", "along", "among", "around", "at",
          "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by",
          "down", "during", "except", "for", "from", "in", "inside", "into", "near", "of", "off",
          "on", "onto", "out", "outside", "over", "since", "through", "throughout", "to",
          "toward", "towards", "under", "until", "up", "upon", "via", "with", "within",
          "without",
          // conjunctions
          "and", "or", "but", "nor", "so", "yet", "if", "because", "although", "though", "while",
          "whereas", "unless", "whether", "than", "as",
          // auxiliary and modal verbs
          "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having",
          "do", "does", "did", "doing", "will", "would", "shall", "should", "can", "could", "may",
          "might", "must",
          // question words, adverbs of place, time, degree and negation
          "how", "when", "where", "why", "there", "here", "then", "not", "very", "too", "also",
          "just",
          // contractions
          "i'm", "i'd", "i've", "i'll", "you're", "we're", "they're", "it's", "that's",
          "there's", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "can't", "won't");

  /**
   * Whether a word as written is a function word: case is ignored, and a typographic apostrophe
   * ({@code I’m}) is read as a straight one.
   *
   * @param word one word of a query
   * @return true when it is in {@link #WORDS}
   */
  static boolean is(String word) {
    String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    return WORDS.contains(w);
  }

  /**
   * Blanks out the function words a query in Lucene's classic syntax drops (see the class comment).
   * Each dropped word is replaced by as many spaces, so every position in the query, which error
   * messages cite, stays where it was.
   *
   * @param query the query as written
   * @return the query to parse; the same string when nothing is dropped or the syntax cannot be
   *     read (the parser then reports the error on the query as written)
   */
  static String blankOut(String query) {
    List<Token> tokens = new ArrayList<>();
    try {
      QueryParserTokenManager lexer =
          new QueryParserTokenManager(new FastCharStream(new StringReader(query)));
      for (Token t = lexer.getNextToken();
          t.kind != QueryParserConstants.EOF;
          t = lexer.getNextToken()) {
        tokens.add(t);
      }
    } catch (TokenMgrError | RuntimeException e) {
      return query;
    }
    List<Token> dropped = new ArrayList<>();
    boolean content = false;
    int depth = 0;
    // whether each open parenthesis (and those around it) is excluded: -(a b), NOT (a b)
    List<Boolean> excludedGroups = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      switch (t.kind) {
        case QueryParserConstants.LPAREN -> {
          boolean outer = !excludedGroups.isEmpty() && excludedGroups.getLast();
          excludedGroups.add(outer || excludes(modifier(tokens, i)));
          depth++;
        }
        case QueryParserConstants.RPAREN -> {
          if (!excludedGroups.isEmpty()) {
            excludedGroups.removeLast();
          }
          depth = Math.max(0, depth - 1);
        }
        case QueryParserConstants.TERM,
            QueryParserConstants.QUOTED,
            QueryParserConstants.PREFIXTERM,
            QueryParserConstants.WILDTERM,
            QueryParserConstants.REGEXPTERM,
            QueryParserConstants.RANGEIN_START,
            QueryParserConstants.RANGEEX_START,
            QueryParserConstants.STAR -> {
          if (kindAt(tokens, i + 1) == QueryParserConstants.COLON) {
            break; // a field name; its value is the next token
          }
          boolean excluded =
              (!excludedGroups.isEmpty() && excludedGroups.getLast())
                  || excludes(modifier(tokens, i));
          if (excluded) {
            break;
          }
          if (t.kind == QueryParserConstants.TERM && depth == 0 && droppable(tokens, i)) {
            dropped.add(t);
          } else {
            content = true;
          }
        }
        default -> {}
      }
    }
    if (!content || dropped.isEmpty()) {
      return query;
    }
    char[] out = query.toCharArray();
    for (Token t : dropped) {
      for (int c = t.beginColumn; c <= t.endColumn && c < out.length; c++) {
        out[c] = ' ';
      }
    }
    return new String(out);
  }

  /** A bare function word: no field, operator, boost or fuzzy mark, nothing joined to it. */
  private static boolean droppable(List<Token> tokens, int i) {
    if (!is(tokens.get(i).image)) {
      return false;
    }
    int before = kindAt(tokens, i - 1);
    int after = kindAt(tokens, i + 1);
    return !isModifierOrJoin(before)
        && before != QueryParserConstants.COLON
        && !isModifierOrJoin(after)
        && after != QueryParserConstants.CARAT
        && after != QueryParserConstants.FUZZY_SLOP;
  }

  private static boolean isModifierOrJoin(int kind) {
    return kind == QueryParserConstants.PLUS
        || kind == QueryParserConstants.MINUS
        || kind == QueryParserConstants.NOT
        || kind == QueryParserConstants.AND
        || kind == QueryParserConstants.OR;
  }

  /** The token that modifies the clause at {@code i}: before its field name when it has one. */
  private static int modifier(List<Token> tokens, int i) {
    int before = kindAt(tokens, i - 1);
    return before == QueryParserConstants.COLON ? kindAt(tokens, i - 3) : before;
  }

  private static boolean excludes(int kind) {
    return kind == QueryParserConstants.MINUS || kind == QueryParserConstants.NOT;
  }

  private static int kindAt(List<Token> tokens, int i) {
    return i < 0 || i >= tokens.size() ? QueryParserConstants.EOF : tokens.get(i).kind;
  }
}
