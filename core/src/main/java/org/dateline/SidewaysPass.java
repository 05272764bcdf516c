package org.dateline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Drill-sideways facets in the hits' own walk, Lucene's {@code DrillSideways} shape: the query is
 * walked without the sideways filters (those a facet dimension ignores); each match is checked
 * against them, and a match that passes all of them goes to the hits' collector and to every
 * facet pass, while a match that fails exactly one goes to that filter's pass only (the counts of
 * the dimensions that ignore it). A match that fails two or more is dropped. The hits, their
 * order and total, and every count are those of one run per pass, without running the query once
 * per filtered dimension.
 *
 * <p>The walk visits the matches of the query without these filters, so it pays where the second
 * run would have visited them anyway (see {@link FacetEngine.Plan#sidewaysKeys}).
 */
final class SidewaysPass implements CollectorManager<SidewaysPass.SliceCollector, Object[]> {
  private final CollectorManager<Collector, ?> hits;
  private final FacetPass shared;
  private final Weight[] filters;
  private final FacetPass[] passes;

  /**
   * Per filter, {@code {first day, last day}} (epoch days, inclusive) when it is a date filter
   * from the start of one UTC day to the end of another: then checked from the segment's {@link
   * SourceDayColumn} when it has one, an array read instead of the filter's own iterator (whose
   * points would otherwise be read into a bit set over the whole range, per segment). Null
   * entries: checked by the filter's iterator.
   */
  private final long[][] days;

  /**
   * @param searcher the searcher the walk runs on (it builds the filters' weights)
   * @param hits the collector of the hits (matches passing every filter), or null
   * @param shared the facet pass of the dimensions no filter is ignored by, or null
   * @param filters the sideways filters
   * @param passes per sideways filter, the pass of the dimensions that ignore it
   * @param days per sideways filter, its day range when it is the date filter of that range
   *     ({@code {first, last}} epoch day, inclusive; see {@link DateRange#fromMillis()}), or null
   */
  @SuppressWarnings("unchecked")
  SidewaysPass(
      IndexSearcher searcher,
      CollectorManager<?, ?> hits,
      FacetPass shared,
      List<Query> filters,
      List<FacetPass> passes,
      List<long[]> days)
      throws IOException {
    if (filters.size() != passes.size() || filters.isEmpty()) {
      throw new IllegalArgumentException(
          "one pass per sideways filter (got: " + filters.size() + " and " + passes.size() + ")");
    }
    this.hits = (CollectorManager<Collector, ?>) hits;
    this.shared = shared;
    this.filters = new Weight[filters.size()];
    for (int i = 0; i < this.filters.length; i++) {
      this.filters[i] =
          searcher.createWeight(searcher.rewrite(filters.get(i)), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }
    this.passes = passes.toArray(new FacetPass[0]);
    this.days = days.toArray(new long[0][]);
  }

  @Override
  public SliceCollector newCollector() throws IOException {
    FacetPass.SliceCounter[] counters = new FacetPass.SliceCounter[passes.length];
    for (int i = 0; i < passes.length; i++) {
      counters[i] = passes[i].newCollector();
    }
    return new SliceCollector(
        hits == null ? null : hits.newCollector(),
        shared == null ? null : shared.newCollector(),
        counters);
  }

  /**
   * Adds up the slices: {@code [hits' result or null, shared counts or null, Counts[] per sideways
   * filter]}.
   */
  @Override
  public Object[] reduce(Collection<SliceCollector> slices) throws IOException {
    Object[] out = new Object[3];
    if (hits != null) {
      List<Collector> c = new ArrayList<>();
      slices.forEach(s -> c.add(s.hits));
      out[0] = hits.reduce(c);
    }
    if (shared != null) {
      List<FacetPass.SliceCounter> c = new ArrayList<>();
      slices.forEach(s -> c.add(s.shared));
      out[1] = shared.reduce(c);
    }
    FacetPass.Counts[] sideways = new FacetPass.Counts[passes.length];
    for (int i = 0; i < passes.length; i++) {
      List<FacetPass.SliceCounter> c = new ArrayList<>();
      final int p = i;
      slices.forEach(s -> c.add(s.passes[p]));
      sideways[i] = passes[i].reduce(c);
    }
    out[2] = sideways;
    return out;
  }

  /** One slice's collectors. */
  final class SliceCollector implements Collector {
    private final Collector hits;
    private final FacetPass.SliceCounter shared;
    private final FacetPass.SliceCounter[] passes;

    SliceCollector(Collector hits, FacetPass.SliceCounter shared, FacetPass.SliceCounter[] passes) {
      this.hits = hits;
      this.shared = shared;
      this.passes = passes;
    }

    @Override
    public ScoreMode scoreMode() {
      // the facet passes need no scores; the hits' collector decides
      return hits == null ? ScoreMode.COMPLETE_NO_SCORES : hits.scoreMode();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      int n = filters.length;
      LeafCollector[] sideways = new LeafCollector[n];
      for (int i = 0; i < n; i++) {
        sideways[i] = passes[i].getLeafCollector(context);
      }
      // after the passes: their first counts of a segment may have built its column
      SourceDayColumn column = SourceDayColumn.peek(context.reader());
      DocIdSetIterator[] approximations = new DocIdSetIterator[n];
      TwoPhaseIterator[] twoPhases = new TwoPhaseIterator[n];
      int[] dayFrom = new int[n];
      int[] dayTo = new int[n];
      for (int i = 0; i < n; i++) {
        if (days[i] != null && column != null) {
          // day parts: 1 is the column's first day, 0 no date (never in a range)
          dayFrom[i] = (int) Math.max(1, Math.min(Integer.MAX_VALUE, days[i][0] - column.firstDay + 1));
          dayTo[i] = (int) Math.max(0, Math.min(Integer.MAX_VALUE, days[i][1] - column.firstDay + 1));
          continue;
        }
        ScorerSupplier supplier = filters[i].scorerSupplier(context);
        if (supplier == null) {
          approximations[i] = DocIdSetIterator.empty();
          continue;
        }
        // the lead is the walked query, unknown here: the segment's size bounds its cost
        Scorer scorer = supplier.get(context.reader().maxDoc());
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        twoPhases[i] = twoPhase;
        approximations[i] = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
      }
      return new Leaf(
          hits == null ? null : hits.getLeafCollector(context),
          shared == null ? null : shared.getLeafCollector(context),
          sideways,
          approximations,
          twoPhases,
          column == null ? null : column.packed,
          column == null ? 0 : column.dayMask,
          dayFrom,
          dayTo);
    }
  }

  /** One segment of a slice. */
  private static final class Leaf implements LeafCollector {
    private final LeafCollector hits;
    private final LeafCollector shared;
    private final LeafCollector[] sideways;
    private final DocIdSetIterator[] approximations;
    private final TwoPhaseIterator[] twoPhases;
    private final int[] packed;
    private final int dayMask;
    private final int[] dayFrom;
    private final int[] dayTo;

    /** Filters with a null approximation are day ranges checked in {@code packed}. */
    Leaf(
        LeafCollector hits,
        LeafCollector shared,
        LeafCollector[] sideways,
        DocIdSetIterator[] approximations,
        TwoPhaseIterator[] twoPhases,
        int[] packed,
        int dayMask,
        int[] dayFrom,
        int[] dayTo) {
      this.hits = hits;
      this.shared = shared;
      this.sideways = sideways;
      this.approximations = approximations;
      this.twoPhases = twoPhases;
      this.packed = packed;
      this.dayMask = dayMask;
      this.dayFrom = dayFrom;
      this.dayTo = dayTo;
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
      if (hits != null) {
        hits.setScorer(scorer);
      }
    }

    /** Whether {@code doc} passes filter {@code i}; each filter is asked about a doc once. */
    private boolean passes(int i, int doc) throws IOException {
      DocIdSetIterator it = approximations[i];
      if (it == null) {
        int day = packed[doc] & dayMask;
        return day >= dayFrom[i] && day <= dayTo[i];
      }
      int at = it.docID();
      if (at < doc) {
        at = it.advance(doc);
      }
      if (at != doc) {
        return false;
      }
      TwoPhaseIterator twoPhase = twoPhases[i];
      return twoPhase == null || twoPhase.matches();
    }

    @Override
    public void collect(int doc) throws IOException {
      int missed = -1;
      for (int i = 0; i < approximations.length; i++) {
        if (!passes(i, doc)) {
          if (missed >= 0) {
            return; // fails two filters: counted nowhere
          }
          missed = i;
        }
      }
      if (missed >= 0) {
        sideways[missed].collect(doc);
        return;
      }
      if (hits != null) {
        hits.collect(doc);
      }
      if (shared != null) {
        shared.collect(doc);
      }
      for (LeafCollector s : sideways) {
        s.collect(doc);
      }
    }

    @Override
    public void finish() throws IOException {
      if (hits != null) {
        hits.finish();
      }
      if (shared != null) {
        shared.finish();
      }
      for (LeafCollector s : sideways) {
        s.finish();
      }
    }
  }
}
