package org.dateline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Counts facets for a search, drill-sideways: each dimension's counts apply every filter but its
 * own, so selecting one source still shows the other sources' counts while the other dimensions
 * narrow. Counting reads doc values per matching document and never materializes hit lists.
 *
 * <p>These are the semantics of lucene-facet's {@code DrillSideways}, which needs fields indexed
 * through {@code FacetsConfig}; our fields are plain doc values, so the sideways counts come from
 * one pass per distinct set of applied filters instead: dimensions whose filter is absent share
 * the pass over the base query and every filter, and each filtered dimension gets the pass without
 * its own filter (the four date dimensions share the {@link #DATE_FILTER} key, hence one pass).
 * All dimensions of a pass are counted by one collector. The pass without the date filter is not
 * a run of its own: one walk over the query without that filter checks it per match and feeds the
 * hits, the shared pass and the date pass ({@link SidewaysPass}, the shape of Lucene's {@code
 * DrillSideways}); see {@link #ONE_WALK}.
 *
 * <p>Memory per pass is sized by the number of distinct values and buckets, never by the number of
 * hits.
 */
final class FacetEngine {
  private FacetEngine() {}

  /** Filter key shared by the date dimensions (year, month, week, day). */
  static final String DATE_FILTER = Fields.DATE;

  /** Pass key of the dimensions that ignore no filter (no field has an empty name). */
  private static final String EVERY_FILTER = "";

  /**
   * The filter keys whose sideways pass is counted in the hits' walk ({@link SidewaysPass}); the
   * others get a run of their own. Only the date filter: at 1M a walk without it cost less than
   * the second run (date-filtered searches, CPU p50 about 5% less), while a walk without a source
   * filter (a source holds few of the articles) cost 30% more than a run over the source's
   * matches and a second one without them.
   */
  static final Set<String> ONE_WALK = Set.of(DATE_FILTER);

  /** Milliseconds per day. */
  private static final long DAY = 86_400_000L;

  /** One requested dimension; a term dimension's name is its field's name. */
  record Dimension(String name, String filterKey, DateHistogram histogram) {
    boolean isDate() {
      return histogram != null;
    }
  }

  /**
   * Counts the requested dimensions.
   *
   * <p>Term dimensions ({@code source}, extra keyword fields) list the top {@link
   * FacetRequest#topN()} values by count, then label; an article with several values counts once
   * for each. Date dimensions ({@code year}, {@code month}, {@code week}, {@code day}) list every
   * UTC bucket the histogram range touches, empty ones as 0, see {@link DateHistogram#result}.
   * {@link FacetResult#missing()} counts the matching articles with no value (no source, no date).
   *
   * @param searcher the searcher; with an executor, slices are counted in parallel
   * @param base the parsed text query, without filters
   * @param filters per-dimension filters by filter key: {@code source}, {@code date} (shared by
   *     year, month, week and day), or an extra field name; all of them apply to the hits
   * @param request which dimensions to count
   * @return results by dimension name, in request order
   * @throws IllegalArgumentException when a dimension is neither source, a date granularity, nor a
   *     keyword field of the index, or when a histogram would have more than {@value
   *     DateHistogram#MAX_BUCKETS} buckets
   * @throws IOException when the index cannot be read
   */
  static Map<String, FacetResult> count(
      IndexSearcher searcher, Query base, Map<String, Query> filters, FacetRequest request)
      throws IOException {
    return count(searcher, base, filters, request, SearchRequest.Count.ARTICLES);
  }

  /**
   * Counts the requested dimensions by article or by story (see {@link StoryFacetPass}).
   *
   * @param searcher the searcher
   * @param base the parsed text query, without filters
   * @param filters per-dimension filters by filter key
   * @param request which dimensions to count
   * @param unit articles or stories
   * @return results by dimension name, in request order
   * @throws IOException when the index cannot be read
   */
  static Map<String, FacetResult> count(
      IndexSearcher searcher,
      Query base,
      Map<String, Query> filters,
      FacetRequest request,
      SearchRequest.Count unit)
      throws IOException {
    Objects.requireNonNull(searcher, "searcher");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(filters, "filters");
    if (request.isEmpty()) {
      return Map.of();
    }
    Plan plan = plan(searcher.getIndexReader(), filters, request);
    return unit == SearchRequest.Count.STORIES
        ? plan.countStories(searcher, base)
        : plan.count(searcher, base, (FacetPass.Counts) null);
  }

  /**
   * Resolves and checks the requested dimensions and groups them into passes, before the search
   * runs, so that the pass over the base query with every filter (the hits' own query) can be
   * counted by the same walk over the hits as the top hits ({@link Plan#sharedPass()}).
   *
   * @param reader the index
   * @param filters per-dimension filters by filter key, as for {@link #count}
   * @param request which dimensions to count; not empty
   * @return the plan
   * @throws IllegalArgumentException as {@link #count} does
   */
  static Plan plan(IndexReader reader, Map<String, Query> filters, FacetRequest request) {
    return plan(reader, filters, request, ONE_WALK);
  }

  /**
   * As {@link #plan(IndexReader, Map, FacetRequest)}, counting the sideways passes of the given
   * filter keys in one walk and the others by a run each (tests compare the two).
   *
   * @param oneWalk the filter keys whose sideways pass the walk counts
   */
  static Plan plan(
      IndexReader reader, Map<String, Query> filters, FacetRequest request, Set<String> oneWalk) {
    List<Dimension> dimensions = resolve(reader, request);
    DateRange range = request.histogram();
    if (range.from() != null && range.to() != null) {
      for (Dimension d : dimensions) {
        if (d.isDate()) {
          d.histogram().requireBuckets(range.from().toEpochDay(), range.to().toEpochDay());
        }
      }
    }
    Map<String, List<Dimension>> passes = new LinkedHashMap<>();
    for (Dimension d : dimensions) {
      String ignored = filters.containsKey(d.filterKey()) ? d.filterKey() : EVERY_FILTER;
      passes.computeIfAbsent(ignored, k -> new ArrayList<>()).add(d);
    }
    return new Plan(dimensions, passes, filters, request, oneWalk);
  }

  /** The passes a facet request needs; see {@link #plan}. */
  static final class Plan {
    private final List<Dimension> dimensions;
    private final Map<String, List<Dimension>> passes;
    private final Map<String, Query> filters;
    private final FacetRequest request;
    private final List<String> sidewaysKeys;

    private Plan(
        List<Dimension> dimensions,
        Map<String, List<Dimension>> passes,
        Map<String, Query> filters,
        FacetRequest request,
        Set<String> oneWalk) {
      this.dimensions = dimensions;
      this.passes = passes;
      this.filters = filters;
      this.request = request;
      List<String> keys = new ArrayList<>();
      for (String key : passes.keySet()) {
        if (!key.equals(EVERY_FILTER) && oneWalk.contains(key)) {
          keys.add(key);
        }
      }
      this.sidewaysKeys = List.copyOf(keys);
    }

    /**
     * The collector of the pass whose query is the base query with every filter, or null when no
     * dimension needs it (each has a filter of its own to ignore).
     */
    FacetPass sharedPass() {
      List<Dimension> shared = passes.get(EVERY_FILTER);
      return shared == null ? null : FacetPass.of(shared);
    }

    /**
     * The filter keys whose passes are counted in the walk over the hits rather than by a run of
     * their own (see {@link SidewaysPass}), in pass order; empty when there are none.
     */
    List<String> sidewaysKeys() {
      return sidewaysKeys;
    }

    /**
     * The query to walk for the hits and the sideways passes: the base query with every filter
     * but the sideways ones, which {@link SidewaysPass} checks per match.
     *
     * @param base the query the hits match, without filters
     * @return the query
     */
    Query walkQuery(Query base) {
      List<String> sideways = sidewaysKeys();
      Map<String, Query> applied = new LinkedHashMap<>(filters);
      applied.keySet().removeAll(sideways);
      return filtered(base, applied, EVERY_FILTER);
    }

    /**
     * The collector manager of one walk over {@link #walkQuery} that collects the hits, counts
     * {@link #sharedPass()} and every sideways pass; its result is as {@link SidewaysPass#reduce}
     * says and goes to {@link #count(IndexSearcher, Query, Object[])}.
     *
     * @param searcher the searcher
     * @param hits the collector manager of the hits, or null
     * @param dates the date range the {@link #DATE_FILTER} filter was made from, so that it can be
     *     checked by day (see {@link SidewaysPass}); null to check it by its query
     * @return the manager; only when {@link #sidewaysKeys()} is not empty
     */
    SidewaysPass sidewaysPass(IndexSearcher searcher, CollectorManager<?, ?> hits, DateRange dates)
        throws IOException {
      List<Query> sidewaysFilters = new ArrayList<>();
      List<FacetPass> sidewaysPasses = new ArrayList<>();
      List<long[]> days = new ArrayList<>();
      for (String key : sidewaysKeys()) {
        sidewaysFilters.add(filters.get(key));
        sidewaysPasses.add(FacetPass.of(passes.get(key)));
        days.add(
            key.equals(DATE_FILTER) && dates != null
                ? new long[] {
                  Math.floorDiv(dates.fromMillis(), DAY), Math.floorDiv(dates.toMillis(), DAY)
                }
                : null);
      }
      return new SidewaysPass(searcher, hits, sharedPass(), sidewaysFilters, sidewaysPasses, days);
    }

    /**
     * Runs the passes the walk of {@link #sidewaysPass} did not count, and returns the results.
     *
     * @param searcher the searcher
     * @param base the parsed text query, without filters
     * @param walked what the sideways walk returned
     * @return results by dimension name, in request order
     */
    Map<String, FacetResult> count(IndexSearcher searcher, Query base, Object[] walked)
        throws IOException {
      Map<String, FacetPass.Counts> counted = new HashMap<>();
      if (walked[1] != null) {
        counted.put(EVERY_FILTER, (FacetPass.Counts) walked[1]);
      }
      FacetPass.Counts[] sideways = (FacetPass.Counts[]) walked[2];
      List<String> keys = sidewaysKeys();
      for (int i = 0; i < keys.size(); i++) {
        counted.put(keys.get(i), sideways[i]);
      }
      return countRest(searcher, base, counted);
    }

    /**
     * Runs the passes and returns the results.
     *
     * @param searcher the searcher
     * @param base the parsed text query, without filters
     * @param shared what {@link #sharedPass()} counted over the hits, or null to run it here
     * @return results by dimension name, in request order
     */
    Map<String, FacetResult> count(IndexSearcher searcher, Query base, FacetPass.Counts shared)
        throws IOException {
      if (shared != null) {
        return countRest(searcher, base, Map.of(EVERY_FILTER, shared));
      }
      if (!sidewaysKeys().isEmpty()) {
        return count(searcher, base, searcher.search(walkQuery(base), sidewaysPass(searcher, null, null)));
      }
      return countRest(searcher, base, Map.of());
    }

    private Map<String, FacetResult> countRest(
        IndexSearcher searcher, Query base, Map<String, FacetPass.Counts> counted)
        throws IOException {
      Map<String, FacetResult> byName = new HashMap<>();
      for (Map.Entry<String, List<Dimension>> pass : passes.entrySet()) {
        Query query = filtered(base, filters, pass.getKey());
        FacetPass.Counts counts = counted.get(pass.getKey());
        if (counts == null) {
          counts = searcher.search(query, FacetPass.of(pass.getValue()));
        }
        byName.putAll(results(searcher, query, pass.getValue(), request, counts));
      }
      Map<String, FacetResult> ordered = new LinkedHashMap<>();
      for (Dimension d : dimensions) {
        ordered.put(d.name(), byName.get(d.name()));
      }
      return Collections.unmodifiableMap(ordered);
    }

    /**
     * Runs the passes counting stories rather than articles (see {@link StoryFacetPass}).
     *
     * @param searcher the searcher
     * @param base the parsed text query, without filters
     * @return results by dimension name, in request order
     */
    Map<String, FacetResult> countStories(IndexSearcher searcher, Query base) throws IOException {
      Map<String, FacetResult> byName = new HashMap<>();
      for (Map.Entry<String, List<Dimension>> pass : passes.entrySet()) {
        Query query = filtered(base, filters, pass.getKey());
        byName.putAll(countStoriesPass(searcher, query, pass.getValue(), request));
      }
      Map<String, FacetResult> ordered = new LinkedHashMap<>();
      for (Dimension d : dimensions) {
        ordered.put(d.name(), byName.get(d.name()));
      }
      return Collections.unmodifiableMap(ordered);
    }
  }

  /**
   * Returns the base query with every filter but one as a non-scoring clause.
   *
   * @param base the text query
   * @param filters filters by key
   * @param ignored the key of the filter to leave out, or one no filter has
   * @return the query
   */
  static Query filtered(Query base, Map<String, Query> filters, String ignored) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(base, BooleanClause.Occur.MUST);
    boolean any = false;
    for (Map.Entry<String, Query> f : filters.entrySet()) {
      if (!f.getKey().equals(ignored)) {
        b.add(Objects.requireNonNull(f.getValue(), f.getKey()), BooleanClause.Occur.FILTER);
        any = true;
      }
    }
    return any ? b.build() : base;
  }

  private static Map<String, FacetResult> results(
      IndexSearcher searcher,
      Query query,
      List<Dimension> dimensions,
      FacetRequest request,
      FacetPass.Counts counts)
      throws IOException {
    List<String> termFields = new ArrayList<>();
    for (Dimension d : dimensions) {
      if (!d.isDate()) {
        termFields.add(d.name());
      }
    }

    Map<String, List<FacetCount>> tops = new HashMap<>();
    Map<String, Set<String>> needOutside = new HashMap<>();
    for (String field : termFields) {
      FacetPass.TermCounts t = counts.terms.get(field);
      List<FacetCount> top = top(t.byValue, request.topN());
      tops.put(field, top);
      if (t.multiValued && top.size() < t.byValue.size()) {
        Set<String> labels = new LinkedHashSet<>();
        top.forEach(c -> labels.add(c.label()));
        needOutside.put(field, labels);
      }
    }
    Map<String, Long> outside =
        needOutside.isEmpty() ? Map.of() : searcher.search(query, new OutsideTopPass(needOutside));

    Map<String, FacetResult> results = new HashMap<>();
    for (Dimension d : dimensions) {
      if (d.isDate()) {
        results.put(
            d.name(), d.histogram().result(counts.days, counts.undated, request.histogram()));
        continue;
      }
      FacetPass.TermCounts t = counts.terms.get(d.name());
      List<FacetCount> top = tops.get(d.name());
      long listed = 0;
      for (FacetCount c : top) {
        listed += c.count();
      }
      long otherCount;
      if (top.size() == t.byValue.size()) {
        otherCount = 0;
      } else if (t.multiValued) {
        otherCount = outside.get(d.name());
      } else {
        // One value per article: those with a value but not a listed one are the rest.
        otherCount = t.withValue - listed;
      }
      results.put(
          d.name(),
          new FacetResult(d.name(), top, t.byValue.size() - top.size(), otherCount, t.missing));
    }
    return results;
  }

  /** A pass counted by story: one pass collecting (value, story) pairs, see {@link StoryFacetPass}. */
  private static Map<String, FacetResult> countStoriesPass(
      IndexSearcher searcher, Query query, List<Dimension> dimensions, FacetRequest request)
      throws IOException {
    List<String> termFields = new ArrayList<>();
    boolean dates = false;
    for (Dimension d : dimensions) {
      if (d.isDate()) {
        dates = true;
      } else {
        termFields.add(d.name());
      }
    }
    StoryFacetPass.Stories stories = StoryFacetPass.run(searcher, query, termFields, dates);
    Map<String, FacetResult> results = new HashMap<>();
    for (Dimension d : dimensions) {
      if (d.isDate()) {
        DayCounts days = new DayCounts();
        stories.firstDay.values().forEach(day -> days.add(day, 1));
        long undated = stories.all.size() - stories.firstDay.size();
        results.put(d.name(), d.histogram().result(days, undated, request.histogram()));
        continue;
      }
      Map<String, Set<Long>> byValue = stories.byValue.get(d.name());
      Map<String, Long> counts = new HashMap<>();
      Set<Long> withValue = new java.util.HashSet<>();
      byValue.forEach(
          (value, keys) -> {
            counts.put(value, (long) keys.size());
            withValue.addAll(keys);
          });
      List<FacetCount> top = top(counts, request.topN());
      Set<Long> listed = new java.util.HashSet<>();
      top.forEach(c -> listed.addAll(byValue.get(c.label())));
      long other = withValue.stream().filter(k -> !listed.contains(k)).count();
      long missing =
          stories.withoutValue.get(d.name()).stream().filter(k -> !withValue.contains(k)).count();
      results.put(
          d.name(), new FacetResult(d.name(), top, counts.size() - top.size(), other, missing));
    }
    return results;
  }

  /** The {@code n} values with the highest counts; ties by label, so the order is stable. */
  private static List<FacetCount> top(Map<String, Long> byValue, int n) {
    Comparator<FacetCount> order =
        Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::label);
    if (byValue.size() <= n) {
      List<FacetCount> all = new ArrayList<>(byValue.size());
      byValue.forEach((label, count) -> all.add(new FacetCount(label, count)));
      all.sort(order);
      return all;
    }
    if (n <= 0) {
      return List.of();
    }
    // the n best in a heap whose head is the worst of them: no record or sort for the rest
    PriorityQueue<FacetCount> best = new PriorityQueue<>(n + 1, order.reversed());
    byValue.forEach(
        (label, count) -> {
          FacetCount worst = best.size() < n ? null : best.peek();
          if (worst == null
              || count > worst.count()
              || (count == worst.count() && label.compareTo(worst.label()) < 0)) {
            best.add(new FacetCount(label, count));
            if (best.size() > n) {
              best.poll();
            }
          }
        });
    List<FacetCount> top = new ArrayList<>(best);
    top.sort(order);
    return List.copyOf(top);
  }

  private static List<Dimension> resolve(IndexReader reader, FacetRequest request) {
    List<Dimension> dimensions = new ArrayList<>();
    Set<String> keywordFields = null;
    for (String name : new LinkedHashSet<>(request.dimensions())) {
      DateHistogram histogram = DateHistogram.forDimension(name);
      if (name.equals(Fields.SOURCE)) {
        dimensions.add(new Dimension(name, Fields.SOURCE, null));
      } else if (histogram != null) {
        dimensions.add(new Dimension(name, DATE_FILTER, histogram));
      } else {
        if (keywordFields == null) {
          keywordFields = keywordFields(reader);
        }
        if (!keywordFields.contains(name)) {
          List<String> known = new ArrayList<>(List.of(Fields.SOURCE));
          for (DateHistogram h : DateHistogram.values()) {
            known.add(h.dimension());
          }
          known.addAll(keywordFields);
          throw new IllegalArgumentException(
              "unknown facet dimension \"" + name + "\" (this index has: "
                  + String.join(", ", known) + ")");
        }
        dimensions.add(new Dimension(name, name, null));
      }
    }
    return dimensions;
  }

  /** The extra keyword fields some article in the index has, sorted. */
  private static Set<String> keywordFields(IndexReader reader) {
    Set<String> fields = new TreeSet<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      for (FieldInfo fi : leaf.reader().getFieldInfos()) {
        if (fi.getDocValuesType() == DocValuesType.SORTED_SET && Fields.isExtra(fi.name)) {
          fields.add(fi.name);
        }
      }
    }
    return fields;
  }
}
