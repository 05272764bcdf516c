package org.dateline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Refuses wildcard, fuzzy, regexp and range terms that match too many words in the index, before
 * the search runs. Counting stops at the limit, so the check itself costs at most the limit's worth
 * of term lookups and memory per term and segment, however wide the term.
 */
final class TermExpansions {
  private TermExpansions() {}

  /**
   * Checks every multi-term query in a parsed query against the index.
   *
   * @param reader the index
   * @param parsed the parsed query, with where each multi-term query was written
   * @param text the query as written, for the error
   * @param limit most distinct words one term may match
   * @throws InvalidQueryException naming the first term that matches more than {@code limit} words
   */
  static void check(IndexReader reader, NewsQueryParser.Parsed parsed, String text, int limit)
      throws IOException {
    List<MultiTermQuery> found = new ArrayList<>();
    parsed
        .query()
        .visit(
            new QueryVisitor() {
              @Override
              public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this; // negated clauses are evaluated too
              }

              @Override
              public void consumeTermsMatching(
                  Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                if (query instanceof MultiTermQuery m) {
                  found.add(m);
                }
              }

              @Override
              public void visitLeaf(Query query) {
                if (query instanceof MultiTermQuery m) {
                  found.add(m);
                }
              }
            });
    for (MultiTermQuery m : found) {
      if (exceeds(reader, m, limit)) {
        NewsQueryParser.Origin origin = parsed.multiTermOrigins().get(m);
        int at = origin == null ? -1 : origin.position();
        String written = origin == null ? m.toString() : origin.text();
        throw new InvalidQueryException(
            text,
            at,
            String.format(
                Locale.ROOT,
                "\"%s\"%s matches more than %,d words in the index; %s",
                written,
                at >= 0 ? " at position " + at : "",
                limit,
                advice(m)));
      }
    }
  }

  private static String advice(MultiTermQuery m) {
    if (m instanceof FuzzyQuery) {
      return "use a longer word, or allow one edit (~1)";
    }
    if (m instanceof TermRangeQuery) {
      return "narrow the range";
    }
    if (m instanceof RegexpQuery) {
      return "make the expression more specific";
    }
    return "put more letters before the wildcard";
  }

  private static boolean exceeds(IndexReader reader, MultiTermQuery m, int limit)
      throws IOException {
    Set<BytesRef> distinct = new HashSet<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(m.getField());
      if (terms == null) {
        continue;
      }
      TermsEnum te = m.getTermsEnum(terms);
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        if (distinct.add(BytesRef.deepCopyOf(t)) && distinct.size() > limit) {
          return true;
        }
      }
    }
    return false;
  }
}
