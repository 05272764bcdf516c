package org.dateline.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dateline.Article;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;

/**
 * Writes the benchmark corpora and their query lists.
 *
 * <p>Usage: {@code CorpusGenerator REUTERS_TAR_GZ OUT_DIR SEED [COUNT | reutersN ...]}. Writes
 * {@code reuters.jsonl} (Reuters-21578 as it is) with {@code queries-reuters.jsonl}; for each count
 * a recombined corpus {@code synth-COUNT.jsonl} with {@code queries-synth-COUNT.jsonl}; for each
 * {@code reutersN} (e.g. {@code reuters10}) Reuters-21578 N times over, {@code reutersN.jsonl} with
 * {@code queries-reutersN.jsonl} (Reuters' own queries): copy c of article i has the id {@code
 * c-i} (so every copy is its own article), and the one record with neither title nor body is left
 * out, so that every system indexes the same 21,577 × N articles. Files already there are kept:
 * the output depends only on the inputs and the seed.
 */
public final class CorpusGenerator {
  private CorpusGenerator() {}

  /** Runs the generator; see the class description for the arguments. */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: CorpusGenerator REUTERS_TAR_GZ OUT_DIR SEED [COUNT...]");
      System.exit(2);
    }
    Path reuters = Path.of(args[0]);
    Path out = Path.of(args[1]);
    long seed = Long.parseLong(args[2]);
    Files.createDirectories(out);

    List<String> sentences = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    List<String> reutersSources = new ArrayList<>();
    List<Article> withText = new ArrayList<>();
    LocalDate[] span = {null, null};
    Path reutersJsonl = out.resolve("reuters.jsonl");
    Path reutersTmp = out.resolve("reuters.jsonl.tmp");
    boolean writeReuters = !Files.exists(reutersJsonl);
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    try (ArticleReader r = ArticleReaders.open(List.of(reuters), Format.REUTERS, log);
        Writer w = Files.newBufferedWriter(writeReuters ? reutersTmp : Path.of("/dev/null"));
        JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.setRootValueSeparator(null);
      for (Optional<Article> a = r.next(); a.isPresent(); a = r.next()) {
        Article article = a.get();
        List<String> s = Sentences.split(article.body());
        sentences.addAll(s);
        if (!s.isEmpty()) {
          counts.add(s.size());
        }
        reutersSources.add(article.source());
        if (!article.title().isBlank() || !article.body().isBlank()) {
          withText.add(article);
        }
        if (article.date() != null) {
          LocalDate d = LocalDate.ofInstant(article.date(), ZoneOffset.UTC);
          span[0] = span[0] == null || d.isBefore(span[0]) ? d : span[0];
          span[1] = span[1] == null || d.isAfter(span[1]) ? d : span[1];
        }
        if (writeReuters) {
          writeArticle(g, w, article, article.id());
        }
      }
    }
    if (writeReuters) {
      Files.move(reutersTmp, reutersJsonl);
    }
    System.out.printf(
        "reuters: %d articles, %d sentences, %s..%s, %d skipped%n",
        reutersSources.size(), sentences.size(), span[0], span[1], log.skipCount());

    QueryGenerator queries = new QueryGenerator(sentences);
    List<BenchQuery> reutersQueries = queries.generate(seed, span[0], span[1], reutersSources);
    BenchQuery.write(reutersQueries, out.resolve("queries-reuters.jsonl"));

    int[] k = counts.stream().mapToInt(Integer::intValue).toArray();
    SyntheticCorpus corpus = new SyntheticCorpus(sentences, k);
    for (int i = 3; i < args.length; i++) {
      if (args[i].startsWith("reuters")) {
        int copies = Integer.parseInt(args[i].substring("reuters".length()));
        Path file = out.resolve(args[i] + ".jsonl");
        if (!Files.exists(file)) {
          writeCopies(withText, copies, file);
        }
        BenchQuery.write(reutersQueries, out.resolve("queries-" + args[i] + ".jsonl"));
        System.out.printf("%s: %d articles, %d bytes%n", args[i], withText.size() * copies, Files.size(file));
        continue;
      }
      int n = Integer.parseInt(args[i]);
      Path file = out.resolve("synth-" + n + ".jsonl");
      Path tmp = out.resolve("synth-" + n + ".jsonl.tmp");
      List<String> sources;
      if (Files.exists(file)) {
        // regenerate the sources only: same seed, same draws, no bytes written
        try (Writer w = Writer.nullWriter()) {
          sources = corpus.write(w, n, seed);
        }
      } else {
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          sources = corpus.write(w, n, seed);
        }
        Files.move(tmp, file);
      }
      BenchQuery.write(
          queries.generate(seed, SyntheticCorpus.FIRST_DAY, SyntheticCorpus.LAST_DAY, sources),
          out.resolve("queries-synth-" + n + ".jsonl"));
      System.out.printf("synth-%d: %d bytes%n", n, Files.size(file));
    }
  }

  /** Writes Reuters {@code copies} times over, copy c of article i with the id {@code c-i}. */
  private static void writeCopies(List<Article> articles, int copies, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.setRootValueSeparator(null);
      for (int c = 0; c < copies; c++) {
        for (Article a : articles) {
          writeArticle(g, w, a, c + "-" + a.id());
        }
      }
    }
    Files.move(tmp, file);
  }

  private static void writeArticle(JsonGenerator g, Writer w, Article article, String id)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("id", id);
    g.writeStringField("title", article.title());
    g.writeStringField("body", article.body());
    if (article.date() != null) {
      g.writeStringField("date", article.date().toString());
    }
    g.writeStringField("source", article.source());
    g.writeEndObject();
    g.flush();
    w.write('\n');
  }
}
