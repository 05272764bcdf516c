package org.dateline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.dateline.InvalidQueryException;
import org.dateline.SearchRequest;
import org.dateline.SolrBridge;
import org.junit.jupiter.api.Test;

/** Dateline's parsed queries, written in Solr's syntax clause for clause. */
class SolrQueriesTest {
  private static String solr(String query) {
    return SolrQueries.toSolr(SolrBridge.parse(SearchRequest.of(query), Set.of("topics")), query);
  }

  @Test
  void aPhraseIsSentAnalyzedOnTitleBoostedAndBody() {
    assertEquals(
        "((title:\"store commun act\")^2.0 (body:\"store commun act\")^1.0)",
        solr("\"Stored Communications Act\""));
  }

  @Test
  void wordsAreAllRequiredAndSloppyPhrasesKeepTheirSlop() {
    assertEquals(
        "(+((title:warrant)^2.0 (body:warrant)^1.0)"
            + " +((title:\"search warrant\"~3)^2.0 (body:\"search warrant\"~3)^1.0))",
        solr("warrants \"search warrants\"~3"));
  }

  @Test
  void keywordFieldsAndIdsAreEscapedTerms() {
    assertEquals("topics:crud\\ oil", solr("topics:\"Crud Oil\""));
    assertEquals("id:a\\:b\\/c", solr("id:\"a:b/c\""));
  }

  @Test
  void dateRangesAreInclusiveUtcInstants() {
    assertEquals(
        "date:[1987\\-03\\-01T00\\:00\\:00Z TO 1987\\-03\\-31T23\\:59\\:59.999Z]",
        solr("date:1987-03"));
  }

  @Test
  void wildcardsKeepTheirStarAndFuzzyTheirEdits() {
    assertEquals("((title:warr*)^2.0 (body:warr*)^1.0)", solr("warr*"));
    assertEquals("((title:warrent~2)^2.0 (body:warrent~2)^1.0)", solr("warrent~"));
  }

  @Test
  void aMalformedQueryFailsBeforeAnythingIsSent() {
    assertThrows(InvalidQueryException.class, () -> solr("\"unclosed phrase"));
  }
}
