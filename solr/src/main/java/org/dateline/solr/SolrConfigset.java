package org.dateline.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dateline.Bm25;
import org.dateline.SolrBridge;

/**
 * The configset of a Dateline collection, made from Dateline's own definitions: the fields of the
 * local index ({@code Fields}), the {@code news} analysis chain ({@code NewsAnalyzer}: the same
 * tokenizer and filters, in the same order, with the same limits), offsets stored for the unified
 * highlighter, BM25 with {@link Bm25#DEFAULT}'s parameters, and {@code ExactStatsCache} so that a
 * score does not depend on which shard holds an article.
 *
 * <h2>Fields</h2>
 *
 * <ul>
 *   <li>{@code id}: string, stored, doc values; the unique key, and the tie-break of every sort.
 *   <li>{@code title}, {@code body}: the {@code news} chain at index time, offsets with positions,
 *       stored. At query time only whitespace splits: Dateline parses and analyzes the query
 *       itself and sends the analyzed terms, so that no term is stemmed twice.
 *   <li>{@code date}: a point date with doc values, undated articles last in sorts; {@code _day_}
 *       its UTC epoch day (doc values), from which the date histograms are rolled up.
 *   <li>{@code source} and every extra keyword field ({@code topics}, ...), through the dynamic
 *       field {@code *}: the term Dateline's keyword normalization makes (lower case, accents
 *       folded), indexed only; {@code _v_source}, {@code _v_topics}: the values as written, stored
 *       with doc values, for display and facets; {@code _fields_}: the names of an article's extra
 *       fields. Dateline's field names start with a letter, so the {@code _} names never collide.
 *   <li>{@code url}, {@code title_derived}: stored only.
 * </ul>
 *
 * <p>The files are written out, readable, in {@code solr/src/main/resources/org/dateline/solr/
 * configset/}; a test checks that they equal what this class makes, and that the chain analyzes
 * text exactly as {@code NewsAnalyzer} does.
 */
public final class SolrConfigset {
  private SolrConfigset() {}

  /** Prefix of the stored, faceted copy of a keyword field: {@code _v_source}. */
  public static final String VALUE_PREFIX = "_v_";

  /** The field listing an article's extra keyword fields. */
  public static final String FIELDS_FIELD = "_fields_";

  /** The field holding an article's UTC epoch day. */
  public static final String DAY_FIELD = "_day_";

  /** One tokenizer or filter of an analysis chain: its Solr class and its parameters. */
  public record Component(String solrClass, Map<String, String> params) {
    /** Copies. */
    public Component {
      params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
  }

  /** The longest token StandardTokenizer will buffer before splitting (as NewsAnalyzer sets it). */
  static final int TOKENIZER_MAX = 1024 * 1024;

  /**
   * The {@code news} chain at index time, in order: the tokenizer, then each filter.
   *
   * @return the components
   */
  public static List<Component> newsChain() {
    return List.of(
        new Component(
            "solr.StandardTokenizerFactory",
            Map.of("maxTokenLength", Integer.toString(TOKENIZER_MAX))),
        new Component("solr.EnglishPossessiveFilterFactory", Map.of()),
        new Component("solr.LowerCaseFilterFactory", Map.of()),
        new Component("solr.ASCIIFoldingFilterFactory", Map.of()),
        new Component(
            "solr.LengthFilterFactory",
            orderedMap("min", "1", "max", Integer.toString(SolrBridge.MAX_TOKEN_CHARS))),
        new Component("solr.PorterStemFilterFactory", Map.of()));
  }

  /**
   * The files of the configset by name.
   *
   * @return {@code managed-schema.xml} and {@code solrconfig.xml}
   */
  public static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("managed-schema.xml", schema());
    files.put("solrconfig.xml", solrconfig());
    return files;
  }

  /**
   * The configset as a zip, as Solr's configset upload takes it.
   *
   * @return the zip's bytes
   */
  public static byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> f : files().entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static String schema() {
    Bm25 bm25 = Bm25.DEFAULT;
    StringBuilder s = new StringBuilder();
    s.append(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Made by org.dateline.solr.SolrConfigset from Dateline's field definitions and its news
             analysis chain; a test fails when this file and that class disagree. Do not edit here. -->
        <schema name="dateline" version="1.6">
          <uniqueKey>id</uniqueKey>

          <!-- Dateline's own fields -->
        """);
    s.append(field(SolrBridge.ID, "string", "indexed=\"true\" stored=\"true\" docValues=\"true\""));
    s.append(field(SolrBridge.TITLE, "news_text", "indexed=\"true\" stored=\"true\""));
    s.append(field(SolrBridge.BODY, "news_text", "indexed=\"true\" stored=\"true\""));
    s.append(field(SolrBridge.DATE, "pdate", "indexed=\"true\" stored=\"true\" docValues=\"true\""));
    s.append(field(SolrBridge.URL, "string", "indexed=\"false\" stored=\"true\" docValues=\"false\""));
    s.append(
        field(
            SolrBridge.TITLE_DERIVED,
            "boolean",
            "indexed=\"false\" stored=\"true\" docValues=\"false\""));
    s.append("\n  <!-- source and extra keyword fields: the normalized term, for matching -->\n");
    s.append(
        "  <dynamicField name=\"*\" type=\"string\" indexed=\"true\" stored=\"false\""
            + " docValues=\"false\" multiValued=\"true\"/>\n");
    s.append("  <!-- ... and the values as written, for display and facets -->\n");
    s.append(
        "  <dynamicField name=\""
            + VALUE_PREFIX
            + "*\" type=\"string\" indexed=\"false\" stored=\"true\" docValues=\"true\""
            + " multiValued=\"true\"/>\n");
    s.append(
        field(
            FIELDS_FIELD,
            "string",
            "indexed=\"false\" stored=\"false\" docValues=\"true\" multiValued=\"true\""));
    s.append(field(DAY_FIELD, "pint", "indexed=\"false\" stored=\"false\" docValues=\"true\""));
    s.append(field("_version_", "plong", "indexed=\"false\" stored=\"false\" docValues=\"true\""));
    s.append(
        """

          <fieldType name="string" class="solr.StrField" sortMissingLast="true" omitNorms="true"/>
          <fieldType name="boolean" class="solr.BoolField" sortMissingLast="true"/>
          <fieldType name="pint" class="solr.IntPointField"/>
          <fieldType name="plong" class="solr.LongPointField"/>
          <!-- undated articles come last whichever way dates are sorted, as in the local index -->
          <fieldType name="pdate" class="solr.DatePointField" sortMissingLast="true"/>

          <!-- Dateline's news analysis (NewsAnalyzer), offsets in the postings for highlighting -->
          <fieldType name="news_text" class="solr.TextField" positionIncrementGap="100"
                     storeOffsetsWithPositions="true" autoGeneratePhraseQueries="false">
            <analyzer type="index">
        """);
    List<Component> chain = newsChain();
    for (int i = 0; i < chain.size(); i++) {
      Component c = chain.get(i);
      s.append("      <")
          .append(i == 0 ? "tokenizer" : "filter")
          .append(" class=\"")
          .append(c.solrClass())
          .append('"');
      c.params().forEach((k, v) -> s.append(' ').append(k).append("=\"").append(v).append('"'));
      s.append("/>\n");
    }
    s.append(
        """
              </analyzer>
              <!-- Dateline sends terms it analyzed itself: split on whitespace, nothing more -->
              <analyzer type="query">
                <tokenizer class="solr.WhitespaceTokenizerFactory" maxTokenLen="%d"/>
              </analyzer>
              <analyzer type="multiterm">
                <tokenizer class="solr.KeywordTokenizerFactory"/>
              </analyzer>
            </fieldType>

            <!-- BM25 with Dateline's parameters -->
            <similarity class="solr.BM25SimilarityFactory">
              <float name="k1">%s</float>
              <float name="b">%s</float>
            </similarity>
          </schema>
          """
            .formatted(TOKENIZER_MAX, bm25.k1(), bm25.b()));
    return s.toString();
  }

  private static String field(String name, String type, String attributes) {
    return "  <field name=\"" + name + "\" type=\"" + type + "\" " + attributes + "/>\n";
  }

  static String solrconfig() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Made by org.dateline.solr.SolrConfigset; a test fails when this file and that class
             disagree. Do not edit here. -->
        <config>
          <luceneMatchVersion>9.12</luceneMatchVersion>
          <dataDir>${solr.data.dir:}</dataDir>
          <directoryFactory name="DirectoryFactory"
                            class="${solr.directoryFactory:solr.NRTCachingDirectoryFactory}"/>

          <schemaFactory class="ManagedIndexSchemaFactory">
            <bool name="mutable">false</bool>
            <str name="managedSchemaResourceName">managed-schema.xml</str>
          </schemaFactory>

          <!-- Scores from the whole collection's term statistics, not one shard's: an article
               scores the same wherever it is, and the same as in a local index. -->
          <statsCache class="org.apache.solr.search.stats.ExactStatsCache"/>

          <updateHandler class="solr.DirectUpdateHandler2">
            <updateLog>
              <str name="dir">${solr.ulog.dir:}</str>
            </updateLog>
            <!-- Hard commits bound the transaction log; Dateline's indexer makes the final,
                 visible commit itself. -->
            <autoCommit>
              <maxTime>${solr.autoCommit.maxTime:60000}</maxTime>
              <openSearcher>false</openSearcher>
            </autoCommit>
          </updateHandler>

          <query>
            <maxBooleanClauses>${solr.max.booleanClauses:1024}</maxBooleanClauses>
          </query>

          <requestHandler name="/select" class="solr.SearchHandler">
            <lst name="defaults">
              <str name="defType">lucene</str>
              <str name="q.op">OR</str>
              <str name="df">body</str>
            </lst>
          </requestHandler>
        </config>
        """;
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
