package org.dateline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.ArrayUtil;

/**
 * An exact phrase answered through {@link PhraseGrams} pairs: it matches the documents, and scores
 * them, exactly as its {@link PhraseQuery} would.
 *
 * <p>The phrase is split into parts, each a term at an offset in the phrase: a pair term (pair
 * field) for each two adjacent frequent words, the text field's own term for each word no pair
 * covers. A document matches where every part is at its offset from one start; the number of such
 * starts is the phrase frequency. A phrase of one pair ({@code "of the"}) is that pair's postings
 * alone, frequency included, with no positions read. Scores come from the phrase's own statistics
 * (its words' document frequencies, the text field's lengths and norms), so hits, totals, scores
 * and order are the phrase's. Highlighting and term extraction see the phrase ({@link #visit}).
 */
final class GramPhraseQuery extends Query {
  /**
   * One part of the phrase.
   *
   * @param term a pair term or a word of the text field
   * @param position its position in the phrase
   */
  record Part(Term term, int position) {}

  private final PhraseQuery phrase;
  private final List<Part> parts;

  GramPhraseQuery(PhraseQuery phrase, List<Part> parts) {
    this.phrase = Objects.requireNonNull(phrase, "phrase");
    this.parts = List.copyOf(parts);
    if (this.parts.isEmpty()) {
      throw new IllegalArgumentException("parts must not be empty");
    }
  }

  /** The phrase this query answers. */
  PhraseQuery phrase() {
    return phrase;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Similarity.SimScorer sim = null;
    if (scoreMode.needsScores()) {
      // as PhraseQuery's weight computes them
      Term[] terms = phrase.getTerms();
      TermStatistics[] stats = new TermStatistics[terms.length];
      int n = 0;
      for (Term t : terms) {
        TermStates states = TermStates.build(searcher, t, true);
        if (states.docFreq() > 0) {
          stats[n++] = searcher.termStatistics(t, states.docFreq(), states.totalTermFreq());
        }
      }
      if (n == 0) {
        return new MatchNoDocsQuery("no word of the phrase is in the index")
            .createWeight(searcher, scoreMode, boost);
      }
      sim =
          searcher
              .getSimilarity()
              .scorer(
                  boost,
                  searcher.collectionStatistics(phrase.getField()),
                  ArrayUtil.copyOfSubArray(stats, 0, n));
    }
    Similarity.SimScorer scorer = sim;
    return new Weight(this) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        LeafReader reader = context.reader();
        int flags = parts.size() == 1 ? PostingsEnum.FREQS : PostingsEnum.POSITIONS;
        PostingsEnum[] postings = new PostingsEnum[parts.size()];
        long cost = Long.MAX_VALUE;
        for (int i = 0; i < postings.length; i++) {
          Term t = parts.get(i).term();
          Terms terms = reader.terms(t.field());
          if (terms == null) {
            return null;
          }
          TermsEnum te = terms.iterator();
          if (!te.seekExact(t.bytes())) {
            return null;
          }
          postings[i] = te.postings(null, flags);
          cost = Math.min(cost, te.docFreq());
        }
        NumericDocValues norms = scorer == null ? null : reader.getNormValues(phrase.getField());
        long leafCost = cost;
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) {
            return new GramScorer(postings, offsets(), scorer, norms);
          }

          @Override
          public long cost() {
            return leafCost;
          }
        };
      }

      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        Scorer s = scorer(context);
        if (s != null && s.iterator().advance(doc) == doc) {
          return Explanation.match(
              s.score(), "phrase " + phrase + ", found through frequent-word pairs");
        }
        return Explanation.noMatch("no phrase " + phrase);
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return true;
      }
    };
  }

  private int[] offsets() {
    int[] out = new int[parts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = parts.get(i).position();
    }
    return out;
  }

  /** Matches, counts and scores the phrase in one segment. */
  private static final class GramScorer extends Scorer {
    private final PostingsEnum[] postings;
    private final int[] offsets;
    private final Similarity.SimScorer sim;
    private final NumericDocValues norms;
    private final DocIdSetIterator approximation;
    private final TwoPhaseIterator twoPhase;
    private final DocIdSetIterator iterator;
    private final int[][] starts;
    private final int[] lengths;
    private int freq;

    GramScorer(
        PostingsEnum[] postings, int[] offsets, Similarity.SimScorer sim, NumericDocValues norms) {
      this.postings = postings;
      this.offsets = offsets;
      this.sim = sim;
      this.norms = norms;
      if (postings.length == 1) {
        approximation = postings[0];
        twoPhase = null;
        iterator = postings[0];
        starts = null;
        lengths = null;
      } else {
        List<DocIdSetIterator> all = new ArrayList<>(List.of(postings));
        approximation = ConjunctionUtils.intersectIterators(all);
        starts = new int[postings.length][8];
        lengths = new int[postings.length];
        twoPhase =
            new TwoPhaseIterator(approximation) {
              @Override
              public boolean matches() throws IOException {
                freq = countStarts();
                return freq > 0;
              }

              @Override
              public float matchCost() {
                return 10f * postings.length;
              }
            };
        iterator = TwoPhaseIterator.asDocIdSetIterator(twoPhase);
      }
    }

    /** The positions at which every part is at its offset from the same start. */
    private int countStarts() throws IOException {
      for (int i = 0; i < postings.length; i++) {
        int f = postings[i].freq();
        if (starts[i].length < f) {
          starts[i] = new int[ArrayUtil.oversize(f, Integer.BYTES)];
        }
        int[] s = starts[i];
        for (int k = 0; k < f; k++) {
          s[k] = postings[i].nextPosition() - offsets[i];
        }
        lengths[i] = f;
      }
      int count = 0;
      int[] at = new int[postings.length];
      candidates:
      for (int k = 0; k < lengths[0]; k++) {
        int start = starts[0][k];
        for (int i = 1; i < postings.length; i++) {
          int[] s = starts[i];
          int j = at[i];
          while (j < lengths[i] && s[j] < start) {
            j++;
          }
          at[i] = j;
          if (j == lengths[i]) {
            break candidates;
          }
          if (s[j] != start) {
            continue candidates;
          }
        }
        count++;
      }
      return count;
    }

    @Override
    public int docID() {
      return approximation.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return iterator;
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return twoPhase;
    }

    @Override
    public float getMaxScore(int upTo) {
      return Float.MAX_VALUE;
    }

    @Override
    public float score() throws IOException {
      if (sim == null) {
        return 0f;
      }
      int f = twoPhase == null ? postings[0].freq() : freq;
      long norm = 1L;
      if (norms != null && norms.advanceExact(docID())) {
        norm = norms.longValue();
      }
      return sim.score(f, norm);
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    phrase.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return phrase.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && phrase.equals(((GramPhraseQuery) other).phrase)
        && parts.equals(((GramPhraseQuery) other).parts);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + phrase.hashCode() * 17 + parts.hashCode();
  }
}
