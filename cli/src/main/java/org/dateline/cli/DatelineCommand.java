package org.dateline.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * The top command: global options; {@link Dateline} adds the subcommands. Its picocli model is
 * built in code ({@link #model()}), as {@link SearchCommand}'s is: every run builds it, and
 * picocli's reading of annotations is what costs (see {@link Specs}).
 */
final class DatelineCommand {
  private static final String[] FOOTER = {
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
  };

  final Environment environment;

  /** --verbose, which every subcommand inherits: stack traces with error messages. */
  boolean verbose;

  DatelineCommand(Environment environment) {
    this.environment = environment;
  }

  /** The model picocli would read from this class's {@code @Command} and {@code @Option}. */
  CommandSpec model() {
    CommandSpec m = CommandSpec.wrapWithoutInspection(this);
    m.name("dateline");
    m.versionProvider(new VersionProvider());
    m.usageMessage()
        .description("Search news articles: index a corpus, then search, facet and show it.")
        .footer(FOOTER);
    m.addOption(
        OptionSpec.builder("--verbose")
            .type(boolean.class)
            .arity("0")
            .hasInitialValue(false)
            .scopeType(ScopeType.INHERIT)
            .description("Show stack traces with error messages.")
            .setter(Specs.<Boolean>setter(v -> verbose = v))
            .build());
    return Specs.withStandardHelp(m); // last, as picocli adds its mixin
  }
}
