package org.dateline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Plain Lucene, the floor: {@code StandardAnalyzer}, stored title and body as {@code TextField},
 * the id as a {@code StringField}, a {@code LongPoint} date and a {@code StringField} source for the
 * filters, no doc values, no facets, no Dateline code. One indexing thread and a 64 MB buffer, as
 * Dateline. {@code index CORPUS_JSONL INDEX_DIR OUT_JSON} or {@code search INDEX_DIR QUERIES
 * OUT_JSON PASS_BUDGET_S THROUGHPUT_S}.
 *
 * <p>{@code index-stemmed} and {@code search-stemmed} (system {@code lucene-stemmed}) are the same
 * with Dateline's word analysis instead of {@code StandardAnalyzer}: possessives dropped, lower
 * case, accents folded, Porter stems. Dateline matches about twice the articles the plain peer does
 * on word queries because it stems; this peer does the same matching work, so the ratios against it
 * say what Dateline's own code costs. It also runs the snippets mode, and the facets mode with
 * Lucene's own faceting: source and month as {@code SortedSetDocValuesFacetField}s (so its index
 * also holds their doc values and drill-down terms), counted by {@code DrillSideways}, which counts
 * a filtered dimension as if its own filter were not there, as Dateline's facets do. That is the
 * floor of Dateline's snippets + facets target: Lucene doing the same matching, highlighting and
 * counting with its own classes.
 */
public final class LuceneBench implements Engine {
  private static final String[] TEXT_FIELDS = {"title", "body"};

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final boolean stemmed;
  private final UnifiedHighlighter highlighter;
  /** The stemmed peer's facet state (ordinals of source and month), made once at open. */
  private final SortedSetDocValuesReaderState facetState;

  /** Source and month, as the stemmed peer's index holds them for Lucene's faceting. */
  private static final FacetsConfig FACETS = new FacetsConfig();

  private static final java.time.format.DateTimeFormatter MONTH =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM", java.util.Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** Opens the search side on an index made by {@code index} (or, stemmed, {@code index-stemmed}). */
  static LuceneBench open(Directory dir, boolean stemmed) throws IOException {
    return new LuceneBench(dir, stemmed);
  }

  private LuceneBench(Directory dir, boolean stemmed) throws IOException {
    this.stemmed = stemmed;
    this.analyzer = analyzer(stemmed);
    this.reader = DirectoryReader.open(dir);
    this.searcher = new IndexSearcher(reader);
    this.highlighter = UnifiedHighlighter.builder(searcher, analyzer).build();
    // an index made before the peer had facets runs without them
    boolean hasFacets =
        org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader)
                .fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME)
            != null;
    this.facetState =
        stemmed && hasFacets ? new DefaultSortedSetDocValuesReaderState(reader, FACETS) : null;
  }

  /** Runs one side of the benchmark; see the class description for the arguments. */
  public static void main(String[] args) throws Exception {
    boolean stemmed = args[0].endsWith("-stemmed");
    switch (args[0]) {
      case "index", "index-stemmed" ->
          index(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), stemmed);
      case "search", "search-stemmed" -> {
        try (Directory dir = FSDirectory.open(Path.of(args[1]));
            LuceneBench engine = new LuceneBench(dir, stemmed)) {
          new QueryRunner(
                  engine,
                  BenchQuery.read(Path.of(args[2])),
                  Double.parseDouble(args[4]),
                  Double.parseDouble(args[5]))
              .run(system(stemmed), IndexRun.corpusName(args[2]), Path.of(args[3]));
        }
      }
      default -> throw new IllegalArgumentException("unknown command: " + args[0]);
    }
  }

  private static String system(boolean stemmed) {
    return stemmed ? "lucene-stemmed" : "lucene";
  }

  /** StandardAnalyzer, or Dateline's news analysis (as {@code NewsAnalyzer}) when stemmed. */
  static Analyzer analyzer(boolean stemmed) {
    if (!stemmed) {
      return new StandardAnalyzer();
    }
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new EnglishPossessiveFilter(source);
        result = new LowerCaseFilter(result);
        result = new ASCIIFoldingFilter(result);
        return new TokenStreamComponents(source, new PorterStemFilter(result));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  static void index(Path input, Path index, Path out, boolean stemmed)
      throws IOException {
    long t0 = System.nanoTime();
    long n = 0;
    ObjectMapper json = new ObjectMapper();
    IndexWriterConfig iwc = new IndexWriterConfig(analyzer(stemmed));
    iwc.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    iwc.setRAMBufferSizeMB(64);
    try (Directory dir = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(dir, iwc);
        BufferedReader r = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode o = json.readTree(line);
        Document d = new Document();
        String id = o.path("id").asText();
        d.add(new StringField("id", id, Field.Store.YES));
        d.add(new TextField("title", o.path("title").asText(""), Field.Store.YES));
        d.add(new TextField("body", o.path("body").asText(""), Field.Store.YES));
        Instant date = o.hasNonNull("date") ? Instant.parse(o.get("date").asText()) : null;
        if (date != null) {
          d.add(new LongPoint("date", date.toEpochMilli()));
        }
        String source = o.path("source").asText("");
        d.add(new StringField("source", source, Field.Store.NO));
        if (stemmed) {
          if (!source.isEmpty()) {
            d.add(new SortedSetDocValuesFacetField("source", source));
          }
          if (date != null) {
            d.add(new SortedSetDocValuesFacetField("month", MONTH.format(date)));
          }
          d = FACETS.build(d);
        }
        w.updateDocument(new Term("id", id), d);
        n++;
      }
      w.commit();
    }
    IndexRun.write(out, system(stemmed), IndexRun.corpusName(input.toString()), n,
        (System.nanoTime() - t0) / 1e9, input, index);
  }

  /** The Lucene query for a benchmark query: all words required, in title or body. */
  static Query query(BenchQuery q, Analyzer analyzer) {
    return withFilters(q, textQuery(q, analyzer));
  }

  /** The words' query with the benchmark query's date and source filters as FILTER clauses. */
  private static Query withFilters(BenchQuery q, Query text) {
    if (q.from() == null && q.source() == null) {
      return text;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
    if (q.from() != null) {
      b.add(dateFilter(q), BooleanClause.Occur.FILTER);
    }
    if (q.source() != null) {
      b.add(new TermQuery(new Term("source", q.source())), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private static Query textQuery(BenchQuery q, Analyzer analyzer) {
    QueryParser p = new MultiFieldQueryParser(TEXT_FIELDS, analyzer);
    p.setDefaultOperator(QueryParser.Operator.AND);
    try {
      return p.parse(q.classicText());
    } catch (ParseException e) {
      throw new IllegalArgumentException("cannot parse " + q.classicText(), e);
    }
  }

  private static Query dateFilter(BenchQuery q) {
    long from = q.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long to = q.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
    return LongPoint.newRangeQuery("date", from, to);
  }

  /**
   * The facets mode's query: the words, with the date filter as a drill-down on the month
   * dimension and the source filter on the source dimension, so that {@link DrillSideways} counts
   * each filtered dimension without its own filter.
   */
  private static DrillDownQuery drillDown(BenchQuery q, Query text) {
    DrillDownQuery dd = new DrillDownQuery(FACETS, text);
    if (q.from() != null) {
      dd.add("month", dateFilter(q));
    }
    if (q.source() != null) {
      dd.add("source", q.source());
    }
    return dd;
  }

  @Override
  public Set<Mode> modes() {
    return facetState != null
        ? EnumSet.of(Mode.BARE, Mode.SNIPPETS, Mode.FACETS)
        : EnumSet.of(Mode.BARE, Mode.SNIPPETS);
  }

  @Override
  public long search(BenchQuery q, Mode mode) throws IOException {
    Query text = textQuery(q, analyzer); // parsed once, for the walk and the highlighter
    TopDocs top;
    if (mode == Mode.FACETS) {
      top = facets(q, text).hits();
    } else {
      // exact totals, as Dateline keeps them: no early termination after 1,000 hits
      top =
          searcher.search(
              withFilters(q, text), new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
    }
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = stored.document(sd.doc, Set.of("id", "title"));
      if (d.get("id") == null) {
        throw new IllegalStateException("hit without id");
      }
    }
    if (mode == Mode.SNIPPETS || mode == Mode.FACETS) {
      // the filters hold no body terms: the words alone give the same passages
      highlighter.highlight("body", text, top, 1);
    }
    return top.totalHits.value();
  }

  /**
   * The facets mode's walk: the top ten with the exact total, the top 10 sources and every month
   * with their counts, each filtered dimension counted without its own filter.
   */
  Faceted facets(BenchQuery q) throws IOException {
    return facets(q, textQuery(q, analyzer));
  }

  private Faceted facets(BenchQuery q, Query text) throws IOException {
    var result =
        new DrillSideways(searcher, FACETS, facetState)
            .search(drillDown(q, text), new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
    return new Faceted(
        result.collectorResult,
        counts(result.facets, "source", 10), // Dateline's facets: the top 10 sources
        counts(result.facets, "month", 0)); // and every month of the matches' span
  }

  /** What {@link #facets} found; a dimension no match has a value of is null. */
  record Faceted(TopDocs hits, FacetResult sources, FacetResult months) {}

  /** A dimension's top {@code n} values (every value for 0) with their counts, or none. */
  private static FacetResult counts(Facets facets, String dim, int n) throws IOException {
    try {
      return n > 0 ? facets.getTopChildren(n, dim) : facets.getAllChildren(dim);
    } catch (IllegalArgumentException noneInIndex) {
      return null; // the dimension has no value in any matching segment
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
