package org.dateline;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Lucene's classic query syntax over our fields.
 *
 * <ul>
 *   <li>Bare words search title and body, a title match weighing {@value #TITLE_BOOST} times more;
 *       every word must match unless {@code OR} is written.
 *   <li>{@code title:}, {@code body:} are analyzed like the text; {@code source:} matches a source by
 *       its whole name or, when no source has that name, by words of the name ({@link
 *       SourceQuery}); extra keyword fields ({@code topics:}) match whole values; both ignore case
 *       and accents; {@code id:} matches
 *       an id exactly; {@code date:} takes dates (a year, month, ISO week, day or any form {@link
 *       Dates} reads) and ranges of them, inclusive, with {@code *} for an open end.
 *   <li>A field the index does not have is an error listing the fields it has, rather than a silent
 *       zero hits: {@code Note: warrant} most likely meant the word, and the message says how to
 *       write that.
 *   <li>A query of only negative clauses ({@code -sport}) means "everything but", not nothing.
 * </ul>
 *
 * <p>Every error is an {@link InvalidQueryException} with the position in the query. One instance
 * parses one query (the classic parser is not thread-safe).
 */
final class NewsQueryParser extends MultiFieldQueryParser {
  /** How much more a title match weighs than a body match. */
  static final float TITLE_BOOST = 2f;

  private static final Pattern LEXICAL_COLUMN = Pattern.compile("line \\d+, column (\\d+)");

  /** Where in the query text a multi-term query (wildcard, fuzzy, range) was written. */
  record Origin(int position, String text) {}

  /** A parsed query, with the origin of each wildcard, fuzzy, regexp and range term in it. */
  record Parsed(Query query, Map<Query, Origin> multiTermOrigins) {}

  private final String text;
  private final Set<String> extraFields;
  private final Map<Query, Origin> origins = new IdentityHashMap<>();
  private Origin current;

  private NewsQueryParser(String text, Analyzer analyzer, Set<String> extraFields) {
    super(
        new String[] {Fields.TITLE, Fields.BODY},
        analyzer,
        Map.of(Fields.TITLE, TITLE_BOOST, Fields.BODY, 1f));
    this.text = text;
    this.extraFields = extraFields;
    setDefaultOperator(QueryParser.Operator.AND);
    setAllowLeadingWildcard(false);
    setSplitOnWhitespace(false);
  }

  /**
   * The analyzer queries are parsed with: the text analysis for title and body, ids as written, and
   * for keyword fields the whole value lower-cased with accents folded (for wildcards and fuzzy
   * terms; plain terms use {@link ArticleDocuments#keywordTerm}).
   */
  static Analyzer analyzer(TextAnalysis analysis) {
    Analyzer keyword =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(
                source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
          }

          @Override
          protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
          }
        };
    Analyzer text = analysis.textAnalyzer();
    // ids are matched exactly as written, wildcards included
    return new PerFieldAnalyzerWrapper(
        keyword, Map.of(Fields.TITLE, text, Fields.BODY, text, Fields.ID, new KeywordAnalyzer()));
  }

  /**
   * Parses a query.
   *
   * @param text the query as the user wrote it
   * @param analyzer {@link #analyzer()}
   * @param extraFields the extra keyword fields the index has
   * @return the query; every article for an empty query, {@code *} or {@code *:*}
   * @throws InvalidQueryException when the query is malformed, with the position
   */
  static Parsed parse(String text, Analyzer analyzer, Set<String> extraFields) {
    return parse(text, analyzer, extraFields, true);
  }

  /**
   * Parses a query, dropping its {@link FunctionWords function words} or not.
   *
   * @param text the query as the user wrote it
   * @param analyzer {@link #analyzer()}
   * @param extraFields the extra keyword fields the index has
   * @param dropFunctionWords whether bare function words are dropped ({@link
   *     TextAnalysis#dropsFunctionWords()})
   * @return the query; every article for an empty query, {@code *} or {@code *:*}
   * @throws InvalidQueryException when the query is malformed, with the position
   */
  static Parsed parse(
      String text, Analyzer analyzer, Set<String> extraFields, boolean dropFunctionWords) {
    String q = text.strip();
    if (q.isEmpty() || q.equals("*") || q.equals("*:*")) {
      return new Parsed(MatchAllDocsQuery.INSTANCE, Map.of());
    }
    QuerySyntax.check(text);
    NewsQueryParser parser = new NewsQueryParser(text, analyzer, extraFields);
    Query query;
    try {
      // function words dropped as spaces: every position stays where the user wrote it
      query = parser.parse(dropFunctionWords ? FunctionWords.blankOut(text) : text);
    } catch (ParseException e) {
      throw parser.explain(e.getCause() == null ? e : e.getCause());
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyClauses(text);
    }
    return new Parsed(
        pureNegative(query), Collections.unmodifiableMap(new IdentityHashMap<>(parser.origins)));
  }

  /**
   * Builds a bag-of-words query: the text analyzed as title and body are, every word an optional
   * clause on title (boosted as in {@link #parse}) and body, a word written n times weighing n
   * times. No syntax: quotes, colons, parentheses and operators are plain text. {@link
   * FunctionWords Function words} are left out unless every word of the text is one.
   *
   * @param text natural-language text, such as a TREC topic
   * @param analyzer {@link #analyzer}
   * @return the query; one matching nothing when no word survives analysis
   */
  static Parsed anyWord(String text, Analyzer analyzer) {
    return anyWord(text, analyzer, true);
  }

  /**
   * Builds a bag-of-words query as {@link #anyWord(String, Analyzer)} does, dropping function
   * words or not.
   *
   * @param text natural-language text
   * @param analyzer {@link #analyzer}
   * @param dropFunctionWords whether function words are dropped
   * @return the query; one matching nothing when no word survives analysis
   */
  static Parsed anyWord(String text, Analyzer analyzer, boolean dropFunctionWords) {
    Map<String, Integer> counts = anyWordTerms(text, analyzer, dropFunctionWords);
    if (counts.isEmpty()) {
      return new Parsed(new MatchNoDocsQuery("no words in the query"), Map.of());
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      float weight = e.getValue();
      b.add(
          new org.apache.lucene.search.BoostQuery(
              new TermQuery(new Term(Fields.TITLE, e.getKey())), TITLE_BOOST * weight),
          BooleanClause.Occur.SHOULD);
      Query body = new TermQuery(new Term(Fields.BODY, e.getKey()));
      b.add(
          weight == 1f ? body : new org.apache.lucene.search.BoostQuery(body, weight),
          BooleanClause.Occur.SHOULD);
    }
    return new Parsed(b.build(), Map.of());
  }

  /**
   * The index words of a plain-words query with how often each is written, in order of first
   * appearance: the text analyzed as bodies are, without its {@link FunctionWords function words}
   * unless it has no other word.
   *
   * @param text natural-language text
   * @param analyzer {@link #analyzer}
   * @param dropFunctionWords whether function words are dropped
   * @return each index word and its count; empty when no word survives analysis
   */
  static Map<String, Integer> anyWordTerms(
      String text, Analyzer analyzer, boolean dropFunctionWords) {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    Map<String, Integer> functionWords = new java.util.LinkedHashMap<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
      var term =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      var offsets =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        // judged as written, before stemming ("was" is stemmed to "wa")
        String written = text.substring(offsets.startOffset(), offsets.endOffset());
        (dropFunctionWords && FunctionWords.is(written) ? functionWords : counts)
            .merge(term.toString(), 1, Integer::sum);
      }
      ts.end();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("analyzing a string cannot fail", e);
    }
    return counts.isEmpty() ? functionWords : counts; // nothing but function words: keep them
  }

  static InvalidQueryException tooManyClauses(String text) {
    return new InvalidQueryException(
        text,
        -1,
        "the query has too many terms (more than "
            + IndexSearcher.getMaxClauseCount()
            + " after expanding each word over title and body); shorten it");
  }

  // ---- fields ----

  private enum Kind {
    DEFAULT,
    TEXT,
    KEYWORD,
    ID,
    DATE
  }

  private Kind kind(String field) {
    if (field == null) {
      return Kind.DEFAULT;
    }
    String f = field.toLowerCase(Locale.ROOT);
    if (f.equals(Fields.TITLE) || f.equals(Fields.BODY)) {
      return Kind.TEXT;
    }
    if (f.equals(Fields.SOURCE) || extraFields.contains(f)) {
      return Kind.KEYWORD;
    }
    if (f.equals(Fields.ID)) {
      return Kind.ID;
    }
    if (f.equals(Fields.DATE)) {
      return Kind.DATE;
    }
    int at = fieldPosition(field);
    Set<String> known = new TreeSet<>(extraFields);
    String list =
        "title, body, source, date, id" + (known.isEmpty() ? "" : ", " + String.join(", ", known));
    if (Fields.RESERVED.contains(f) || f.equals("*")) {
      throw new InvalidQueryException(
          text,
          at,
          "field \"" + field + "\" at position " + at + " cannot be searched; fields: " + list);
    }
    throw new InvalidQueryException(
        text,
        at,
        "unknown field \""
            + field
            + "\" at position "
            + at
            + "; fields: "
            + list
            + ". To search for the word, put it in quotes or write "
            + field
            + "\\:");
  }

  /** Field names are case-insensitive ({@code Title:} is {@code title:}). */
  private static String lower(String field) {
    return field == null ? null : field.toLowerCase(Locale.ROOT);
  }

  // ---- the parser's callbacks ----

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted)
      throws ParseException {
    return switch (kind(field)) {
      case DEFAULT, TEXT -> super.getFieldQuery(lower(field), queryText, quoted);
      case KEYWORD -> keywordQuery(lower(field), queryText);
      case ID -> new TermQuery(new Term(Fields.ID, queryText));
      case DATE -> dateQuery(queryText);
    };
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    if (slop < 0) {
      // "a phrase"~-2: Lucene's PhraseQuery refuses it with an IllegalArgumentException.
      int end = token == null ? text.length() : Math.min(text.length(), token.endColumn + 1);
      int tilde = text.lastIndexOf('~', Math.max(0, end - 1));
      int at = tilde >= 0 ? tilde : tokenPosition();
      throw new InvalidQueryException(
          text,
          at,
          "phrase slop "
              + slop
              + " at position "
              + at
              + ": the words a phrase may move must be 0 or more (\"a phrase\"~3)");
    }
    return switch (kind(field)) {
      case DEFAULT, TEXT -> super.getFieldQuery(lower(field), queryText, slop);
      case KEYWORD -> keywordQuery(lower(field), queryText);
      case ID -> new TermQuery(new Term(Fields.ID, queryText));
      case DATE -> dateQuery(queryText);
    };
  }

  @Override
  protected Query getRangeQuery(
      String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    Kind kind = kind(field);
    if (kind == Kind.DATE) {
      return dateRange(part1, part2, startInclusive, endInclusive);
    }
    current = new Origin(rangePosition(), writtenRange());
    if (kind == Kind.KEYWORD) {
      return super.getRangeQuery(
          lower(field),
          part1 == null ? null : ArticleDocuments.keywordTerm(part1),
          part2 == null ? null : ArticleDocuments.keywordTerm(part2),
          startInclusive,
          endInclusive);
    }
    return super.getRangeQuery(lower(field), part1, part2, startInclusive, endInclusive);
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    if ("*".equals(field) && "*".equals(termStr)) {
      return MatchAllDocsQuery.INSTANCE; // *:* among other clauses
    }
    Kind kind = kind(field);
    int at = termPosition(termStr);
    if (termStr.equals("*")) {
      // "field:*" is "has the field"; a bare "*" among other words, any article
      return field == null ? MatchAllDocsQuery.INSTANCE : new FieldExistsQuery(lower(field));
    }
    if (termStr.startsWith("*") || termStr.startsWith("?")) {
      throw new InvalidQueryException(
          text,
          at,
          "\""
              + termStr
              + "\" at position "
              + at
              + " starts with a wildcard, which would have to scan every word in the index;"
              + " put at least one letter before the * or ?");
    }
    refuseOnDate(kind, at, termStr, "a wildcard");
    current = new Origin(at, termStr);
    try {
      return super.getWildcardQuery(lower(field), termStr);
    } catch (RuntimeException e) {
      throw tooComplex(at, termStr, e);
    }
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    Kind kind = kind(field);
    int at = termPosition(termStr);
    if (termStr.isEmpty()) {
      return getWildcardQuery(field, "*");
    }
    refuseOnDate(kind, at, termStr + "*", "a wildcard");
    current = new Origin(at, termStr + "*");
    return super.getPrefixQuery(lower(field), termStr);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    Kind kind = kind(field);
    int at = termPosition(termStr);
    refuseOnDate(kind, at, termStr + "~", "a fuzzy term");
    current = new Origin(at, termStr + "~");
    try {
      return super.getFuzzyQuery(lower(field), termStr, minSimilarity);
    } catch (RuntimeException e) {
      throw tooComplex(at, termStr, e);
    }
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    Kind kind = kind(field);
    String written = "/" + termStr + "/";
    int at = termPosition(written);
    refuseOnDate(kind, at, written, "a regular expression");
    current = new Origin(at, written);
    try {
      return super.getRegexpQuery(lower(field), termStr);
    } catch (InvalidQueryException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(
          text,
          at,
          "\""
              + written
              + "\" at position "
              + at
              + " is not a valid regular expression ("
              + e.getMessage()
              + ")");
    } catch (RuntimeException e) {
      throw tooComplex(at, written, e);
    }
  }

  @Override
  protected Query newPrefixQuery(Term prefix) {
    return remember(super.newPrefixQuery(prefix));
  }

  @Override
  protected Query newWildcardQuery(Term t) {
    return remember(super.newWildcardQuery(t));
  }

  @Override
  protected Query newFuzzyQuery(Term term, float minimumSimilarity, int prefixLength) {
    return remember(super.newFuzzyQuery(term, minimumSimilarity, prefixLength));
  }

  @Override
  protected Query newRegexpQuery(Term regexp) {
    return remember(super.newRegexpQuery(regexp));
  }

  @Override
  protected Query newRangeQuery(
      String field, String part1, String part2, boolean startInclusive, boolean endInclusive) {
    return remember(super.newRangeQuery(field, part1, part2, startInclusive, endInclusive));
  }

  @Override
  protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
    Query q = super.getBooleanQuery(clauses);
    return q == null ? null : pureNegative(q);
  }

  private Query remember(Query q) {
    if (current != null) {
      origins.put(q, current);
    }
    return q;
  }

  // ---- keyword and date fields ----

  private static Query keywordQuery(String field, String value) {
    if (field.equals(Fields.SOURCE)) {
      return new SourceQuery(field, value);
    }
    return new TermQuery(new Term(field, ArticleDocuments.keywordTerm(value)));
  }

  private void refuseOnDate(Kind kind, int at, String written, String what) {
    if (kind == Kind.DATE) {
      throw new InvalidQueryException(
          text,
          at,
          "date:"
              + written
              + " at position "
              + at
              + ": a date cannot be "
              + what
              + "; write a year (date:2017), a month (date:2017-01) or a range"
              + " (date:[2017-01-01 TO 2017-03-31])");
    }
  }

  private Query dateQuery(String value) {
    DateRange days = days(value, termPosition(value));
    return LongField.newRangeQuery(Fields.DATE, days.fromMillis(), days.toMillis());
  }

  private Query dateRange(
      String lower, String upper, boolean lowerInclusive, boolean upperInclusive) {
    int start = rangePosition();
    int end = token == null ? text.length() : token.beginColumn;
    LocalDate from = null;
    LocalDate to = null;
    if (lower != null) {
      DateRange r = days(lower, boundPosition(indexOf(lower, start), lower, end, start));
      from = lowerInclusive ? r.from() : r.to().plusDays(1);
    }
    if (upper != null) {
      DateRange r = days(upper, boundPosition(lastIndexOf(upper, end), upper, end, start));
      to = upperInclusive ? r.to() : r.from().minusDays(1);
    }
    if (from != null && to != null && to.isBefore(from)) {
      return new MatchNoDocsQuery("date range ends before it starts");
    }
    DateRange days = new DateRange(from, to);
    return LongField.newRangeQuery(Fields.DATE, days.fromMillis(), days.toMillis());
  }

  /** The days a date as written covers: a year, month, ISO week, day, or a date-time's day. */
  private DateRange days(String value, int at) {
    Optional<DateRange> label = DateRange.findLabel(value);
    if (label.isPresent()) {
      return label.get();
    }
    Optional<java.time.Instant> instant = Dates.find(value);
    if (instant.isPresent()) {
      LocalDate day = LocalDate.ofInstant(instant.get(), ZoneOffset.UTC);
      return new DateRange(day, day);
    }
    Optional<String> impossible = DateRange.impossible(value);
    if (impossible.isPresent()) {
      throw new InvalidQueryException(
          text,
          at,
          "\"" + value + "\" at position " + at + " does not exist: " + impossible.get());
    }
    throw new InvalidQueryException(
        text,
        at,
        "\""
            + value
            + "\" at position "
            + at
            + " is not a date; write a year (2017), a month (2017-01), an ISO week (2017-W04) or a"
            + " day (2017-01-24; also accepted: \"Jan 24, 2017\", 24-JAN-2017)");
  }

  // ---- positions ----

  /**
   * The position of a term the parser just read: its text searched backwards from the last token
   * consumed (a term may be followed by a fuzzy slop or boost); the token itself when the text was
   * escaped and does not appear as such.
   */
  private int termPosition(String termText) {
    int end = token == null ? text.length() : Math.min(text.length(), token.endColumn + 1);
    int at = lastIndexOf(termText, end);
    return at >= 0 ? at : tokenPosition();
  }

  /**
   * Where a range bound is written: where it was found, else its last occurrence before the range
   * ends (a bracket inside the range, as in {@code [1987 TO date:[*]}, misleads {@link
   * #rangePosition()}), else the range's start.
   */
  private int boundPosition(int found, String bound, int end, int rangeStart) {
    if (found >= 0) {
      return found;
    }
    int last = lastIndexOf(bound, end);
    return last >= 0 ? last : Math.max(0, rangeStart);
  }

  /** The position of a range, found from its closing bracket. */
  private int rangePosition() {
    int end = token == null ? text.length() : token.beginColumn;
    for (int i = Math.min(end, text.length() - 1); i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '[' || c == '{') {
        return i;
      }
    }
    return tokenPosition();
  }

  /** The range the parser just read, as written, from its opening to its closing bracket. */
  private String writtenRange() {
    int from = rangePosition();
    if (from < 0) {
      return "range";
    }
    for (int i = from + 1; i < text.length(); i++) {
      if (text.charAt(i) == ']' || text.charAt(i) == '}') {
        return text.substring(from, i + 1);
      }
    }
    return text.substring(from);
  }

  private int fieldPosition(String field) {
    int end = token == null ? text.length() : Math.min(text.length(), token.endColumn + 1);
    int at = lastIndexOf(field + ":", end);
    return at >= 0 ? at : tokenPosition();
  }

  private int tokenPosition() {
    return token == null ? -1 : Math.min(token.beginColumn, text.length());
  }

  /** The first case-insensitive occurrence of {@code s} at or after {@code from}, or -1. */
  private int indexOf(String s, int from) {
    for (int i = Math.max(0, from); i + s.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, s, 0, s.length())) {
        return i;
      }
    }
    return -1;
  }

  /** The last case-insensitive occurrence of {@code s} ending at or before {@code end}, or -1. */
  private int lastIndexOf(String s, int end) {
    if (s.isEmpty()) {
      return -1;
    }
    for (int i = Math.min(end, text.length()) - s.length(); i >= 0; i--) {
      if (text.regionMatches(true, i, s, 0, s.length())) {
        return i;
      }
    }
    return -1;
  }

  // ---- errors ----

  private InvalidQueryException tooComplex(int at, String termText, RuntimeException e) {
    if (e instanceof InvalidQueryException iqe) {
      return iqe;
    }
    return new InvalidQueryException(
        text,
        at,
        "\""
            + termText
            + "\" at position "
            + at
            + " is too complex to run ("
            + e.getMessage()
            + ")");
  }

  /** Turns the parser's error into one that says what is wrong and where. */
  private InvalidQueryException explain(Throwable cause) {
    if (cause instanceof ParseException pe
        && pe.currentToken != null
        && pe.currentToken.next != null) {
      Token last = pe.currentToken;
      Token next = last.next;
      if (next.kind == EOF) {
        if (isOperator(last.kind)) {
          return new InvalidQueryException(
              text,
              last.beginColumn,
              "\""
                  + last.image
                  + "\" at position "
                  + last.beginColumn
                  + " has nothing after it; add a word after it or remove it");
        }
        if (last.kind == COLON) {
          return new InvalidQueryException(
              text,
              last.beginColumn,
              "the field at position " + last.beginColumn + " has no value after the colon");
        }
        if (last.kind == CARAT) {
          return new InvalidQueryException(
              text,
              last.beginColumn,
              "^ at position " + last.beginColumn + " must be followed by a boost number, e.g. ^2");
        }
        return new InvalidQueryException(
            text, text.length(), "the query ends unexpectedly at position " + text.length());
      }
      int at = next.beginColumn;
      if ((next.kind == AND || next.kind == OR)
          && (last.image == null || isOperator(last.kind) || last.kind == LPAREN)) {
        return new InvalidQueryException(
            text,
            at,
            "\""
                + next.image
                + "\" at position "
                + at
                + " has nothing before it to join; to search for the word, write it in lower case");
      }
      if (next.kind == RPAREN) {
        return new InvalidQueryException(
            text, at, "unexpected ) at position " + at + ": the parentheses are empty");
      }
      return new InvalidQueryException(
          text,
          at,
          "unexpected \""
              + next.image
              + "\" at position "
              + at
              + "; if it is a word to search for, put it in quotes");
    }
    if (cause instanceof TokenMgrError) {
      Matcher m = LEXICAL_COLUMN.matcher(String.valueOf(cause.getMessage()));
      int at =
          m.find() ? Math.min(text.length(), Math.max(0, Integer.parseInt(m.group(1)) - 1)) : -1;
      return new InvalidQueryException(
          text, at, "the query cannot be read at position " + at + "; check quotes and brackets");
    }
    if (cause instanceof IndexSearcher.TooManyClauses) {
      return tooManyClauses(text);
    }
    String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    int escape = badUnicodeEscape();
    if (why.toLowerCase(Locale.ROOT).contains("unicode escape") && escape >= 0) {
      return new InvalidQueryException(
          text,
          escape,
          "\\u at position "
              + escape
              + " must be followed by four hexadecimal digits, as in \\u00e9; to search for a"
              + " backslash, write \\\\");
    }
    int at = tokenPosition(); // the token the parser stopped at
    if (why.startsWith("Minimum similarity for a FuzzyQuery") && at >= 0) {
      return new InvalidQueryException(
          text,
          at,
          "the fuzzy edit distance at position "
              + at
              + " must be 0, 1 or 2, as in warrent~1 or warrent~2");
    }
    if (at >= 0) {
      return new InvalidQueryException(
          text, at, "the query cannot be read at position " + at + ": " + why);
    }
    return new InvalidQueryException(text, -1, "the query cannot be read: " + why);
  }

  /** The position of the first {@code \\u} escape without four hex digits after it, or -1. */
  private int badUnicodeEscape() {
    for (int i = 0; i + 1 < text.length(); i++) {
      if (text.charAt(i) == '\\') {
        if (text.charAt(i + 1) == 'u') {
          for (int j = i + 2; j < i + 6; j++) {
            if (j >= text.length() || Character.digit(text.charAt(j), 16) < 0) {
              return i;
            }
          }
        }
        i++; // the escaped character
      }
    }
    return -1;
  }

  private static boolean isOperator(int kind) {
    return kind == AND || kind == OR || kind == NOT || kind == PLUS || kind == MINUS;
  }

  /** "-sport" alone means every article but those, as users expect, not nothing. */
  private static Query pureNegative(Query q) {
    if (q instanceof BooleanQuery bq && !bq.clauses().isEmpty()) {
      for (BooleanClause c : bq.clauses()) {
        if (c.occur() != BooleanClause.Occur.MUST_NOT) {
          return q;
        }
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.MUST);
      List<BooleanClause> clauses = new ArrayList<>(bq.clauses());
      for (BooleanClause c : clauses) {
        b.add(c);
      }
      return b.build();
    }
    return q;
  }
}
