package org.dateline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * A source as a user names it: the source whose whole name is the value when the index has one
 * (so that a facet value drills down to exactly that source), else every source whose name holds
 * the value's words in that order ({@code rte} and {@code rte news} find "RTÉ News"; {@code
 * reuters} finds "Thomson Reuters" unless a source is called just "Reuters"). Case and accents are
 * ignored, as for every keyword field.
 *
 * <p>The choice between the two is made once for the whole index when the query is rewritten, not
 * per segment, so that every segment answers the same question. The word match looks at each
 * distinct source name of the index, which are few (one per publication), not at articles.
 */
final class SourceQuery extends Query {
  private final String field;
  private final String exact;
  private final List<String> words;

  /**
   * Makes the query for one source filter value.
   *
   * @param field the keyword field holding sources
   * @param value the value as the user wrote it
   */
  SourceQuery(String field, String value) {
    this.field = Objects.requireNonNull(field, "field");
    this.exact = ArticleDocuments.keywordTerm(value);
    this.words = words(exact);
  }

  /**
   * The words of a keyword term: its runs of letters and digits. "cso (idg news service)" has
   * cso, idg, news and service.
   */
  static List<String> words(String term) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= term.length(); ) {
      int cp = i < term.length() ? term.codePointAt(i) : ' ';
      boolean inWord = i < term.length() && Character.isLetterOrDigit(cp);
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        out.add(term.substring(start, i));
        start = -1;
      }
      i += i < term.length() ? Character.charCount(cp) : 1;
    }
    return out;
  }

  /** Whether {@code name}'s words hold {@code wanted} as a run, in order. */
  static boolean holds(List<String> name, List<String> wanted) {
    if (wanted.isEmpty()) {
      return false;
    }
    for (int i = 0; i + wanted.size() <= name.size(); i++) {
      if (name.subList(i, i + wanted.size()).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Term whole = new Term(field, exact);
    if (hasLiveArticle(reader, whole)) {
      return new TermQuery(whole);
    }
    TreeSet<BytesRef> names = new TreeSet<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum it = terms.iterator();
      for (BytesRef t = it.next(); t != null; t = it.next()) {
        if (holds(words(t.utf8ToString()), words)) {
          names.add(BytesRef.deepCopyOf(t));
        }
      }
    }
    return switch (names.size()) {
      case 0 -> new MatchNoDocsQuery("no source named or holding \"" + exact + "\"");
      case 1 -> new TermQuery(new Term(field, names.first()));
      default -> new TermInSetQuery(field, names);
    };
  }

  /** Whether some live article has this exact term (a deleted one's term may linger). */
  private static boolean hasLiveArticle(IndexReader reader, Term term) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(term.field());
      if (terms == null) {
        continue;
      }
      TermsEnum it = terms.iterator();
      if (!it.seekExact(term.bytes())) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      PostingsEnum docs = it.postings(null, PostingsEnum.NONE);
      for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        if (live == null || live.get(d)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(field)) {
      visitor.visitLeaf(this);
    }
  }

  @Override
  public String toString(String defaultField) {
    return (field.equals(defaultField) ? "" : field + ":") + "name-or-words(" + exact + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && field.equals(((SourceQuery) other).field)
        && exact.equals(((SourceQuery) other).exact);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * classHash() + field.hashCode()) + exact.hashCode();
  }
}
