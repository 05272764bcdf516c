package org.dateline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dateline.ArticleSearcher;
import org.dateline.IndexUnavailableException;
import org.dateline.NewsSearcher;
import org.dateline.SampleCorpus;
import org.dateline.solr.SolrCollection;
import org.dateline.solr.SolrNewsSearcher;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the {@code --index DIR} option, where the index is when it is not
 * given, the environment and the output streams.
 *
 * <p>Shared options live in this superclass rather than in picocli mixins because each annotation
 * type picocli reads costs the JVM a generated proxy class at start-up: {@code @Mixin}, {@code
 * @ParentCommand} and {@code @ArgGroup} left out take about a tenth off a search's start-up.
 */
abstract class IndexedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** What --index says in help (also {@link SearchCommand}'s model, built in code). */
  static final String INDEX_HELP =
      "Index folder. Default: $"
          + Environment.INDEX_VARIABLE
          + "; when unset, search, facets, show, stats and serve use the sample corpus.";

  /** What --solr says in help. */
  static final String SOLR_HELP =
      "Use a SolrCloud collection instead of a local index: its nodes' base URLs,"
          + " comma-separated, as 'dateline solr start' prints them. Needs --collection.";

  /** What --collection says in help. */
  static final String COLLECTION_HELP = "The SolrCloud collection to use, with --solr.";

  @Option(names = "--index", paramLabel = "DIR", description = INDEX_HELP)
  Path dir;

  @Option(names = "--solr", paramLabel = "URL", description = SOLR_HELP)
  String solr;

  @Option(names = "--collection", paramLabel = "NAME", description = COLLECTION_HELP)
  String collection;

  /** Adds --index, --solr and --collection to a model built in code, bound to this command. */
  void addIndexOptions(CommandSpec model) {
    model.addOption(
        Specs.<Path>option("--index", "DIR", Path.class, v -> dir = v, INDEX_HELP)
            .converters(Specs.PATH)
            .build());
    model.addOption(
        Specs.<String>option("--solr", "URL", String.class, v -> solr = v, SOLR_HELP).build());
    model.addOption(
        Specs.<String>option(
                "--collection", "NAME", String.class, v -> collection = v, COLLECTION_HELP)
            .build());
  }

  /** The environment the top command was made with. */
  Environment env() {
    return ((DatelineCommand) spec.root().userObject()).environment;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Said after a message about the sample corpus's index when the user may have meant another. */
  static final String SAMPLE_NOTE =
      "that was the sample corpus: no --index DIR or " + Environment.INDEX_VARIABLE + " was given";

  /** Whether {@link #forReading()} fell back to the sample corpus. */
  boolean sampleUsed;

  /** Whether the sample corpus is used: no --index and no DATELINE_INDEX. */
  boolean isSample() {
    return solr == null && named().isEmpty();
  }

  /** Whether --solr names a SolrCloud collection to use instead of a local index. */
  boolean isSolr() {
    return solr != null;
  }

  /** The SolrCloud collection --solr and --collection name; a usage error when one is missing. */
  SolrCollection solrCollection() {
    if (solr == null || collection == null) {
      throw new ParameterException(
          spec.commandLine(), "--solr URL and --collection NAME go together; give both");
    }
    try {
      return SolrCollection.connect(solr, collection);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** A command that reads or writes a local index only: --solr is a usage error, not ignored. */
  private void refuseSolr() {
    if (solr != null || collection != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--solr and --collection apply to index, search, facets, show and stats only");
    }
  }

  /** How a SolrCloud collection is named where a local index shows its folder. */
  Path solrLabel() {
    return Path.of("solr:" + collection);
  }

  /**
   * Opens the searcher to read: the SolrCloud collection with --solr, else the local index, read
   * without memory mapping (these commands search once and exit; see {@link
   * NewsSearcher#openUnmapped}).
   */
  ArticleSearcher openSearcher() throws IOException {
    if (solr != null || collection != null) {
      return SolrNewsSearcher.open(solrCollection());
    }
    return NewsSearcher.openUnmapped(forReading());
  }

  /** Returns the index to read: --index, DATELINE_INDEX, else the sample corpus's (built if needed). */
  Path forReading() throws IOException {
    refuseSolr();
    Optional<Path> named = named();
    if (named.isPresent()) {
      return named.get();
    }
    Path cache = env().cacheDir();
    sampleUsed = true;
    try {
      return SampleCorpus.ensureIndexed(cache);
    } catch (IndexUnavailableException e) {
      throw e;
    } catch (IOException e) {
      throw new IndexUnavailableException(
          cache,
          IndexUnavailableException.Reason.NOT_WRITABLE,
          "cannot index the sample corpus into "
              + cache
              + " ("
              + e
              + "); set "
              + Environment.CACHE_VARIABLE
              + " to a writable folder, or pass --index DIR",
          e);
    }
  }

  /**
   * Tells on stderr, when the sample corpus was used, that it was: a search that found nothing
   * there most likely wanted an index whose --index was forgotten.
   */
  void noteSample() {
    if (sampleUsed) {
      err().println("dateline: " + SAMPLE_NOTE);
    }
  }

  /** Returns the index to write: --index or DATELINE_INDEX; never the sample corpus's cache. */
  Path forWriting() {
    refuseSolr();
    return named()
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "name an index folder with --index DIR or " + Environment.INDEX_VARIABLE));
  }

  private Optional<Path> named() {
    return Optional.ofNullable(dir)
        .or(() -> env().variable(Environment.INDEX_VARIABLE).map(Path::of));
  }
}
