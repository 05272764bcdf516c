package org.dateline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures an engine. Per mode: a warm-up (the queries over and over for half the time budget),
 * one timed pass (latency of each query, one thread), then throughput with two threads for a
 * fixed time. The timed pass stops early at its time budget; the queries are shuffled, so the part
 * run is a fair sample and the count is reported.
 */
final class QueryRunner {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Engine engine;
  private final List<BenchQuery> queries;
  private final double passBudgetSeconds;
  private final double throughputSeconds;

  QueryRunner(
      Engine engine, List<BenchQuery> queries, double passBudgetSeconds, double throughputSeconds) {
    this.engine = engine;
    this.queries = List.copyOf(queries);
    this.passBudgetSeconds = passBudgetSeconds;
    this.throughputSeconds = throughputSeconds;
  }

  /** Runs everything and writes the figures as JSON. */
  void run(String system, String corpus, Path out) throws Exception {
    ObjectNode root = JSON.createObjectNode();
    root.put("system", system);
    root.put("corpus", corpus);
    ObjectNode modes = root.putObject("modes");
    for (Mode mode : Mode.values()) {
      if (!engine.modes().contains(mode)) {
        continue;
      }
      // warm up for a fixed time, not one pass: one pass over a big index left the first mode
      // measured with a half-compiled JIT and cold pages
      long t0 = System.nanoTime();
      int warmed = 0;
      warm:
      while (true) {
        for (BenchQuery q : queries) {
          engine.search(q, mode);
          warmed++;
          if ((System.nanoTime() - t0) / 1e9 > passBudgetSeconds / 2) {
            break warm;
          }
        }
      }
      ObjectNode m = modes.putObject(mode.label());
      m.put("warmup_queries", warmed);
      Map<String, List<Double>> byKind = new LinkedHashMap<>();
      ArrayNode totals = m.putArray("totals");
      t0 = System.nanoTime();
      for (BenchQuery q : queries) {
        long s = System.nanoTime();
        long total = engine.search(q, mode);
        double ms = (System.nanoTime() - s) / 1e6;
        byKind.computeIfAbsent(q.kind().label(), k -> new ArrayList<>()).add(ms);
        totals.addArray().add(q.qid()).add(total);
        if ((System.nanoTime() - t0) / 1e9 > passBudgetSeconds) {
          break;
        }
      }
      ObjectNode kinds = m.putObject("latency_ms");
      List<Double> all = new ArrayList<>();
      for (Map.Entry<String, List<Double>> e : byKind.entrySet()) {
        kinds.set(e.getKey(), summary(e.getValue()));
        if (!e.getKey().equals(BenchQuery.Kind.FREQUENT_PHRASE.label())) {
          all.addAll(e.getValue());
        }
      }
      kinds.set("all", summary(all));
      m.put("throughput_qps_2_threads", throughput(mode));
      System.out.printf(
          "%s %s %s: p50 %.2f ms, p99 %.2f ms (n=%d), %.1f q/s on 2 threads%n",
          system,
          corpus,
          mode.label(),
          kinds.get("all").get("p50").asDouble(),
          kinds.get("all").get("p99").asDouble(),
          all.size(),
          m.get("throughput_qps_2_threads").asDouble());
    }
    JSON.writeValue(out.toFile(), root);
  }

  /** Queries per second with two threads over the ordinary queries (no frequent phrases). */
  private double throughput(Mode mode) throws Exception {
    List<BenchQuery> ordinary =
        queries.stream().filter(q -> q.kind() != BenchQuery.Kind.FREQUENT_PHRASE).toList();
    if (ordinary.isEmpty()) {
      return 0;
    }
    AtomicLong done = new AtomicLong();
    long deadline = System.nanoTime() + (long) (throughputSeconds * 1e9);
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int offset = t * ordinary.size() / 2;
        fs.add(
            pool.submit(
                () -> {
                  for (int i = offset; System.nanoTime() < deadline; i++) {
                    engine.search(ordinary.get(i % ordinary.size()), mode);
                    done.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    }
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }

  static ObjectNode summary(List<Double> ms) {
    double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    ObjectNode o = JSON.createObjectNode();
    o.put("n", v.length);
    o.put("p50", percentile(v, 50));
    o.put("p99", percentile(v, 99));
    o.put("mean", v.length == 0 ? 0 : Arrays.stream(v).average().orElse(0));
    o.put("max", v.length == 0 ? 0 : v[v.length - 1]);
    return o;
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  /** Peak resident memory of this process in KiB, from /proc (0 where there is none). */
  static long peakRssKb() {
    try {
      for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }
}
