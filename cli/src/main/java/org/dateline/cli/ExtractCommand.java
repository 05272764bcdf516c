package org.dateline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dateline.Article;
import org.dateline.Problem;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.BlockDecision;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.dateline.ingest.ReadOptions;
import org.dateline.json.JsonPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dateline extract INPUT...}: prints what {@code index} would index, one JSON object per
 * article, without touching an index.
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Print the articles Dateline would index from files, folders, archives, WARCs and feeds,"
          + " one JSON object per line (id, title, source, date, url, modified, authors, language,"
          + " description, fields, body), without touching an index.",
      "A summary of what was skipped and why goes to stderr."
    },
    footer = {
      "",
      "Examples:",
      "  dateline extract page.html",
      "  dateline extract crawl.warc.gz --explain | jq '.blocks[] | select(.kept | not)'",
      "  dateline extract feed.rss --source 'The Ledger'",
      "  dateline extract saved-pages/ --keep-boilerplate"
    })
final class ExtractCommand implements Callable<Integer> {
  // Not an IndexedCommand: extract never opens an index, so --index, --solr and --collection
  // would mean nothing here.
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, folders or archives.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      converter = InputFormat.Converter.class,
      description =
          "auto, text, jsonl, reuters, html, warc or feed, as for index. Default:"
              + " ${DEFAULT-VALUE}.")
  InputFormat format;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description = "Source for articles whose input names none.")
  String source;

  @Option(
      names = "--keep-boilerplate",
      description = "Keep web pages whole instead of extracting the article's own text.")
  boolean keepBoilerplate;

  @Option(
      names = "--explain",
      description = "Add \"blocks\": every block of text read, whether it was kept, and why.")
  boolean explain;

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Override
  public Integer call() throws IOException {
    if (format == InputFormat.TREC_HTML) {
      throw new ParameterException(
          spec.commandLine(), "extract reads " + InputFormat.NAMES.replace(" or trec-html", "")
              + "; trec-html is for index");
    }
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new java.nio.file.NoSuchFileException(p.toString());
      }
    }
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    List<BlockDecision> blocks = new ArrayList<>();
    ReadOptions options = ReadOptions.DEFAULT.withKeepBoilerplate(keepBoilerplate);
    if (explain) {
      options = options.explainingTo(blocks::add);
    }
    JsonPrinter json = new JsonPrinter(out(), false);
    long count = 0;
    ArticleReader opened = ArticleReaders.open(paths, format.corpus(), log, options);
    try (ArticleReader reader =
        source == null ? opened : ArticleReaders.withDefaultSource(opened, source)) {
      Optional<Article> a;
      while ((a = reader.next()).isPresent()) {
        json.extracted(a.get(), explain ? List.copyOf(blocks) : null);
        blocks.clear();
        count++;
      }
    }
    out().flush();
    summary(count, log);
    return count == 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }

  private void summary(long count, ProblemLog log) {
    err().println(
        String.format(
            Locale.ROOT,
            "Extracted %,d article%s; skipped %,d, warnings %,d.",
            count,
            count == 1 ? "" : "s",
            log.skipCount(),
            log.warningCount()));
    print("First skipped records:", log.skips(), log.skipCount());
    print("First warnings:", log.warnings(), log.warningCount());
  }

  private void print(String heading, List<Problem> first, long total) {
    if (first.isEmpty()) {
      return;
    }
    err().println(heading);
    for (Problem p : first) {
      err().println("  " + p);
    }
    if (total > first.size()) {
      err().println(String.format(Locale.ROOT, "  ... and %,d more", total - first.size()));
    }
  }
}
