package org.dateline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.ArrayUtil;

/**
 * Word pairs of frequent words, indexed beside title and body so that exact phrases made of
 * frequent words ({@code "of the"}, {@code "said it"}, {@code "mln dlrs in"}) read a short list of
 * pair postings instead of intersecting the positions of two huge ones.
 *
 * <p>For every two adjacent words of a title or body that are both on the {@linkplain #WORDS
 * frequent-word list} (compared after stemming), the fields {@link #TITLE} and {@link #BODY} hold
 * the pair as one term at the first word's position. Nothing else goes into them: title and body
 * keep every word and their statistics, so BM25 scores and every other query are untouched. This
 * is Lucene's {@code CommonGramsFilter} idea, restricted to pairs of two frequent words (a pair
 * with one rare word is already fast: the rare word's short list leads) and kept out of the text
 * fields (whose length and term statistics BM25 reads).
 *
 * <p>A pair is made only of words one position apart, so a dropped over-long token between two
 * frequent words makes no pair, exactly as it breaks the phrase; an exact phrase therefore matches
 * a document at a position if and only if each of its frequent pairs is in the pair field there and
 * each of its other words is in the text field there. {@link #rewrite} turns exact phrases into
 * such {@link GramPhraseQuery GramPhraseQueries}, scored as the phrase itself would be.
 *
 * <p>The list is fixed per index: the index records {@value #VERSION} under {@link #COMMIT_KEY}
 * when it is created, and a searcher uses pairs only for an index that says it has them, so an
 * index written before (or with another analysis) is searched with plain phrases.
 */
final class PhraseGrams {
  /** The commit-data key under which an index records the pair list version it was built with. */
  static final String COMMIT_KEY = "dateline.phrase-grams";

  /** The version of {@link #WORDS}; a new list needs a new version. */
  static final String VERSION = "1";

  /** The pair field of the title. */
  static final String TITLE = "$grams_title";

  /** The pair field of the body. */
  static final String BODY = "$grams_body";

  /**
   * The frequent words, as written: English function words and the most frequent words of wire
   * copy (Reuters-21578's most frequent words: "said", "mln", "dlrs", "pct", "cts", "vs"...).
   */
  static final List<String> WORDS =
      List.of(
          "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
          "from", "with", "as", "into", "onto", "about", "over", "under", "after", "before",
          "between", "through", "during", "against", "without", "within", "than", "then", "that",
          "this", "these", "those", "there", "here", "it", "its", "he", "she", "his", "her", "him",
          "they", "them", "their", "we", "our", "you", "your", "i", "me", "my", "who", "whom",
          "whose", "which", "what", "when", "where", "why", "how", "is", "are", "was", "were", "be",
          "been", "being", "am", "has", "have", "had", "having", "do", "does", "did", "not", "no",
          "will", "would", "shall", "should", "can", "could", "may", "might", "must", "also", "if",
          "so", "up", "out", "all", "some", "any", "more", "most", "other", "such", "only", "one",
          "two", "three", "said", "says", "say", "told", "mln", "dlrs", "dlr", "pct", "cts", "vs",
          "billion", "million", "year", "company", "net", "inc", "corp", "reuter", "shr", "qtr",
          "last", "new");

  /** The pair fields: positions for phrases of several pairs, no offsets, norms or stored value. */
  static final FieldType TYPE;

  static {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(false);
    t.setOmitNorms(true);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    t.freeze();
    TYPE = t;
  }

  private static final char SEPARATOR = ' ';

  private final Set<String> frequent;
  private final CharArraySet frequentChars;

  private PhraseGrams(Set<String> frequent) {
    this.frequent = frequent;
    this.frequentChars = CharArraySet.unmodifiableSet(new CharArraySet(frequent, false));
  }

  /** The list of version {@value #VERSION}, stemmed by the news analysis. */
  private static final PhraseGrams V1 = new PhraseGrams(stems(WORDS));

  /**
   * The pairs a new index with this analysis gets: those of the current version for the news
   * analysis, none for others (a stop-word analysis drops most of the words).
   *
   * @param analysis the new index's analysis
   * @return the pairs, or null for none
   */
  static PhraseGrams forNewIndex(TextAnalysis analysis) {
    return analysis == TextAnalysis.NEWS ? V1 : null;
  }

  /**
   * The pairs an index holds, as its commit data records them.
   *
   * @param commitData the commit's user data
   * @return the pairs, or null when the index has none (written before they existed) or records a
   *     version this code does not know
   */
  static PhraseGrams ofCommit(Map<String, String> commitData) {
    return VERSION.equals(commitData.get(COMMIT_KEY)) ? V1 : null;
  }

  /** The pair field of a text field, or null for other fields. */
  static String gramField(String textField) {
    return switch (textField) {
      case Fields.TITLE -> TITLE;
      case Fields.BODY -> BODY;
      default -> null;
    };
  }

  /** Whether an analyzed (stemmed) word is on the list. */
  boolean isFrequent(String stem) {
    return frequent.contains(stem);
  }

  /** The pair term of two analyzed words. */
  static String pair(String first, String second) {
    return first + SEPARATOR + second;
  }

  /**
   * Adds a text field and its pair field to a document. The text is analyzed once: as the index
   * writer inverts the text field, its pairs of adjacent frequent words are recorded, and the pair
   * field, added after it and so inverted after it, replays them. The recording and the pair
   * stream are the calling thread's, reused for its next document: a thread must write a document
   * before it builds its next one (as the indexing threads do).
   *
   * @param doc the document
   * @param textField {@link Fields#TITLE} or {@link Fields#BODY}
   * @param text the field's text
   * @param textType the text field's type
   */
  void addFields(Document doc, String textField, String text, FieldType textType) {
    Scratch scratch = this.scratch.get();
    int which = textField.equals(Fields.TITLE) ? 0 : 1;
    if (scratch.recordings[which].positions.length > MAX_KEPT_PAIRS) {
      scratch.fresh(which); // after a huge article: let its arrays go
    }
    Recording recording = scratch.recordings[which];
    recording.clear(); // the last document of this thread is written: its pairs are done with
    doc.add(
        new Field(textField, text, textType) {
          @Override
          public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            return new Recorder(super.tokenStream(analyzer, reuse), recording);
          }
        });
    doc.add(new Field(gramField(textField), scratch.pairs[which], TYPE));
  }

  /** The most pairs a thread's recording keeps room for between documents. */
  private static final int MAX_KEPT_PAIRS = 1 << 16;

  /**
   * Each indexing thread's recordings and pair streams (title, body), reused from one document to
   * the next: a thread builds a document and writes it before it builds the next. Growing a new
   * recording's arrays for every field of every article was half of what the indexing threads
   * allocated (JFR allocation samples, reuters10), and a new pair stream is a new set of attributes.
   */
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  private static final class Scratch {
    final Recording[] recordings = new Recording[2];
    final PairStream[] pairs = new PairStream[2];

    Scratch() {
      fresh(0);
      fresh(1);
    }

    void fresh(int which) {
      recordings[which] = new Recording();
      pairs[which] = new PairStream(recordings[which]);
    }
  }

  /**
   * The pairs of one field of one document, in order: each pair's term (first stem, separator,
   * second stem) and the first word's position. Only pairs are kept, not every frequent word, and
   * no offsets: the pair fields index none.
   */
  private static final class Recording {
    final StringBuilder terms = new StringBuilder();
    int[] ends = new int[16]; // end of each pair's term in terms
    int[] positions = new int[16];
    int size;

    void clear() {
      terms.setLength(0);
      size = 0;
    }

    /** Records the pair of the stem {@code previous} (at position - 1) and {@code term}. */
    void add(char[] previous, int previousLength, char[] term, int length, int position) {
      if (size == positions.length) {
        int n = ArrayUtil.oversize(size + 1, Integer.BYTES);
        ends = Arrays.copyOf(ends, n);
        positions = Arrays.copyOf(positions, n);
      }
      terms.append(previous, 0, previousLength).append(SEPARATOR).append(term, 0, length);
      ends[size] = terms.length();
      positions[size] = position - 1;
      size++;
    }

    int termStart(int i) {
      return i == 0 ? 0 : ends[i - 1];
    }
  }

  /**
   * Passes the text field's tokens through unchanged and records each pair of frequent words one
   * position apart (a word between them, or a dropped over-long token, leaves a gap: no pair).
   */
  private final class Recorder extends TokenFilter {
    private final Recording recording;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc =
        addAttribute(PositionIncrementAttribute.class);
    private int position;
    /** The previous token's stem when it was frequent and at {@code position - 1}'s place. */
    private char[] previous = new char[16];
    private int previousLength;
    /** The position of the last frequent token, or -2 for none. */
    private int previousPosition;

    Recorder(TokenStream in, Recording recording) {
      super(in);
      this.recording = recording;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      position += posInc.getPositionIncrement();
      char[] buffer = term.buffer();
      int length = term.length();
      if (frequentChars.contains(buffer, 0, length)) {
        if (previousPosition == position - 1) {
          recording.add(previous, previousLength, buffer, length, position);
        }
        if (previous.length < length) {
          previous = new char[ArrayUtil.oversize(length, Character.BYTES)];
        }
        System.arraycopy(buffer, 0, previous, 0, length);
        previousLength = length;
        previousPosition = position;
      }
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      recording.clear();
      position = -1;
      previousPosition = -2;
    }
  }

  /** The recorded pairs of a field, each at its first word's position. */
  private static final class PairStream extends TokenStream {
    private final Recording recording;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc =
        addAttribute(PositionIncrementAttribute.class);
    private int next;
    private int lastEmitted;

    PairStream(Recording recording) {
      this.recording = recording;
    }

    @Override
    public boolean incrementToken() {
      Recording r = recording;
      if (next == r.size) {
        return false;
      }
      int i = next++;
      clearAttributes();
      term.setEmpty().append(r.terms, r.termStart(i), r.ends[i]);
      posInc.setPositionIncrement(r.positions[i] - lastEmitted);
      lastEmitted = r.positions[i];
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
      lastEmitted = -1;
    }
  }

  /**
   * Replaces each exact phrase on title or body that holds a pair of adjacent frequent words with a
   * {@link GramPhraseQuery}; everything else stays as it is.
   *
   * @param query a parsed query
   * @return the query to run; the same object when nothing changed
   */
  Query rewrite(Query query) {
    if (query instanceof PhraseQuery pq) {
      return rewritePhrase(pq);
    }
    if (query instanceof BoostQuery bq) {
      Query inner = rewrite(bq.getQuery());
      return inner == bq.getQuery() ? bq : new BoostQuery(inner, bq.getBoost());
    }
    if (query instanceof BooleanQuery bq) {
      List<BooleanClause> clauses = new ArrayList<>(bq.clauses().size());
      boolean changed = false;
      for (BooleanClause c : bq.clauses()) {
        Query q = rewrite(c.query());
        changed |= q != c.query();
        clauses.add(new BooleanClause(q, c.occur()));
      }
      if (!changed) {
        return bq;
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      clauses.forEach(b::add);
      return b.build();
    }
    return query;
  }

  private Query rewritePhrase(PhraseQuery pq) {
    String gramField = gramField(pq.getField());
    Term[] terms = pq.getTerms();
    if (gramField == null || pq.getSlop() != 0 || terms.length < 2) {
      return pq;
    }
    int[] positions = pq.getPositions();
    boolean[] covered = new boolean[terms.length];
    List<GramPhraseQuery.Part> parts = new ArrayList<>();
    for (int i = 0; i + 1 < terms.length; i++) {
      String a = terms[i].text();
      String b = terms[i + 1].text();
      if (positions[i + 1] == positions[i] + 1 && isFrequent(a) && isFrequent(b)) {
        parts.add(new GramPhraseQuery.Part(new Term(gramField, pair(a, b)), positions[i]));
        covered[i] = true;
        covered[i + 1] = true;
      }
    }
    if (parts.isEmpty()) {
      return pq;
    }
    for (int i = 0; i < terms.length; i++) {
      if (!covered[i]) {
        parts.add(new GramPhraseQuery.Part(terms[i], positions[i]));
      }
    }
    return new GramPhraseQuery(pq, parts);
  }

  private static Set<String> stems(List<String> words) {
    Set<String> out = new HashSet<>();
    try (Analyzer a = new NewsAnalyzer()) {
      for (String w : words) {
        try (TokenStream ts = a.tokenStream(Fields.BODY, w)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            out.add(term.toString());
          }
          ts.end();
        } catch (IOException e) {
          throw new UncheckedIOException("analyzing a string cannot fail", e);
        }
      }
    }
    return Set.copyOf(out);
  }
}
