package org.dateline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dateline.IndexConfig;
import org.dateline.IndexReplacement;
import org.dateline.IndexStats;
import org.dateline.NewsIndex;
import org.dateline.TextAnalysis;
import org.dateline.copies.CopyPolicy;
import org.dateline.eval.HtmlArticleReader;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.InputSize;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.dateline.solr.SolrCollection;
import org.dateline.solr.SolrNewsIndexer;
import org.dateline.ingest.ReadOptions;
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
      "  dateline index reuters21578.tar.gz --index ~/reuters --copies",
      "  dateline index crawl.warc.gz feeds/ --index ~/news",
      "  dateline index saved-pages/ --index ~/news --keep-boilerplate",
      "  dateline index anserini-cacm.tar.gz --index ~/cacm --format trec-html --html-title none \\",
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
      converter = InputFormat.Converter.class,
      description =
          "auto, text, jsonl, reuters, html, warc, feed or trec-html. auto decides per file from"
              + " its name: .sgm Reuters, .jsonl/.ndjson JSON Lines, .html/.htm web pages,"
              + " .warc/.warc.gz web archives, .rss/.atom (and .xml that is a feed) feeds,"
              + " anything else text. trec-html reads .tar.gz archives of .html files whole, one"
              + " article each, whose file name is the id (test collections such as CACM)."
              + " Default: ${DEFAULT-VALUE}.")
  InputFormat format;

  @Option(
      names = "--keep-boilerplate",
      description =
          "Index web pages whole, menus, teasers and comments included, instead of the"
              + " article's own text.")
  boolean keepBoilerplate;

  @Option(
      names = "--html-title",
      paramLabel = "first-line|none",
      converter = HtmlTitleConverter.class,
      description =
          "With --format trec-html: first-line makes an article's first line its title and the rest"
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
          "Commit after every N articles, so that a crash costs at most N (with copy"
              + " detection at most 50,000). Default: ${DEFAULT-VALUE}.")
  int commitEvery = IndexConfig.DEFAULT.commitEveryArticles();

  @Option(
      names = "--commit-seconds",
      paramLabel = "S",
      description = "Also commit when S seconds have passed since the last commit. Default: ${DEFAULT-VALUE}.")
  long commitSeconds = IndexConfig.DEFAULT.commitEvery().toSeconds();

  @Option(
      names = "--replace",
      description =
          "Build a new index from these inputs alone and switch to it in one step when it is"
              + " complete; searches see the old index until then. An input that gives no"
              + " article, a --strict run stopped by a bad record, a failure or a kill leaves the"
              + " old index as it was. Also rebuilds a damaged index.")
  boolean replace;

  // ---- copy detection (issue 14) ----

  @Option(
      names = "--copies",
      description =
          "Detect copies (articles that are the same story text) while indexing, for search"
              + " --collapse and --count stories, show's copies and the copies command. Chosen"
              + " when the index is created and kept with it; indexing then takes about 2.4"
              + " times the CPU (see the README). Default: off.")
  boolean copies;

  @Option(
      names = "--copy-threshold",
      paramLabel = "J",
      description =
          "With --copies: articles are copies when this share of their 5-word sequences is"
              + " common to both (Jaccard similarity, 0.2 to 1). Default: 0.5.")
  Double copyThreshold;

  @Option(
      names = "--copy-window-days",
      paramLabel = "D",
      description =
          "With --copies: ...and their dates are at most D days apart, so that a weekly template"
              + " is not a copy. Default: 3.")
  Long copyWindowDays;

  /** The copy detection the options ask for; a bad threshold is a usage error. */
  private CopyPolicy copyPolicy() {
    if (!copies) {
      if (copyThreshold != null || copyWindowDays != null) {
        throw new ParameterException(
            spec.commandLine(), "--copy-threshold and --copy-window-days go with --copies");
      }
      return CopyPolicy.OFF;
    }
    long days = copyWindowDays == null ? CopyPolicy.DEFAULT.window().toDays() : copyWindowDays;
    if (days < 1) {
      throw new ParameterException(
          spec.commandLine(), "--copy-window-days must be at least 1 (got: " + days + ")");
    }
    double j = copyThreshold == null ? CopyPolicy.DEFAULT.copyJaccard() : copyThreshold;
    try {
      return CopyPolicy.DEFAULT.withCopies(j, java.time.Duration.ofDays(days));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--copy-threshold: " + e.getMessage());
    }
  }

  @Override
  public Integer call() throws IOException {
    if (htmlTitle != null && format != InputFormat.TREC_HTML) {
      throw new ParameterException(
          spec.commandLine(), "--html-title applies to --format trec-html only");
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
    copyPolicy(); // a bad threshold is a usage error before anything is read
    Environment env = env();
    if (isSolr() || collection != null) {
      return solrIndex(env);
    }
    Path target = forWriting();
    ProblemLog log = new ProblemLog(strict ? ReadMode.STRICT : ReadMode.LENIENT);
    IndexStats stats = replace ? replace(target, log, env) : add(target, log, env);
    TextPrinter out = new TextPrinter(out(), Marks.PLAIN);
    out.indexSummary(target, stats);
    if (stats.indexed() == 0) {
      err().println(nothingIndexed(target));
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.OK;
  }

  /** {@code index --solr}: the same readers, progress and summary, into a SolrCloud collection. */
  private int solrIndex(Environment env) throws IOException {
    if (replace || strict) {
      throw new ParameterException(
          spec.commandLine(),
          "--replace and --strict apply to a local index only: a SolrCloud collection takes the"
              + " batches as they come");
    }
    if (copies) {
      throw new ParameterException(
          spec.commandLine(),
          "--copies applies to a local index only: copy detection runs in Dateline's own writer");
    }
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    IndexStats stats;
    try (SolrCollection target = solrCollection();
        Progress progress = progress(env);
        ArticleReader reader = progress.counting(open(log))) {
      stats = SolrNewsIndexer.on(target).add(reader, log);
    }
    new TextPrinter(out(), Marks.PLAIN).indexSummary(solrLabel(), stats);
    if (stats.indexed() == 0) {
      err().println(nothingIndexed(null));
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.OK;
  }

  /** Says why nothing was indexed, what was left as it was, and what else to try. */
  private String nothingIndexed(Path target) {
    StringBuilder m = new StringBuilder("dateline: no articles found in ");
    m.append(paths.size() == 1 ? paths.get(0) : paths);
    m.append(" read as --format ").append(format.name().toLowerCase(Locale.ROOT));
    if (format == InputFormat.AUTO) {
      m.append(" (by file name: .sgm Reuters, .jsonl/.ndjson JSON Lines, .tar.gz/.tgz archives,"
          + " anything else text)");
    }
    m.append("; nothing was indexed, and ")
        .append(
            target == null
                ? "the collection was not changed"
                : replace ? "the index in " + target + " was left as it was" : "no index was changed")
        .append(". Formats: --format ");
    StringBuilder names = new StringBuilder();
    for (InputFormat f : InputFormat.values()) {
      if (f != format) {
        names.append(names.isEmpty() ? "" : ", ").append(f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
    }
    return m.append(names).toString();
  }

  /** The progress bar on stderr, with percent and time left when the input's size is known. */
  private Progress progress(Environment env) throws IOException {
    boolean show = env.stderrIsTerminal();
    long size = show && format.corpus() != null ? InputSize.of(paths, format.corpus()) : -1;
    return Progress.start(err(), show, size);
  }

  /** Adds to the index; an index this run created and left empty is removed again. */
  private IndexStats add(Path folder, ProblemLog log, Environment env) throws IOException {
    try (Progress progress = progress(env);
        ArticleReader reader = progress.counting(open(log))) {
      NewsIndex news = openIndex(folder);
      IndexStats stats;
      try {
        stats = news.add(reader, log);
      } catch (IOException | RuntimeException e) {
        discard(news, e);
        throw e;
      }
      if (stats.indexed() == 0) {
        news.closeAndDiscardIfEmpty();
      } else {
        news.close();
      }
      return stats;
    }
  }

  private static void discard(NewsIndex news, Exception cause) {
    try {
      news.closeAndDiscardIfEmpty();
    } catch (IOException | RuntimeException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }

  /**
   * Builds a new index from the inputs alone and switches to it in one step, only when it holds
   * at least one article; otherwise the old index stays as it was.
   */
  private IndexStats replace(Path target, ProblemLog log, Environment env) throws IOException {
    try (Progress progress = progress(env);
        ArticleReader reader = progress.counting(open(log));
        IndexReplacement replacement = IndexReplacement.begin(target, config())) {
      for (Path stray : replacement.strays()) {
        err().println(
            "dateline: warning: "
                + stray
                + " is an index left by an interrupted replacement of "
                + target
                + "; delete it when you no longer need it");
      }
      IndexStats stats = replacement.add(reader, log);
      if (stats.indexed() == 0) {
        return stats; // closing the replacement discards it: the old index stays
      }
      replacement.commit();
      return new IndexStats(
          stats.added(),
          stats.replaced(),
          stats.skipped(),
          stats.firstSkips(),
          stats.warnings(),
          stats.firstWarnings(),
          stats.commits() + 1,
          stats.elapsed());
    }
  }

  private IndexConfig config() {
    return IndexConfig.DEFAULT
        .withCopies(copyPolicy())
        .withAnalysis(analysis)
        .withCommitEvery(commitEvery, java.time.Duration.ofSeconds(commitSeconds));
  }

  private NewsIndex openIndex(Path folder) throws IOException {
    IndexConfig config = config();
    try {
      return NewsIndex.open(folder, config);
    } catch (IllegalArgumentException e) {
      if (e.getMessage().contains("copy detection")) {
        throw e; // the core's message names both settings and says how to change
      }
      // The core's message names both analyses; say which option changes ours.
      throw new IllegalArgumentException(
          e.getMessage()
              + " (or pass the analysis it was created with to --analysis, or rebuild it with"
              + " --replace)",
          e);
    }
  }

  private ArticleReader open(ProblemLog log) throws IOException {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new java.nio.file.NoSuchFileException(p.toString());
      }
    }
    ArticleReader reader =
        format == InputFormat.TREC_HTML
            ? new HtmlArchives(
                paths, htmlTitle == null ? HtmlArticleReader.Layout.FIRST_LINE_TITLE : htmlTitle)
            : ArticleReaders.open(
                paths, format.corpus(), log,
                ReadOptions.DEFAULT.withKeepBoilerplate(keepBoilerplate));
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
