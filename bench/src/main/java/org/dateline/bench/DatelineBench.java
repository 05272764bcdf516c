package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dateline.DateRange;
import org.dateline.FacetRequest;
import org.dateline.IndexConfig;
import org.dateline.IndexStats;
import org.dateline.NewsIndex;
import org.dateline.NewsSearcher;
import org.dateline.SearchRequest;
import org.dateline.copies.CopyPolicy;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;

/**
 * Dateline's side: {@code index CORPUS_JSONL INDEX_DIR OUT_JSON [copies=on]} or {@code search
 * INDEX_DIR QUERIES OUT_JSON PASS_BUDGET_S THROUGHPUT_S [copies=on]}. With {@code copies=on} the
 * index is built with copy detection and searched bare and collapsed, reported as system {@code
 * dateline-copies} (bench/copies.sh), to measure what detection and collapsing cost.
 *
 * <p>Indexing runs with {@link IndexConfig#DEFAULT}, what the command line uses; for experiments,
 * the system properties {@code dateline.bench.threads}, {@code dateline.bench.ramMb}, {@code
 * dateline.bench.commitEvery} (articles) and {@code dateline.bench.commitSeconds} override its
 * parts.
 */
public final class DatelineBench implements Engine {
  static final int SNIPPET_LENGTH = 160;
  static final FacetRequest FACETS = FacetRequest.of("source", "month");

  private final NewsSearcher searcher;
  private final Set<Mode> modes;

  private DatelineBench(NewsSearcher searcher, Set<Mode> modes) {
    this.searcher = searcher;
    this.modes = modes;
  }

  /** Runs one side of the benchmark; see the class description for the arguments. */
  public static void main(String[] args) throws Exception {
    String corpus = IndexRun.corpusName(args[1]);
    switch (args[0]) {
      case "index" -> {
        Path input = Path.of(args[1]);
        Path index = Path.of(args[2]);
        long t0 = System.nanoTime();
        IndexStats stats;
        ProblemLog log = new ProblemLog(ReadMode.LENIENT);
        boolean copies = args.length > 4 && args[4].equals("copies=on");
        IndexConfig config = copies ? config().withCopies(CopyPolicy.DEFAULT) : config();
        try (NewsIndex idx = NewsIndex.open(index, config);
            ArticleReader r = ArticleReaders.open(List.of(input), Format.JSONL, log)) {
          stats = idx.add(r, log);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (stats.skipped() > 0) {
          System.err.println("skipped " + stats.skipped() + ": " + stats.firstSkips());
        }
        IndexRun.write(
            Path.of(args[3]),
            copies ? "dateline-copies" : "dateline",
            corpus,
            stats.indexed(),
            s,
            input,
            index);
      }
      case "search" -> {
        boolean copies = args.length > 6 && args[6].equals("copies=on");
        try (DatelineBench engine =
            new DatelineBench(
                NewsSearcher.open(Path.of(args[1])),
                copies
                    ? EnumSet.of(Mode.BARE, Mode.COLLAPSE)
                    : EnumSet.complementOf(EnumSet.of(Mode.COLLAPSE)))) {
          new QueryRunner(
                  engine,
                  BenchQuery.read(Path.of(args[2])),
                  Double.parseDouble(args[4]),
                  Double.parseDouble(args[5]))
              .run(
                  copies ? "dateline-copies" : "dateline",
                  IndexRun.corpusName(args[2]),
                  Path.of(args[3]));
        }
      }
      default -> throw new IllegalArgumentException("unknown command: " + args[0]);
    }
  }

  /** The default config, with the parts the {@code dateline.bench.*} properties name replaced. */
  static IndexConfig config() {
    IndexConfig d = IndexConfig.DEFAULT;
    IndexConfig c =
        new IndexConfig(
            Integer.getInteger("dateline.bench.commitEvery", d.commitEveryArticles()),
            java.time.Duration.ofSeconds(
                Long.getLong("dateline.bench.commitSeconds", d.commitEvery().toSeconds())),
            Double.parseDouble(
                System.getProperty("dateline.bench.ramMb", String.valueOf(d.ramBufferMb()))),
            d.analysis(),
            Integer.getInteger("dateline.bench.threads", d.threads()));
    if (!c.equals(d)) {
      System.err.println("config: " + c);
    }
    return c;
  }

  /** The request Dateline gets for a benchmark query. */
  static SearchRequest request(BenchQuery q, Mode mode) {
    SearchRequest r = SearchRequest.of(q.classicText());
    if (q.from() != null) {
      r = r.withDates(new DateRange(q.from(), q.to()));
    }
    if (q.source() != null) {
      r = r.withSources(q.source());
    }
    boolean bare = mode == Mode.BARE || mode == Mode.COLLAPSE;
    // bare is hits and total, as plain Lucene's bare mode: no snippets and no marks in the titles
    r = r.snippets(bare ? 0 : 1, SNIPPET_LENGTH).withHighlight(!bare);
    if (mode == Mode.COLLAPSE) {
      return r.withCollapse(true);
    }
    return mode == Mode.FACETS ? r.facets(FACETS) : r;
  }

  /** Every mode, or those {@code -Ddateline.bench.modes=bare,facets} names (for profiling one). */
  @Override
  public Set<Mode> modes() {
    String only = System.getProperty("dateline.bench.modes");
    if (only == null || only.isBlank()) {
      return modes;
    }
    Set<Mode> chosen = EnumSet.noneOf(Mode.class);
    for (String m : only.split(",")) {
      chosen.add(Mode.valueOf(m.strip().toUpperCase(java.util.Locale.ROOT)));
    }
    chosen.retainAll(modes);
    return chosen;
  }

  @Override
  public long search(BenchQuery query, Mode mode) throws IOException {
    return searcher.search(request(query, mode)).total();
  }

  @Override
  public void close() throws IOException {
    searcher.close();
  }
}
