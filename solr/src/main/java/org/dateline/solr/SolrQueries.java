package org.dateline.solr;

import java.time.Instant;
import java.util.Locale;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;
import org.dateline.InvalidQueryException;
import org.dateline.SolrBridge;

/**
 * Writes a query Dateline parsed (a Lucene query of analyzed terms) in Solr's standard query syntax,
 * clause for clause, so that Solr runs the same query and scores it the same: every clause carries
 * its {@code +}/{@code -} (the request says {@code q.op=OR}), boosts stay boosts, and terms go as
 * they were analyzed (the collection's query analysis only splits on whitespace).
 */
final class SolrQueries {
  private SolrQueries() {}

  /**
   * Translates a parsed query.
   *
   * @param query the parsed query
   * @param text the query as the user wrote it, for errors
   * @return the Solr query string
   * @throws InvalidQueryException when the query holds a construct Solr's syntax cannot express
   */
  static String toSolr(Query query, String text) {
    StringBuilder out = new StringBuilder();
    write(query, text, out);
    return out.toString();
  }

  private static void write(Query q, String text, StringBuilder out) {
    switch (q) {
      case MatchAllDocsQuery m -> out.append("*:*");
      case MatchNoDocsQuery m -> out.append("(+*:* -*:*)");
      case TermQuery t -> term(t.getTerm(), out);
      case BoostQuery b -> {
        out.append('(');
        write(b.getQuery(), text, out);
        out.append(")^").append(number(b.getBoost()));
      }
      case ConstantScoreQuery c -> {
        out.append('(');
        write(c.getQuery(), text, out);
        out.append(")^=1");
      }
      case BooleanQuery b -> bool(b, text, out);
      case PhraseQuery p -> phrase(p, text, out);
      case PrefixQuery p ->
          out.append(p.getField()).append(':').append(escape(p.getPrefix().text())).append('*');
      case WildcardQuery w ->
          out.append(w.getField()).append(':').append(escapeWildcard(w.getTerm().text()));
      case FuzzyQuery f ->
          out.append(f.getField())
              .append(':')
              .append(escape(f.getTerm().text()))
              .append('~')
              .append(f.getMaxEdits());
      case RegexpQuery r ->
          out.append(r.getField())
              .append(":/")
              .append(r.getRegexp().text().replace("/", "\\/"))
              .append('/');
      case TermRangeQuery r ->
          out.append(r.getField())
              .append(':')
              .append(r.includesLower() ? '[' : '{')
              .append(r.getLowerTerm() == null ? "*" : escape(r.getLowerTerm().utf8ToString()))
              .append(" TO ")
              .append(r.getUpperTerm() == null ? "*" : escape(r.getUpperTerm().utf8ToString()))
              .append(r.includesUpper() ? ']' : '}');
      case IndexOrDocValuesQuery iodv -> write(iodv.getIndexQuery(), text, out);
      case IndexSortSortedNumericDocValuesRangeQuery sorted ->
          write(sorted.getFallbackQuery(), text, out);
      case PointRangeQuery p -> dateRange(p, text, out);
      case FieldExistsQuery e -> out.append(e.getField()).append(":[* TO *]");
      case org.apache.lucene.search.TermInSetQuery s -> termSet(s, out);
      default -> throw unsupported(q, text);
    }
  }

  private static void term(Term t, StringBuilder out) {
    out.append(t.field()).append(':').append(escape(t.text()));
  }

  private static void bool(BooleanQuery b, String text, StringBuilder out) {
    if (b.getMinimumNumberShouldMatch() > 0) {
      throw unsupported(b, text);
    }
    out.append('(');
    boolean first = true;
    for (BooleanClause c : b.clauses()) {
      if (!first) {
        out.append(' ');
      }
      first = false;
      switch (c.occur()) {
        case MUST -> {
          out.append('+');
          write(c.query(), text, out);
        }
        case SHOULD -> write(c.query(), text, out);
        case MUST_NOT -> {
          out.append('-');
          write(c.query(), text, out);
        }
        case FILTER -> {
          out.append("+filter(");
          write(c.query(), text, out);
          out.append(')');
        }
      }
    }
    if (first) {
      out.append("+*:* -*:*"); // an empty boolean query matches nothing
    }
    out.append(')');
  }

  private static void phrase(PhraseQuery p, String text, StringBuilder out) {
    Term[] terms = p.getTerms();
    int[] positions = p.getPositions();
    if (terms.length == 0) {
      out.append("(+*:* -*:*)");
      return;
    }
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] != positions[0] + i) {
        // a gap (a dropped over-long token) cannot be written in the syntax
        throw unsupported(p, text);
      }
    }
    out.append(p.getField()).append(":\"");
    for (int i = 0; i < terms.length; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(terms[i].text().replace("\\", "\\\\").replace("\"", "\\\""));
    }
    out.append('"');
    if (p.getSlop() > 0) {
      out.append('~').append(p.getSlop());
    }
  }

  private static void dateRange(PointRangeQuery p, String text, StringBuilder out) {
    if (!p.getField().equals(SolrBridge.DATE) || p.getBytesPerDim() != Long.BYTES) {
      throw unsupported(p, text);
    }
    long from = LongPoint.decodeDimension(p.getLowerPoint(), 0);
    long to = LongPoint.decodeDimension(p.getUpperPoint(), 0);
    out.append(SolrBridge.DATE)
        .append(":[")
        .append(from == Long.MIN_VALUE ? "*" : escape(Instant.ofEpochMilli(from).toString()))
        .append(" TO ")
        .append(to == Long.MAX_VALUE ? "*" : escape(Instant.ofEpochMilli(to).toString()))
        .append(']');
  }

  private static void termSet(org.apache.lucene.search.TermInSetQuery s, StringBuilder out) {
    out.append('(');
    try {
      BytesRefIterator it = s.getBytesRefIterator();
      boolean first = true;
      for (BytesRef t = it.next(); t != null; t = it.next()) {
        if (!first) {
          out.append(' ');
        }
        first = false;
        out.append(s.getField()).append(':').append(escape(t.utf8ToString()));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("iterating terms in memory cannot fail", e);
    }
    out.append(")^=1");
  }

  /** A float as Solr reads it back to the same float. */
  private static String number(float f) {
    return Float.toString(f);
  }

  /** Escapes every character the standard query syntax gives a meaning, whitespace included. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpecial(c) || c == '*' || c == '?') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** Escapes like {@link #escape} but keeps {@code *}, {@code ?} and existing escapes. */
  private static String escapeWildcard(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        sb.append(c).append(s.charAt(++i));
        continue;
      }
      if (isSpecial(c)) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static boolean isSpecial(char c) {
    return switch (c) {
      case '\\', '+', '-', '!', '(', ')', ':', '^', '[', ']', '"', '{', '}', '~', '|', '&', ';',
          '/' ->
          true;
      default -> Character.isWhitespace(c);
    };
  }

  private static InvalidQueryException unsupported(Query q, String text) {
    return new InvalidQueryException(
        text,
        -1,
        "this query cannot be run on Solr ("
            + q.getClass().getSimpleName().toLowerCase(Locale.ROOT)
            + " "
            + q
            + " has no equivalent in Solr's syntax); rewrite it");
  }
}
