package org.dateline.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.dateline.ArticleSearcher;
import org.dateline.IndexSummary;
import org.dateline.NewsSearcher;
import org.dateline.json.JsonPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dateline stats}: what an index holds. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Show what an index holds: articles, sources, date span, extra fields, size.",
    footer = {"", "Examples:", "  dateline stats", "  dateline stats --index ~/reuters --json"})
final class StatsCommand extends IndexedCommand {
  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Environment env = env();
    Path folder = isSolr() ? solrLabel() : forReading();
    IndexSummary summary;
    try (ArticleSearcher searcher = openSearcher()) {
      summary = searcher.summary();
    }
    boolean sample = isSample();
    if (json) {
      new JsonPrinter(out(), env.stdoutIsTerminal())
          .stats(folder, sample, summary);
    } else {
      new TextPrinter(out(), Marks.of(env)).stats(folder, sample, summary);
    }
    return ExitCodes.OK;
  }
}
