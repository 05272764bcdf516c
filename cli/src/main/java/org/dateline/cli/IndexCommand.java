package org.dateline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dateline.IndexConfig;
import org.dateline.IndexStats;
import org.dateline.NewsIndex;
import org.dateline.TextAnalysis;
import org.dateline.copies.CopyPolicy;
import org.dateline.eval.HtmlArticleReader;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

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
      "  dateline index articles/ --index ~/news --replace",
      "  dateline index anserini-cacm.tar.gz --index ~/cacm --format html --html-title none \\",
      "      --analysis english-stopwords-porter"
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
          "auto, text, jsonl, reuters or html. auto decides per file from its name: .sgm Reuters,"
              + " .jsonl/.ndjson JSON Lines, anything else text. html reads .tar.gz archives of"
              + " .html files, one article each, whose file name is the id (test collections such"
              + " as CACM). Default: ${DEFAULT-VALUE}.")
  InputFormat format;

  @Option(
      names = "--html-title",
      paramLabel = "first-line|none",
      converter = HtmlTitleConverter.class,
      description =
          "With --format html: first-line makes an article's first line its title and the rest"
              + " its body; none puts all the text in the body, as Anserini indexes test"
              + " collections (use it to reproduce published scores). Default: first-line.")
  HtmlArticleReader.Layout htmlTitle;

  @Option(
      names = "--analysis",
      paramLabel = "NAME",
      defaultValue = "news",
      converter = AnalysisConverter.class,
      description =
          "How text is split into words, chosen when the index is created and kept with it: news"
              + " (stemmed, no stop words, accents folded) or english-stopwords-porter (Anserini's"
              + " English analysis, for reproducing IR results). Adding to an index takes the"
              + " analysis it was created with. Default: ${DEFAULT-VALUE}.")
  TextAnalysis analysis;

  @Option(names = "--strict", description = "Stop at the first bad record; index nothing.")
  boolean strict;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description = "Source for articles whose input names none.")
  String source;

  @Option(
      names = "--commit-every",
      paramLabel = "N",
      description =
          "Commit after every N articles, so that a crash costs at most N. Default:"
              + " ${DEFAULT-VALUE}.")
  int commitEvery = IndexConfig.DEFAULT.commitEveryArticles();

  @Option(
      names = "--commit-seconds",
      paramLabel = "S",
      description = "Also commit when S seconds have passed since the last commit. Default: ${DEFAULT-VALUE}.")
  long commitSeconds = IndexConfig.DEFAULT.commitEvery().toSeconds();

  @Option(
      names = "--replace",
      description =
          "Build a new index from these inputs alone and swap it in when complete; searches see"
              + " the old index until then.")
  boolean replace;

  // ---- copy detection (issue 14) ----

  @Option(
      names = "--no-copies",
      description = "Do not detect copies: every article is a story of its own (indexes faster).")
  boolean noCopies;

  @Option(
      names = "--copy-threshold",
      paramLabel = "J",
      description =
          "Articles are copies when this share of their 5-word sequences is common to both"
              + " (Jaccard similarity, 0.2 to 1). Default: ${DEFAULT-VALUE}.")
  double copyThreshold = CopyPolicy.DEFAULT.copyJaccard();

  @Option(
      names = "--copy-window-days",
      paramLabel = "D",
      description =
          "...and their dates are at most D days apart, so that a weekly template is not a copy."
              + " Default: ${DEFAULT-VALUE}.")
  long copyWindowDays = CopyPolicy.DEFAULT.window().toDays();

  /** The copy thresholds the options ask for; a bad one is a usage error. */
  private CopyPolicy copyPolicy() {
    try {
      if (copyWindowDays < 1) {
        throw new IllegalArgumentException(
            "--copy-window-days must be at least 1 (got: " + copyWindowDays + ")");
      }
      return CopyPolicy.DEFAULT
          .withCopies(copyThreshold, java.time.Duration.ofDays(copyWindowDays))
          .withEnabled(!noCopies);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--copy-threshold: " + e.getMessage());
    }
  }

  @Override
  public Integer call() throws IOException {
    CopyPolicy copies = copyPolicy();
    if (htmlTitle != null && format != InputFormat.HTML) {
      throw new ParameterException(
          spec.commandLine(), "--html-title applies to --format html only");
    }
    if (commitEvery < 1 || commitSeconds < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--commit-every and --commit-seconds must be at least 1 (got: "
              + commitEvery
              + " and "
              + commitSeconds
              + ")");
    }
    Environment env = env();
    Path target = forWriting();
    ProblemLog log = new ProblemLog(strict ? ReadMode.STRICT : ReadMode.LENIENT);
    IndexStats stats;
    if (replace) {
      try (Replacement replacement = Replacement.begin(target)) {
        stats = add(replacement.folder(), log, env, copies);
        replacement.commit();
      }
    } else {
      stats = add(target, log, env, copies);
    }
    TextPrinter out = new TextPrinter(out(), Marks.PLAIN);
    out.indexSummary(target, stats);
    if (stats.indexed() == 0) {
      err().println("dateline: no articles found in " + paths + "; nothing was indexed");
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.OK;
  }

  private IndexStats add(Path folder, ProblemLog log, Environment env, CopyPolicy copies)
      throws IOException {
    try (Progress progress = Progress.start(err(), env.stderrIsTerminal());
        ArticleReader reader = progress.counting(open(log));
        NewsIndex news = openIndex(folder, copies)) {
      return news.add(reader, log);
    }
  }

  private NewsIndex openIndex(Path folder, CopyPolicy copies) throws IOException {
    try {
      return NewsIndex.open(
          folder,
          IndexConfig.DEFAULT
              .withAnalysis(analysis)
              .withCommitEvery(commitEvery, java.time.Duration.ofSeconds(commitSeconds))
              .withCopies(copies));
    } catch (IllegalArgumentException e) {
      // The core's message names both analyses; say which option changes ours.
      throw new IllegalArgumentException(
          e.getMessage() + " (or pass the analysis it was created with to --analysis)", e);
    }
  }

  private ArticleReader open(ProblemLog log) throws IOException {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new java.nio.file.NoSuchFileException(p.toString());
      }
    }
    ArticleReader reader =
        format == InputFormat.HTML
            ? new HtmlArchives(
                paths, htmlTitle == null ? HtmlArticleReader.Layout.FIRST_LINE_TITLE : htmlTitle)
            : ArticleReaders.open(paths, format.corpus(), log);
    return source == null ? reader : ArticleReaders.withDefaultSource(reader, source);
  }

  /** Reads {@code --analysis}: a {@link TextAnalysis} label. */
  static final class AnalysisConverter implements ITypeConverter<TextAnalysis> {
    @Override
    public TextAnalysis convert(String value) {
      try {
        return TextAnalysis.ofLabel(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Reads {@code --html-title}: first-line or none. */
  static final class HtmlTitleConverter implements ITypeConverter<HtmlArticleReader.Layout> {
    @Override
    public HtmlArticleReader.Layout convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "first-line" -> HtmlArticleReader.Layout.FIRST_LINE_TITLE;
        case "none" -> HtmlArticleReader.Layout.BODY_ONLY;
        default ->
            throw new TypeConversionException(
                "html title must be first-line or none (got: " + value + ")");
      };
    }
  }
}
