package org.dateline;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Searches an index: parses the query, applies filters, ranks, pages and highlights.
 *
 * <h2>Query syntax</h2>
 *
 * Lucene's classic syntax. Words must all match (title or body; a title match weighs more) unless
 * {@code OR} is written; {@code AND}, {@code OR}, {@code NOT}, {@code +}, {@code -} and parentheses
 * combine them. {@code "exact phrase"}, {@code "sloppy phrase"~3}, trailing wildcards {@code
 * warr*}, fuzzy words {@code warrent~}. Fields: {@code title:}, {@code body:}, {@code source:},
 * {@code id:}, the index's extra keyword fields ({@code topics:crude}, the whole value), and {@code date:} with a
 * year ({@code date:2017}), month ({@code date:2017-01}), ISO week ({@code date:2017-W04}), day, or
 * an inclusive range with {@code *} for an open end ({@code date:[2017-01-01 TO *]}). An empty
 * query or {@code *} matches every article. {@code source:} takes a source's name or, when no
 * source has that name, words of it in order ({@code source:rte} finds "RTÉ News"), as the
 * request's source filter does. Hits are ranked by BM25; equal scores are ordered by
 * id, so a search returns the same order every time.
 *
 * <p>A request marked {@link SearchRequest#anyWord() anyWord} skips the syntax: its text is
 * analyzed into words and an article matching any of them is a hit, ranked by BM25 over all of them
 * (a word written twice counts twice). That is how verbose natural-language questions, such as TREC
 * topics, are run.
 *
 * <p>A malformed query is an {@link InvalidQueryException} carrying the position of the problem; a
 * wildcard or fuzzy word matching more than {@value #DEFAULT_MAX_EXPANSIONS} words of the index is
 * refused the same way, before it runs.
 *
 * <h2>Threads and freshness</h2>
 *
 * One searcher is meant to be shared: every method is thread-safe. It sees the index as of the last
 * commit when it was opened or last {@link #refresh() refreshed}; refreshing is cheap and reuses
 * unchanged segments. Close it when done.
 */
public final class NewsSearcher implements ArticleSearcher {
  /** Most distinct index words one wildcard, fuzzy, regexp or range term may match. */
  public static final int DEFAULT_MAX_EXPANSIONS = 10_000;

  private final Path path;
  private final Directory directory;
  private final boolean ownsDirectory;
  private final SearcherManager manager;
  private final TextAnalysis analysis;
  private final Analyzer queryAnalyzer;
  private final Analyzer indexAnalyzer;
  private final int maxExpansions;
  private final java.util.concurrent.atomic.AtomicLong highlightFallbacks =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicReference<RuntimeException>
      lastHighlightFailure = new java.util.concurrent.atomic.AtomicReference<>();

  /**
   * What a search needs to know about one version of the index, worked out once per reader rather
   * than once per search (the extra fields come from merging every segment's field infos).
   *
   * @param reader the index version
   * @param extraFields its extra keyword fields
   * @param grams the frequent-word pairs it holds, or null
   */
  private record ReaderInfo(IndexReader reader, Set<String> extraFields, PhraseGrams grams) {}

  private volatile ReaderInfo readerInfo;

  private NewsSearcher(
      Path path, Directory directory, boolean ownsDirectory, int maxExpansions, Bm25 ranking)
      throws IOException {
    this.path = path;
    this.directory = directory;
    this.ownsDirectory = ownsDirectory;
    this.maxExpansions = maxExpansions;
    BM25Similarity similarity = new BM25Similarity(ranking.k1(), ranking.b());
    this.manager =
        new SearcherManager(
            directory,
            new SearcherFactory() {
              @Override
              public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher s = new IndexSearcher(reader);
                s.setSimilarity(similarity);
                return s;
              }
            });
    TextAnalysis a;
    IndexSearcher s = manager.acquire();
    try {
      a =
          NewsIndex.analysisOf(
              ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData());
    } catch (IOException | RuntimeException e) {
      manager.close();
      throw e;
    } finally {
      manager.release(s);
    }
    this.analysis = a;
    this.queryAnalyzer = NewsQueryParser.analyzer(a);
    this.indexAnalyzer = NewsIndex.analyzer(a);
  }

  /**
   * Opens the index in a folder for searching. Writers may keep adding to it meanwhile.
   *
   * @param indexDir the index folder
   * @return the searcher
   * @throws IndexUnavailableException {@link IndexUnavailableException.Reason#MISSING} when there
   *     is no index there, {@link IndexUnavailableException.Reason#CORRUPT} when it is damaged
   */
  public static NewsSearcher open(Path indexDir) throws IndexUnavailableException {
    return open(indexDir, Bm25.DEFAULT);
  }

  /**
   * Opens the index in a folder for searching, ranking with other BM25 parameters. Queries are
   * analyzed with the {@link TextAnalysis} the index was created with.
   *
   * @param indexDir the index folder
   * @param ranking the BM25 parameters
   * @return the searcher
   * @throws IndexUnavailableException {@link IndexUnavailableException.Reason#MISSING} when there
   *     is no index there, {@link IndexUnavailableException.Reason#CORRUPT} when it is damaged
   */
  public static NewsSearcher open(Path indexDir, Bm25 ranking) throws IndexUnavailableException {
    java.util.Objects.requireNonNull(ranking, "ranking");
    var file = IndexUnavailableException.whenAFile(indexDir, IndexUnavailableException.Reason.MISSING);
    if (file.isPresent()) {
      throw file.get();
    }
    if (!Files.isDirectory(indexDir)) {
      throw missing(indexDir, "the folder does not exist");
    }
    Directory dir = null;
    try {
      dir = FSDirectory.open(indexDir);
      if (!DirectoryReader.indexExists(dir)) {
        throw missing(indexDir, "the folder holds no index");
      }
      return new NewsSearcher(indexDir, dir, true, DEFAULT_MAX_EXPANSIONS, ranking);
    } catch (IOException e) {
      closeQuietly(dir, e);
      throw unavailable(indexDir, e);
    } catch (RuntimeException | Error e) {
      closeQuietly(dir, e); // never keep the folder's files open after a failed open
      throw e;
    }
  }

  /**
   * Opens a searcher on a Lucene directory that the caller keeps and closes (tests).
   *
   * @param dir a directory holding an index
   * @param maxExpansions most words a wildcard or fuzzy term may match
   */
  static NewsSearcher open(Directory dir, int maxExpansions) throws IOException {
    return open(dir, maxExpansions, Bm25.DEFAULT);
  }

  /** Opens a searcher on a Lucene directory that the caller keeps, with BM25 parameters (tests). */
  static NewsSearcher open(Directory dir, int maxExpansions, Bm25 ranking) throws IOException {
    return new NewsSearcher(null, dir, false, maxExpansions, ranking);
  }

  /**
   * Returns the text analysis the index was created with, which queries are parsed with.
   *
   * @return the analysis
   */
  public TextAnalysis analysis() {
    return analysis;
  }

  /**
   * Returns how many searches since this searcher was opened showed plain titles and ledes
   * because highlighting failed: 0 unless the highlighter has a bug for some query.
   *
   * @return the number of searches that fell back to plain snippets
   */
  public long highlightFallbacks() {
    return highlightFallbacks.get();
  }

  /**
   * Returns why highlighting failed the last time a search fell back to plain snippets.
   *
   * @return the highlighter's exception, or empty when it never failed
   */
  public Optional<RuntimeException> lastHighlightFailure() {
    return Optional.ofNullable(lastHighlightFailure.get());
  }

  /**
   * Makes the searcher see the index's latest commit. Searches already running finish on the
   * version they started with.
   *
   * @throws IOException when the index cannot be read
   */
  public void refresh() throws IOException {
    try {
      manager.maybeRefreshBlocking();
    } catch (IOException e) {
      throw readFailure(e);
    }
  }

  /**
   * Searches.
   *
   * @param request what to search for
   * @return one page of hits, the exact total, and facets when asked for
   * @throws InvalidQueryException when the query is malformed or too wide, with the position
   * @throws IllegalArgumentException when the request's cursor is damaged or comes from another
   *     search
   * @throws IOException when the index cannot be read
   */
  public SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    FieldDoc after = request.cursor() == null ? null : Cursor.decode(request);
    try {
      return search(request, after, start);
    } catch (IOException e) {
      throw readFailure(e);
    }
  }

  private SearchResult search(SearchRequest request, FieldDoc after, long start)
      throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      IndexReader reader = searcher.getIndexReader();
      ReaderInfo info = info(reader);
      NewsQueryParser.Parsed parsed =
          request.anyWord()
              ? NewsQueryParser.anyWord(request.query(), queryAnalyzer)
              : NewsQueryParser.parse(request.query(), queryAnalyzer, info.extraFields());
      TermExpansions.check(reader, parsed, request.query(), maxExpansions);
      // base is what the user asked for (highlighting reads its words); matching runs the same
      // query with exact phrases of frequent words answered from the pair fields, same hits
      Query base = parsed.query();
      Query matching = info.grams() == null ? base : info.grams().rewrite(base);
      Map<String, Query> filters = filters(request);
      Query hitsQuery = withFilters(matching, filters);
      FacetEngine.Plan facetPlan =
          request.facets().isEmpty() ? null : FacetEngine.plan(reader, filters, request.facets());
      FacetPass sharedFacets = facetPlan == null ? null : facetPlan.sharedPass();

      int window = after == null ? request.offset() + request.limit() : request.limit();
      TopFieldDocs top;
      FacetPass.Counts sharedCounts = null;
      try {
        // +1: one hit beyond the page tells whether there is a next page
        TopFieldCollectorManager topManager =
            new TopFieldCollectorManager(
                sort(request.sort()), window + 1, after, Integer.MAX_VALUE);
        if (sharedFacets == null) {
          top = searcher.search(hitsQuery, topManager);
        } else {
          // one walk over the hits collects the top and the facets that apply every filter
          Object[] both =
              searcher.search(hitsQuery, new MultiCollectorManager(topManager, sharedFacets));
          top = (TopFieldDocs) both[0];
          sharedCounts = (FacetPass.Counts) both[1];
        }
      } catch (IndexSearcher.TooManyClauses e) {
        throw NewsQueryParser.tooManyClauses(request.query());
      } catch (TooComplexToDeterminizeException e) {
        throw new InvalidQueryException(
            request.query(), -1, "a wildcard or regular expression in the query is too complex");
      }
      if (top.totalHits.relation() != TotalHits.Relation.EQUAL_TO) {
        throw new IllegalStateException("total hits must be exact (got: " + top.totalHits + ")");
      }
      int from = after == null ? request.offset() : 0;
      int to = Math.min(top.scoreDocs.length, from + request.limit());
      ScoreDoc[] page =
          from >= to ? new ScoreDoc[0] : java.util.Arrays.copyOfRange(top.scoreDocs, from, to);
      if (request.sort() != SortOrder.RELEVANCE) {
        TopFieldCollector.populateScores(page, searcher, hitsQuery);
      }
      String next =
          top.scoreDocs.length > to && page.length > 0
              ? Cursor.encode(request, (FieldDoc) page[page.length - 1])
              : null;

      List<Hit> hits = hits(searcher, base, page, request);
      Map<String, FacetResult> facets =
          facetPlan == null ? Map.of() : facetPlan.count(searcher, matching, sharedCounts);
      return new SearchResult(
          request.query(),
          top.totalHits.value(),
          hits,
          next,
          facets,
          Duration.ofNanos(System.nanoTime() - start));
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Finds an article by id.
   *
   * @param id the article's id
   * @return the article as indexed, or empty
   * @throws IOException when the index cannot be read
   */
  public Optional<Article> find(String id) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(
          ArticleDocuments.fromStored(searcher.storedFields().document(top.scoreDocs[0].doc)));
    } catch (IOException e) {
      throw readFailure(e);
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Summarizes what the index holds.
   *
   * @return counts, date span, extra fields and size
   * @throws IOException when the index cannot be read
   */
  public IndexSummary summary() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      IndexReader reader = searcher.getIndexReader();
      long dated = 0;
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      Set<BytesRef> sources = new HashSet<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        var live = leaf.reader().getLiveDocs();
        SortedNumericDocValues dates = DocValues.getSortedNumeric(leaf.reader(), Fields.DATE);
        for (int d = dates.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = dates.nextDoc()) {
          if (live == null || live.get(d)) {
            dated++;
            long v = dates.nextValue();
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
        SortedSetDocValues src = DocValues.getSortedSet(leaf.reader(), Fields.SOURCE);
        if (src.getValueCount() > 0) {
          FixedBitSet used = new FixedBitSet((int) src.getValueCount());
          for (int d = src.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = src.nextDoc()) {
            if (live == null || live.get(d)) {
              for (int i = 0; i < src.docValueCount(); i++) {
                used.set((int) src.nextOrd());
              }
            }
          }
          for (int ord = used.nextSetBit(0);
              ord != DocIdSetIterator.NO_MORE_DOCS;
              ord =
                  ord + 1 < used.length()
                      ? used.nextSetBit(ord + 1)
                      : DocIdSetIterator.NO_MORE_DOCS) {
            sources.add(BytesRef.deepCopyOf(src.lookupOrd(ord)));
          }
        }
      }
      long size = 0;
      if (reader instanceof DirectoryReader dr) {
        for (String file : dr.getIndexCommit().getFileNames()) {
          size += directory.fileLength(file);
        }
      }
      return new IndexSummary(
          reader.numDocs(),
          sources.size(),
          dated == 0 ? null : Instant.ofEpochMilli(min),
          dated == 0 ? null : Instant.ofEpochMilli(max),
          reader.numDocs() - dated,
          List.copyOf(new TreeSet<>(extraFields(reader))),
          size);
    } catch (IOException e) {
      throw readFailure(e);
    } finally {
      manager.release(searcher);
    }
  }

  /** Releases the index. */
  @Override
  public void close() throws IOException {
    try {
      manager.close();
    } finally {
      if (ownsDirectory) {
        directory.close();
      }
    }
  }

  // ---- query assembly ----

  /**
   * The request's filters by facet filter key ({@code source}, {@code date}, extra field names), as
   * {@link FacetEngine} expects them.
   */
  static Map<String, Query> filters(SearchRequest r) {
    Map<String, Query> filters = new LinkedHashMap<>();
    if (!r.sources().isEmpty()) {
      filters.put(Fields.SOURCE, sourceFilter(r.sources()));
    }
    if (!r.dates().isAll()) {
      filters.put(
          FacetEngine.DATE_FILTER,
          LongField.newRangeQuery(Fields.DATE, r.dates().fromMillis(), r.dates().toMillis()));
    }
    r.fields().forEach((name, values) -> filters.put(name, keywordFilter(name, values)));
    return filters;
  }

  /** Any of the sources, each matched as {@link SourceQuery} does: whole name, else its words. */
  private static Query sourceFilter(Set<String> values) {
    if (values.size() == 1) {
      return new SourceQuery(Fields.SOURCE, values.iterator().next());
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String v : new TreeSet<>(values)) { // sorted: the same query, whatever the set's order
      any.add(new SourceQuery(Fields.SOURCE, v), BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  private static Query keywordFilter(String field, Set<String> values) {
    List<BytesRef> terms = new ArrayList<>(values.size());
    for (String v : values) {
      terms.add(new BytesRef(ArticleDocuments.keywordTerm(v)));
    }
    return terms.size() == 1
        ? new TermQuery(new Term(field, terms.get(0)))
        : new TermInSetQuery(field, terms);
  }

  private static Query withFilters(Query base, Map<String, Query> filters) {
    if (filters.isEmpty()) {
      return base;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(base, BooleanClause.Occur.MUST);
    for (Query f : filters.values()) {
      b.add(f, BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** The sort of an order: its key, then the id, so that the order is total and repeatable. */
  static Sort sort(SortOrder order) {
    SortField id = KeywordField.newSortField(Fields.ID, false, SortedSetSelector.Type.MIN);
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
      // undated articles last in both directions
      case NEWEST ->
          new Sort(
              LongField.newSortField(
                  Fields.DATE, true, SortedNumericSelector.Type.MAX, Long.MIN_VALUE),
              id);
      case OLDEST ->
          new Sort(
              LongField.newSortField(
                  Fields.DATE, false, SortedNumericSelector.Type.MIN, Long.MAX_VALUE),
              id);
    };
  }

  /** What this version of the index says about itself, computed once per version. */
  private ReaderInfo info(IndexReader reader) throws IOException {
    ReaderInfo info = readerInfo;
    if (info == null || info.reader() != reader) {
      PhraseGrams grams =
          reader instanceof DirectoryReader dr
              ? PhraseGrams.ofCommit(dr.getIndexCommit().getUserData())
              : null;
      info = new ReaderInfo(reader, Set.copyOf(extraFields(reader)), grams);
      readerInfo = info;
    }
    return info;
  }

  /** The extra keyword fields this index version has. */
  private static Set<String> extraFields(IndexReader reader) {
    Set<String> out = new HashSet<>();
    for (FieldInfo fi : FieldInfos.getMergedFieldInfos(reader)) {
      if (Fields.isExtra(fi.name) && fi.getIndexOptions() != IndexOptions.NONE) {
        out.add(fi.name);
      }
    }
    return out;
  }

  // ---- hits ----

  private List<Hit> hits(IndexSearcher searcher, Query base, ScoreDoc[] page, SearchRequest r)
      throws IOException {
    int[] docIds = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      docIds[i] = page[i].doc;
    }
    // Each hit's stored fields are read once, for the highlighter and the hit alike; the body
    // (most of a stored article) only when snippets are asked for.
    StoredFields storedFields = searcher.storedFields();
    Map<Integer, Document> stored = new java.util.HashMap<>();
    for (int docId : docIds) {
      if (r.snippets() > 0) {
        stored.put(docId, storedFields.document(docId));
      } else {
        DocumentStoredFieldVisitor visitor = new WithoutBody();
        storedFields.document(docId, visitor);
        stored.put(docId, visitor.getDocument());
      }
    }
    Highlighting.Highlights[] highlights = null;
    try {
      highlights =
          Highlighting.highlight(
              searcher, indexAnalyzer, base, docIds, r.snippets(), r.snippetLength(), stored);
    } catch (RuntimeException e) {
      // An odd query must not cost the results: fall back to plain titles and ledes below, but
      // count it, so that tests (and monitoring) see a highlighter that fails.
      highlightFallbacks.incrementAndGet();
      lastHighlightFailure.set(e);
      highlights = null;
    }
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document doc = stored.get(page[i].doc);
      Article a = ArticleDocuments.fromStored(doc);
      Highlighting.Highlights h = highlights == null ? null : highlights[i];
      Snippet title = h == null || h.title() == null ? Snippet.plain(a.title()) : h.title();
      List<Snippet> snippets =
          h != null ? h.snippets() : fallbackSnippets(a.body(), r.snippets(), r.snippetLength());
      float score =
          page[i] instanceof FieldDoc fd && fd.fields[0] instanceof Float f ? f : page[i].score;
      hits.add(
          new Hit(
              a.id(),
              a.title(),
              a.titleDerived(),
              a.source(),
              a.date(),
              a.url(),
              score,
              title,
              snippets,
              a.fields()));
    }
    return hits;
  }

  /** Loads every stored field of a hit but its body. */
  private static final class WithoutBody extends DocumentStoredFieldVisitor {
    @Override
    public Status needsField(FieldInfo fieldInfo) {
      return fieldInfo.name.equals(Fields.BODY) ? Status.NO : Status.YES;
    }
  }

  private static List<Snippet> fallbackSnippets(String body, int count, int length) {
    if (count == 0 || body.isBlank()) {
      return List.of();
    }
    Snippet s = Highlighting.snippet(body, 0, body.length(), List.of(), length);
    return s.text().isEmpty() ? List.of() : List.of(s);
  }

  // ---- errors ----

  private static IndexUnavailableException missing(Path path, String why) {
    return new IndexUnavailableException(
        path,
        IndexUnavailableException.Reason.MISSING,
        "no index at " + path + " (" + why + "); index some articles into it first",
        null);
  }

  /** Opening failed: say why in the index's terms. */
  private static IndexUnavailableException unavailable(Path path, IOException e) {
    IOException mapped = readFailure(path, e);
    if (mapped instanceof IndexUnavailableException u) {
      return u;
    }
    if (e instanceof AccessDeniedException) {
      return new IndexUnavailableException(
          path,
          IndexUnavailableException.Reason.NOT_WRITABLE,
          "index "
              + path
              + " cannot be read ("
              + e.getMessage()
              + "); check the folder's permissions",
          e);
    }
    return NewsIndex.unavailable(path, e);
  }

  private IOException readFailure(IOException e) {
    return readFailure(path, e);
  }

  /**
   * A damaged index (Lucene's corruption and format errors, a missing file) becomes an {@link
   * IndexUnavailableException} with reason CORRUPT, so that no Lucene exception type reaches the
   * caller; other I/O errors pass unchanged.
   */
  private static IOException readFailure(Path path, IOException e) {
    if (e instanceof IndexUnavailableException) {
      return e;
    }
    if (e instanceof NoSuchFileException || e instanceof java.io.FileNotFoundException) {
      return new IndexUnavailableException(
          path,
          IndexUnavailableException.Reason.CORRUPT,
          (path == null ? "the index" : "index " + path)
              + " is damaged (a file is missing: "
              + e.getMessage()
              + "); delete the folder and index again",
          e);
    }
    if (e instanceof CorruptIndexException
        || e instanceof IndexFormatTooOldException
        || e instanceof IndexFormatTooNewException
        || e instanceof java.io.EOFException) {
      return NewsIndex.unavailable(path, e);
    }
    return e;
  }

  private static void closeQuietly(Directory dir, Throwable cause) {
    if (dir != null) {
      try {
        dir.close();
      } catch (IOException suppressed) {
        cause.addSuppressed(suppressed);
      }
    }
  }

  @Override
  public String toString() {
    return "NewsSearcher[" + (path == null ? directory : path) + "]";
  }
}
