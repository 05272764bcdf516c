package org.dateline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dateline.IndexStats;
import org.dateline.NewsIndex;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dateline index PATH...}: reads corpora and adds their articles to an index. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Read articles from files, folders and archives, and add them to an index (an article whose"
          + " id is already there replaces it).",
      "Bad records are skipped and counted, and the first reasons listed; with --strict the first"
          + " one stops the run and the index stays as it was."
    },
    footer = {
      "",
      "Examples:",
      "  dateline index reuters21578.tar.gz --index ~/reuters",
      "  dateline index articles/ --index ~/news --source 'BBC News'",
      "  dateline index feed.jsonl --index ~/news --strict",
      "  dateline index articles/ --index ~/news --replace"
    })
final class IndexCommand extends IndexedCommand {
  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files, folders (read recursively) or archives (.tar.gz, .zip) to read.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description =
          "auto, text, jsonl or reuters. auto decides per file from its name: .sgm Reuters,"
              + " .jsonl/.ndjson JSON Lines, anything else text. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--strict", description = "Stop at the first bad record; index nothing.")
  boolean strict;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description = "Source for articles whose input names none.")
  String source;

  @Option(
      names = "--replace",
      description =
          "Build a new index from these inputs alone and swap it in when complete; searches see"
              + " the old index until then.")
  boolean replace;

  @Override
  public Integer call() throws IOException {
    Environment env = env();
    Path target = forWriting();
    ProblemLog log = new ProblemLog(strict ? ReadMode.STRICT : ReadMode.LENIENT);
    IndexStats stats;
    if (replace) {
      try (Replacement replacement = Replacement.begin(target)) {
        stats = add(replacement.folder(), log, env);
        replacement.commit();
      }
    } else {
      stats = add(target, log, env);
    }
    TextPrinter out = new TextPrinter(out(), Marks.PLAIN);
    out.indexSummary(target, stats);
    if (stats.indexed() == 0) {
      err().println("dateline: no articles found in " + paths + "; nothing was indexed");
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.OK;
  }

  private IndexStats add(Path folder, ProblemLog log, Environment env) throws IOException {
    try (Progress progress = Progress.start(err(), env.stderrIsTerminal());
        ArticleReader reader = progress.counting(open(log));
        NewsIndex news = NewsIndex.open(folder)) {
      return news.add(reader, log);
    }
  }

  private ArticleReader open(ProblemLog log) throws IOException {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new java.nio.file.NoSuchFileException(p.toString());
      }
    }
    ArticleReader reader = ArticleReaders.open(paths, format, log);
    return source == null ? reader : ArticleReaders.withDefaultSource(reader, source);
  }
}
