package org.dateline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.store.FSDirectory;
import org.dateline.NewsSearcher;

/**
 * Search cost in CPU time rather than wall time, for A/B comparisons on a loaded machine: {@code
 * dateline|lucene|lucene-stemmed INDEX_DIR QUERIES MODE WARMUP_PASSES PASSES}. Each query's cost is the least
 * thread CPU time it took over the passes (the searching thread's own time: other processes and
 * the JIT's threads do not count); prints p50, p90 and p99 per query kind, and over the ordinary
 * kinds ("all", frequent phrases apart, as {@link QueryRunner} reports them), and the sum of the
 * totals so that two runs can be checked to have found the same.
 */
public final class SearchCpu {
  private SearchCpu() {}

  /** Runs; see the class description for the arguments. */
  public static void main(String[] args) throws Exception {
    String system = args[0];
    Path index = Path.of(args[1]);
    List<BenchQuery> queries = BenchQuery.read(Path.of(args[2]));
    Mode mode = Mode.valueOf(args[3].toUpperCase(Locale.ROOT));
    int warmup = Integer.parseInt(args[4]);
    int passes = Integer.parseInt(args[5]);
    try (Engine engine = open(system, index)) {
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      for (int p = 0; p < warmup; p++) {
        for (BenchQuery q : queries) {
          engine.search(q, mode);
        }
      }
      long[] best = new long[queries.size()];
      Arrays.fill(best, Long.MAX_VALUE);
      long totals = 0;
      for (int p = 0; p < passes; p++) {
        for (int i = 0; i < queries.size(); i++) {
          long t0 = mx.getCurrentThreadCpuTime();
          long total = engine.search(queries.get(i), mode);
          best[i] = Math.min(best[i], mx.getCurrentThreadCpuTime() - t0);
          if (p == 0) {
            totals += total;
          }
        }
      }
      Map<String, List<Double>> byKind = new LinkedHashMap<>();
      List<Double> all = new ArrayList<>();
      for (int i = 0; i < queries.size(); i++) {
        double ms = best[i] / 1e6;
        String kind = queries.get(i).kind().label();
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(ms);
        if (queries.get(i).kind() != BenchQuery.Kind.FREQUENT_PHRASE) {
          all.add(ms);
        }
      }
      byKind.put("all", all);
      for (Map.Entry<String, List<Double>> e : byKind.entrySet()) {
        double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
            Locale.ROOT,
            "%s %s %-16s n=%4d cpu p50 %7.3f p90 %7.3f p99 %8.3f max %8.3f ms%n",
            system,
            mode.label(),
            e.getKey(),
            v.length,
            QueryRunner.percentile(v, 50),
            QueryRunner.percentile(v, 90),
            QueryRunner.percentile(v, 99),
            v[v.length - 1]);
      }
      System.out.printf(Locale.ROOT, "%s %s sum of totals %d%n", system, mode.label(), totals);
    }
  }

  private static Engine open(String system, Path index) throws Exception {
    if (system.startsWith("lucene")) {
      Constructor<LuceneBench> c =
          LuceneBench.class.getDeclaredConstructor(
              org.apache.lucene.store.Directory.class, boolean.class);
      c.setAccessible(true);
      return c.newInstance(FSDirectory.open(index), system.equals("lucene-stemmed"));
    }
    Constructor<DatelineBench> c =
        DatelineBench.class.getDeclaredConstructor(NewsSearcher.class, java.util.Set.class);
    c.setAccessible(true);
    return c.newInstance(NewsSearcher.open(index), java.util.EnumSet.allOf(Mode.class));
  }
}
