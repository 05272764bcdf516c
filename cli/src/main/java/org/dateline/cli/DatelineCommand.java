package org.dateline.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top command: global options; {@link Dateline} adds the subcommands. */
@Command(
    name = "dateline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Search news articles: index a corpus, then search, facet and show it.",
    footer = {
      "",
      "Without --index DIR or DATELINE_INDEX, search, facets, show, stats and serve use the"
          + " sample corpus the tool carries, indexed on first use into a cache folder: $DATELINE_CACHE,"
          + " else $XDG_CACHE_HOME/dateline, else ~/.cache/dateline.",
      "",
      "Examples:",
      "  dateline search '\"stored communications act\"'",
      "  dateline index reuters21578.tar.gz --index ~/reuters",
      "  dateline search 'oil AND price*' --index ~/reuters --from 1987-03 --sort newest",
      "  dateline facets --by source --by month",
      "  dateline eval --topics topics.txt --qrels qrels.txt --index ~/cacm",
      "  dateline serve --index ~/reuters",
      "  source <(dateline generate-completion)",
      "",
      ExitCodes.HELP
    })
final class DatelineCommand {
  final Environment environment;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show stack traces with error messages.")
  boolean verbose;

  DatelineCommand(Environment environment) {
    this.environment = environment;
  }
}
