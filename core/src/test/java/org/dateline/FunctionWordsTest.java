package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;

/** Which words a query drops at search time, and which it keeps. */
class FunctionWordsTest {
  static final Analyzer ANALYZER = NewsQueryParser.analyzer(TextAnalysis.NEWS);

  /** The body words a parsed query in syntax looks for. */
  static Set<String> bodyWords(String query) {
    Query q = NewsQueryParser.parse(query, ANALYZER, Set.of()).query();
    Set<String> words = new java.util.TreeSet<>();
    q.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            return field.equals(Fields.BODY);
          }

          @Override
          public void consumeTerms(Query query, Term... terms) {
            for (Term t : terms) {
              words.add(t.text());
            }
          }

          @Override
          public QueryVisitor getSubVisitor(
              org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return words;
  }

  @Test
  void bareFunctionWordsAreDroppedFromAQueryWithOtherWords() {
    assertEquals(Set.of("court", "rule", "warrant"), bodyWords("what did the court rule about the warrant"));
    assertEquals(Set.of("bank", "america"), bodyWords("Bank of America"));
  }

  @Test
  void blankingKeepsEveryPositionOfTheQuery() {
    String q = "the court of appeals";
    String blanked = FunctionWords.blankOut(q);
    assertEquals("    court    appeals", blanked);
    assertEquals(q.length(), blanked.length());
    // an error after a dropped word is reported where the user wrote it
    InvalidQueryException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidQueryException.class,
            () -> NewsQueryParser.parse("the oil nope:x", ANALYZER, Set.of()));
    assertEquals(8, e.position());
  }

  @Test
  void quotedPhrasesKeepTheirFunctionWords() {
    String q = "\"court of appeals\" in the ruling";
    assertEquals("\"court of appeals\"    " + "    ruling", FunctionWords.blankOut(q));
    assertEquals(Set.of("court", "of", "appeal", "rule"), bodyWords(q));
  }

  @Test
  void requiredExcludedFieldedAndJoinedWordsAreKept() {
    assertEquals(Set.of("the", "oil", "price"), bodyWords("+the oil prices"));
    assertEquals("oil prices -the", FunctionWords.blankOut("oil prices -the"));
    assertEquals("oil prices NOT the", FunctionWords.blankOut("oil prices NOT the"));
    assertEquals("oil AND the", FunctionWords.blankOut("oil AND the"));
    assertEquals("the OR oil", FunctionWords.blankOut("the OR oil"));
    assertEquals("oil title:the", FunctionWords.blankOut("oil title:the"));
    assertEquals("oil the^2", FunctionWords.blankOut("oil the^2"));
    assertEquals("oil (the gulf)", FunctionWords.blankOut("oil (the gulf)"));
  }

  @Test
  void aQueryOfFunctionWordsAloneKeepsThem() {
    assertEquals(Set.of("the", "who"), bodyWords("the who"));
    assertEquals("to be or not to be", FunctionWords.blankOut("to be or not to be"));
    // an excluded word is no word to search for: "the -oil" keeps "the"
    assertEquals("the -oil", FunctionWords.blankOut("the -oil"));
    assertEquals("the -(oil gas)", FunctionWords.blankOut("the -(oil gas)"));
    // a phrase is: "the" goes
    assertEquals("    \"the who\"", FunctionWords.blankOut("the \"the who\""));
  }

  @Test
  void plainWordQueriesDropFunctionWordsUnlessNothingElseIsLeft() {
    Map<String, Integer> words =
        NewsQueryParser.anyWordTerms(
            "I am interested in articles which deal with the operating system", ANALYZER, true);
    assertEquals(Map.of("interest", 1, "articl", 1, "deal", 1, "oper", 1, "system", 1), words);
    assertEquals(Map.of("the", 1, "who", 1), NewsQueryParser.anyWordTerms("The Who", ANALYZER, true));
    // judged as written, not stemmed: "was" stems to "wa", "I’m" has a typographic apostrophe
    assertEquals(Map.of("warrant", 1), NewsQueryParser.anyWordTerms("I’m was warrant", ANALYZER, true));
  }

  @Test
  void theListIsFunctionWordsOnly() {
    assertTrue(FunctionWords.is("The"));
    assertTrue(FunctionWords.is("WHICH"));
    assertFalse(FunctionWords.is("interested"));
    assertFalse(FunctionWords.is("articles"));
    assertFalse(FunctionWords.is("oil"));
  }
}
