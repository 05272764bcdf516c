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
import org.apache.lucene.store.NIOFSDirectory;
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
 * <p>Both kinds of query drop English function words ("the", "in", "which": {@link FunctionWords})
 * written bare in a query that has other words: not inside quotes, not with a field, not made
 * required or excluded by an operator ({@code +the}, {@code -the}, {@code AND}, {@code OR}), and
 * never when every word is one ({@code the who} searches for both). The index keeps every word, so
 * phrases still match exactly. An index made with {@link TextAnalysis#ENGLISH_STOPWORDS_PORTER}
 * drops its own stop words instead, as Anserini does, and is searched with them only.
 *
 * <p>A request may {@link SearchRequest#expand(Rm3) expand} its query with words of its best hits
 * (RM3 pseudo-relevance feedback); see there for how that treats phrases and filters.
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
  private final boolean dropFunctionWords;
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
    this.dropFunctionWords = a.dropsFunctionWords();
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
    return open(indexDir, ranking, true);
  }

  /**
   * Opens the index in a folder for a process that searches it once or twice and exits, such as a
   * command-line search: its files are read with plain reads ({@code NIOFSDirectory}) rather than
   * mapped into memory, which spares such a process the set-up of memory mapping (the native calls
   * Lucene binds to advise the kernel: about a tenth of a one-shot search's start-up). Results are
   * the same as {@link #open(Path)}'s; a long-lived searcher should use that.
   *
   * @param indexDir the index folder
   * @return the searcher
   * @throws IndexUnavailableException as {@link #open(Path)}
   */
  public static NewsSearcher openUnmapped(Path indexDir) throws IndexUnavailableException {
    return open(indexDir, Bm25.DEFAULT, false);
  }

  private static NewsSearcher open(Path indexDir, Bm25 ranking, boolean mapped)
      throws IndexUnavailableException {
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
      dir = mapped ? FSDirectory.open(indexDir) : new NIOFSDirectory(indexDir);
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
   * Returns the copy detection the index was created with, as its latest commit this searcher
   * sees records it.
   *
   * @return the policy; {@link org.dateline.copies.CopyPolicy#OFF} for an index without detection
   * @throws IOException when the index cannot be read
   */
  public org.dateline.copies.CopyPolicy copies() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return copiesOf(searcher);
    } finally {
      manager.release(searcher);
    }
  }

  private static org.dateline.copies.CopyPolicy copiesOf(IndexSearcher searcher)
      throws IOException {
    return NewsIndex.copiesOf(
        ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData());
  }

  /** The index's copy detection; a {@link CopiesUnavailableException} when it has none. */
  private org.dateline.copies.CopyPolicy requireCopies(IndexSearcher searcher, String what)
      throws IOException {
    org.dateline.copies.CopyPolicy policy = copiesOf(searcher);
    if (!policy.enabled()) {
      throw CopiesUnavailableException.forIndex(what, path);
    }
    return policy;
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
      if (request.collapse() || request.count() == SearchRequest.Count.STORIES) {
        requireCopies(searcher, request.collapse() ? "--collapse" : "--count stories");
      }
      NewsQueryParser.Parsed parsed =
          request.anyWord()
              ? NewsQueryParser.anyWord(request.query(), queryAnalyzer, dropFunctionWords)
              : NewsQueryParser.parse(
                  request.query(), queryAnalyzer, info.extraFields(), dropFunctionWords);
      TermExpansions.check(reader, parsed, request.query(), maxExpansions);
      Map<String, Query> filters = filters(request);
      Query base = parsed.query();
      if (request.expansion() != null) {
        base =
            QueryExpansion.expand(
                searcher,
                indexAnalyzer,
                base,
                request.anyWord()
                    ? NewsQueryParser.anyWordTerms(
                        request.query(), queryAnalyzer, dropFunctionWords)
                    : QueryExpansion.wordsOf(base),
                request.anyWord(),
                withFilters(base, filters),
                request.expansion());
      }
      // base is what the user asked for (highlighting reads its words); matching runs the same
      // query with exact phrases of frequent words answered from the pair fields, same hits
      Query matching = info.grams() == null ? base : info.grams().rewrite(base);
      Query hitsQuery = withFilters(matching, filters);
      boolean byStory = request.collapse() || request.count() == SearchRequest.Count.STORIES;
      FacetEngine.Plan facetPlan =
          request.facets().isEmpty() || byStory
              ? null
              : FacetEngine.plan(reader, filters, request.facets());
      FacetPass sharedFacets = facetPlan == null ? null : facetPlan.sharedPass();
      FacetPass.Counts sharedCounts = null;
      Object[] sidewaysCounts = null;

      int window = after == null ? request.offset() + request.limit() : request.limit();
      ScoreDoc[] page;
      String next = null;
      long total;
      // copies: the group keys for collapse and story counts come from the hits' own pass
      org.dateline.copies.StoryPass.Matches storyMatches = null;
      if (request.collapse()) {
        Collapsed c = collapse(searcher, hitsQuery, request);
        page = c.page();
        total = c.total();
        storyMatches = c.matches();
      } else {
        // +1: one hit beyond the page tells whether there is a next page; one walk over the hits
        // collects the top and the facets that apply every filter
        TopFieldDocs top;
        org.dateline.copies.StoryPass stories =
            request.count() == SearchRequest.Count.STORIES
                ? new org.dateline.copies.StoryPass()
                : null;
        if (stories == null && facetPlan != null && !facetPlan.sidewaysKeys().isEmpty()) {
          // one walk without the filters a dimension ignores: hits and every facet pass
          sidewaysCounts = topSideways(searcher, matching, facetPlan, request, window + 1, after);
          top = (TopFieldDocs) sidewaysCounts[0];
        } else if (sharedFacets == null && stories == null) {
          top = top(searcher, hitsQuery, request, window + 1, after);
        } else {
          Object[] all =
              topAnd(searcher, hitsQuery, request, window + 1, after, sharedFacets, stories);
          top = (TopFieldDocs) all[0];
          sharedCounts = (FacetPass.Counts) all[1];
          storyMatches = (org.dateline.copies.StoryPass.Matches) all[2];
        }
        int from = after == null ? request.offset() : 0;
        int to = Math.min(top.scoreDocs.length, from + request.limit());
        page = from >= to ? new ScoreDoc[0] : java.util.Arrays.copyOfRange(top.scoreDocs, from, to);
        next =
            top.scoreDocs.length > to && page.length > 0
                ? Cursor.encode(request, (FieldDoc) page[page.length - 1])
                : null;
        total = top.totalHits.value();
      }
      if (request.sort() != SortOrder.RELEVANCE) {
        TopFieldCollector.populateScores(page, searcher, hitsQuery);
      }
      org.dateline.copies.CopyFinder.MatchStats stats =
          storyMatches == null ? null : storyMatches.stats(reader, docsOf(page));

      // snippets mark the words written, not those an expansion added
      List<Hit> hits = hits(searcher, parsed.query(), page, request, stats);
      Map<String, FacetResult> facets =
          request.facets().isEmpty()
              ? Map.of()
              : sidewaysCounts != null
                  ? facetPlan.count(searcher, matching, sidewaysCounts)
                  : facetPlan != null
                  ? facetPlan.count(searcher, matching, sharedCounts)
                  : FacetEngine.count(
                      searcher, matching, filters, request.facets(), request.count());
      return new SearchResult(
          request.query(),
          total,
          hits,
          next,
          facets,
          Duration.ofNanos(System.nanoTime() - start),
          request.count(),
          stats == null ? -1 : stats.stories(),
          request.collapse());
    } finally {
      manager.release(searcher);
    }
  }

  /** The top hits of a query, with its errors turned into {@link InvalidQueryException}. */
  private static TopFieldDocs top(
      IndexSearcher searcher, Query query, SearchRequest request, int n, FieldDoc after)
      throws IOException {
    return (TopFieldDocs) topAnd(searcher, query, request, n, after, null, null)[0];
  }

  /**
   * The top hits of a query and, from the same walk over the matches, the facet counts when
   * {@code facets} is not null and the copy groups when {@code stories} is not null: {@code
   * [TopFieldDocs, FacetPass.Counts or null, StoryPass.Matches or null]}.
   */
  private static Object[] topAnd(
      IndexSearcher searcher,
      Query query,
      SearchRequest request,
      int n,
      FieldDoc after,
      FacetPass facets,
      org.dateline.copies.StoryPass stories)
      throws IOException {
    Object[] out = new Object[3];
    org.apache.lucene.search.CollectorManager<?, TopFieldDocs> topManager =
        topManager(request, n, after);
    if (facets == null && stories == null) {
      out[0] = walk(searcher, query, topManager, request);
    } else {
      List<org.apache.lucene.search.CollectorManager<?, ?>> managers = new ArrayList<>();
      managers.add(topManager);
      if (facets != null) {
        managers.add(facets);
      }
      if (stories != null) {
        managers.add(stories);
      }
      Object[] results =
          walk(
              searcher,
              query,
              new MultiCollectorManager(
                  managers.toArray(new org.apache.lucene.search.CollectorManager<?, ?>[0])),
              request);
      out[0] = results[0];
      int next = 1;
      if (facets != null) {
        out[1] = results[next++];
      }
      if (stories != null) {
        out[2] = results[next];
      }
    }
    requireExact(out[0]);
    return out;
  }

  /**
   * Runs one walk over a query's matches, with its errors turned into {@link
   * InvalidQueryException}.
   */
  private static <C extends org.apache.lucene.search.Collector, T> T walk(
      IndexSearcher searcher,
      Query query,
      org.apache.lucene.search.CollectorManager<C, T> manager,
      SearchRequest request)
      throws IOException {
    try {
      return searcher.search(query, manager);
    } catch (IndexSearcher.TooManyClauses e) {
      throw NewsQueryParser.tooManyClauses(request.query());
    } catch (TooComplexToDeterminizeException e) {
      throw new InvalidQueryException(
          request.query(), -1, "a wildcard or regular expression in the query is too complex");
    }
  }

  /** Fails unless a walk's top hits carry an exact total. */
  private static void requireExact(Object top) {
    TopFieldDocs docs = (TopFieldDocs) top;
    if (docs.totalHits.relation() != TotalHits.Relation.EQUAL_TO) {
      throw new IllegalStateException("total hits must be exact (got: " + docs.totalHits + ")");
    }
  }

  /**
   * The collector of a page's top hits: by relevance a score-only collector that reads ids only to
   * order equal scores ({@link RelevanceTop}), otherwise Lucene's on the order's sort.
   */
  private static org.apache.lucene.search.CollectorManager<?, TopFieldDocs> topManager(
      SearchRequest request, int n, FieldDoc after) {
    return request.sort() == SortOrder.RELEVANCE
        ? new RelevanceTop(n, after)
        : new TopFieldCollectorManager(sort(request.sort()), n, after, Integer.MAX_VALUE);
  }

  /**
   * The top hits and the facet counts of a plan with sideways passes, from one walk over the
   * query without the sideways filters ({@link SidewaysPass}): {@code [TopFieldDocs, shared
   * counts or null, counts per sideways filter]}.
   */
  private static Object[] topSideways(
      IndexSearcher searcher,
      Query matching,
      FacetEngine.Plan plan,
      SearchRequest request,
      int n,
      FieldDoc after)
      throws IOException {
    Object[] out =
        walk(
            searcher,
            plan.walkQuery(matching),
            plan.sidewaysPass(searcher, topManager(request, n, after), request.dates()),
            request);
    requireExact(out[0]);
    return out;
  }

  /**
   * A collapsed page: its hits, one per copy group, the number of matching articles, and the
   * matches' groups from the same pass.
   */
  private record Collapsed(
      ScoreDoc[] page, long total, org.dateline.copies.StoryPass.Matches matches) {}

  private static int[] docsOf(ScoreDoc[] page) {
    int[] docs = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      docs[i] = page[i].doc;
    }
    return docs;
  }

  /**
   * One hit per copy group, each group's first in the requested order: reads ever more hits until
   * the page's groups are complete (most searches need one round; a query whose top hits are all
   * copies of a few stories needs more).
   */
  private static Collapsed collapse(IndexSearcher searcher, Query query, SearchRequest request)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    int need = request.offset() + request.limit();
    int maxDoc = Math.max(1, reader.maxDoc());
    // twice the page to start with: most pages hold few copies; the loop reads more when not
    int n = Math.min(maxDoc, Math.max(need + 10, need * 2));
    org.dateline.copies.StoryPass.Matches matches = null;
    while (true) {
      TopFieldDocs top;
      if (matches == null) {
        // the first round walks every match anyway: it collects the groups too
        Object[] both =
            topAnd(searcher, query, request, n, null, null, new org.dateline.copies.StoryPass());
        top = (TopFieldDocs) both[0];
        matches = (org.dateline.copies.StoryPass.Matches) both[2];
      } else {
        top = top(searcher, query, request, n, null);
      }
      List<ScoreDoc> firsts = new ArrayList<>();
      Set<Long> seen = new HashSet<>();
      for (ScoreDoc sd : top.scoreDocs) {
        if (seen.add(org.dateline.copies.CopyFinder.key(reader, sd.doc))) {
          firsts.add(sd);
          if (firsts.size() >= need) {
            break;
          }
        }
      }
      if (firsts.size() >= need || top.scoreDocs.length < n || n >= maxDoc) {
        int from = Math.min(request.offset(), firsts.size());
        return new Collapsed(
            firsts.subList(from, firsts.size()).toArray(new ScoreDoc[0]),
            top.totalHits.value(),
            matches);
      }
      n = (int) Math.min((long) n * 4, maxDoc);
    }
  }

  /**
   * Where an article's text also appears: the other articles of its copy group, and the articles
   * that reuse part of its text (or whose text it reuses), each with its similarity, earliest
   * first.
   *
   * @param id the article's id
   * @return its provenance, or empty when there is no such article
   * @throws IOException when the index cannot be read
   */
  @Override
  public Optional<org.dateline.copies.Provenance> provenance(String id) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      org.dateline.copies.CopyPolicy policy = requireCopies(searcher, "provenance");
      int doc = org.dateline.copies.CopyGrouper.find(searcher.getIndexReader(), id);
      if (doc < 0) {
        return Optional.empty();
      }
      return Optional.of(org.dateline.copies.CopyFinder.provenance(searcher, doc, policy));
    } catch (IOException e) {
      throw readFailure(e);
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * The largest copy groups among the articles a search matches (its query and filters; its
   * order, page and facets are ignored): groups of two or more articles, by how many of them
   * match, ties by group name.
   *
   * @param request the search
   * @param top how many groups, &gt;= 1
   * @return the groups, largest first, each with its outlets and first and last date
   * @throws InvalidQueryException when the query is malformed
   * @throws IOException when the index cannot be read
   */
  @Override
  public List<org.dateline.copies.CopyGroup> copyGroups(SearchRequest request, int top)
      throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      requireCopies(searcher, "copy groups");
      IndexReader reader = searcher.getIndexReader();
      NewsQueryParser.Parsed parsed =
          request.anyWord()
              ? NewsQueryParser.anyWord(request.query(), queryAnalyzer)
              : NewsQueryParser.parse(request.query(), queryAnalyzer, info(reader).extraFields());
      TermExpansions.check(reader, parsed, request.query(), maxExpansions);
      Query q = withFilters(parsed.query(), filters(request));
      try {
        return org.dateline.copies.CopyFinder.largest(searcher, q, top);
      } catch (IndexSearcher.TooManyClauses e) {
        throw NewsQueryParser.tooManyClauses(request.query());
      }
    } catch (IOException e) {
      throw readFailure(e);
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

  private List<Hit> hits(
      IndexSearcher searcher,
      Query base,
      ScoreDoc[] page,
      SearchRequest r,
      org.dateline.copies.CopyFinder.MatchStats stats)
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
      // without marks (the request's choice) the plain titles and ledes below serve
      highlights =
          !r.highlight()
              ? null
              : Highlighting.highlight(
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
      org.dateline.copies.CopyInfo copies =
          org.dateline.copies.CopyFinder.info(searcher.getIndexReader(), page[i].doc, a.id());
      if (r.collapse() && stats != null) {
        long key = org.dateline.copies.CopyFinder.key(searcher.getIndexReader(), page[i].doc);
        copies =
            copies.withFolded(
                stats.folded().getOrDefault(key, 1L) - 1,
                stats.outlets().getOrDefault(key, Set.of()).size());
      }
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
              a.fields(),
              copies));
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
