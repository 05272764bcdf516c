package org.dateline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dateline.NewsSearcher;

/**
 * What collapsing costs over a bare search, in CPU time, for a loaded machine (issue 14): {@code
 * INDEX_DIR QUERIES WARMUP_PASSES PASSES} on an index with copy detection. Each query runs bare and
 * collapsed back to back (the order alternating between passes), so that both see the same load;
 * a query's cost per mode is the least thread CPU time it took over the passes. Prints p50 and p90
 * of both (frequent-word phrases apart, as {@link QueryRunner} reports "all") and the ratio of the
 * p50s, the figure the issue bounds at 1.2.
 */
public final class CopiesCpu {
  private CopiesCpu() {}

  /** Runs; see the class description for the arguments. */
  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    List<BenchQuery> queries =
        BenchQuery.read(Path.of(args[1])).stream()
            .filter(q -> q.kind() != BenchQuery.Kind.FREQUENT_PHRASE)
            .toList();
    int warmup = Integer.parseInt(args[2]);
    int passes = Integer.parseInt(args[3]);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (NewsSearcher searcher = NewsSearcher.open(index)) {
      Mode[] modes = {Mode.BARE, Mode.COLLAPSE};
      long[][] best = new long[2][queries.size()];
      for (long[] b : best) {
        Arrays.fill(b, Long.MAX_VALUE);
      }
      for (int p = 0; p < warmup + passes; p++) {
        for (int i = 0; i < queries.size(); i++) {
          for (int k = 0; k < 2; k++) {
            int m = (p + k) % 2; // bare first in even passes, collapsed first in odd ones
            long t0 = mx.getCurrentThreadCpuTime();
            searcher.search(DatelineBench.request(queries.get(i), modes[m]));
            long t = mx.getCurrentThreadCpuTime() - t0;
            if (p >= warmup) {
              best[m][i] = Math.min(best[m][i], t);
            }
          }
        }
      }
      double[] p50 = new double[2];
      for (int m = 0; m < 2; m++) {
        double[] v = Arrays.stream(best[m]).mapToDouble(x -> x / 1e6).sorted().toArray();
        p50[m] = QueryRunner.percentile(v, 50);
        System.out.printf(
            Locale.ROOT,
            "%s n=%d cpu p50 %.3f p90 %.3f ms%n",
            modes[m].label(),
            v.length,
            p50[m],
            QueryRunner.percentile(v, 90));
      }
      System.out.printf(Locale.ROOT, "collapse p50 / bare p50: %.2f%n", p50[1] / p50[0]);
    }
  }
}
