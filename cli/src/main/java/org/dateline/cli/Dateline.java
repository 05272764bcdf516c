package org.dateline.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;

/** Builds the configured command line; {@link Main} and the tests both use it. */
final class Dateline {
  private Dateline() {}

  /**
   * Lucene logs through java.util.logging that the vector incubator module is missing. The tool
   * leaves that module out on purpose (see the launcher script), so the hint is noise; held here
   * because java.util.logging keeps loggers weakly and a collected logger forgets its level.
   */
  private static final Logger VECTOR_LOG =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  static {
    VECTOR_LOG.setLevel(Level.OFF);
  }

  /** The subcommands, in the order help lists them. */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    // search's model is built in code (SearchCommand.commandLine); picocli reads the others'
    // annotations.
    COMMANDS.put("search", SearchCommand::commandLine);
    COMMANDS.put("facets", () -> FacetsCommand.class);
    COMMANDS.put("show", () -> ShowCommand.class);
    COMMANDS.put("copies", () -> CopiesCommand.class);
    COMMANDS.put("stats", () -> StatsCommand.class);
    COMMANDS.put("index", () -> IndexCommand.class);
    COMMANDS.put("delete", () -> DeleteCommand.class);
    COMMANDS.put("eval", () -> EvalCommand.class);
    COMMANDS.put("serve", () -> ServeCommand.class);
    COMMANDS.put("solr", () -> SolrCommand.class);
    COMMANDS.put("extract", () -> ExtractCommand.class);
    COMMANDS.put("generate-completion", () -> AutoComplete.GenerateCompletion.class);
  }

  /** The footer of picocli's generate-completion command, which has no example of its own. */
  private static final String[] COMPLETION_FOOTER = {
    "",
    "Examples:",
    "  source <(dateline generate-completion)",
    "  dateline generate-completion > ~/.local/share/bash-completion/completions/dateline",
    "",
    "The first turns completion on in the current bash or zsh shell (add it to ~/.bashrc or"
        + " ~/.zshrc to keep it); the second, in every new bash shell."
  };

  /** Runs the command line in this process's environment and returns the exit code. */
  static int execute(String... args) {
    // UTF-8 whatever the locale says: JSON must be UTF-8, and titles, snippets ("…") and bars
    // ("█") would otherwise turn into '?' under a POSIX locale.
    PrintWriter out =
        new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, UTF_8)), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, UTF_8), true);
    try {
      return commandLine(Environment.system(), args).setOut(out).setErr(err).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Returns the command line for running these arguments, with error handling and exit codes
   * configured. When they name a subcommand, only that
   * one is set up: picocli reads every subcommand's annotations when it is added, which is most of
   * the start-up time of a search. Top-level help, suggestions for a mistyped command and the
   * completion script get them all.
   *
   * @param environment environment variables and terminal facts the commands read
   * @param args the arguments the command line will run
   */
  static CommandLine commandLine(Environment environment, String... args) {
    CommandLine cmd = new CommandLine(new DatelineCommand(environment).model());
    String named = subcommand(args);
    if (named != null && !named.equals("generate-completion")) {
      cmd.addSubcommand(named, COMMANDS.get(named).get());
    } else {
      COMMANDS.forEach((name, command) -> cmd.addSubcommand(name, command.get()));
    }
    CommandLine completion = cmd.getSubcommands().get("generate-completion");
    if (completion != null) {
      completion.getCommandSpec().usageMessage().footer(COMPLETION_FOOTER);
    }
    Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(cmd.getHelpSectionMap());
    sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, new HelpFooter());
    cmd.setHelpSectionMap(sections); // after the subcommands: it reaches those already added
    ErrorHandler errors = new ErrorHandler();
    return cmd.setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors);
  }

  /** The subcommand the arguments name (the first that is not an option), or null. */
  private static String subcommand(String[] args) {
    for (String a : args) {
      if (!a.startsWith("-")) {
        return COMMANDS.containsKey(a) ? a : null;
      }
    }
    return null;
  }
}
