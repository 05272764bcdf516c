package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The top command: help, version, completion, usage errors and the exit codes of the handler. */
class DatelineCommandTest {
  @TempDir Path cache;

  private Cli cli() {
    return Cli.withCache(cache);
  }

  @Test
  void helpListsEveryCommandExamplesAndExitCodes() {
    Cli.Run r = cli().run("--help");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    for (String command :
        new String[] {
          "search", "facets", "show", "stats", "index", "delete", "eval", "serve",
          "generate-completion"
        }) {
      assertTrue(r.out().contains("  " + command + " "), () -> command + " missing: " + r);
    }
    assertTrue(r.out().contains("Examples:"), r::toString);
    assertTrue(r.out().contains("70  internal error"), r::toString);
  }

  @Test
  void everyCommandHasHelpWithExamples() {
    for (String command :
        new String[] {"search", "facets", "show", "stats", "index", "delete", "eval", "serve"}) {
      Cli.Run r = cli().run(command, "--help");
      assertEquals(ExitCodes.OK, r.code(), r::toString);
      assertTrue(r.out().startsWith("Usage: dateline " + command), r::toString);
      assertTrue(r.out().contains("Examples:"), () -> command + ": " + r);
    }
  }

  @Test
  void versionNamesTheToolAndLucene() {
    Cli.Run r = cli().run("--version");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().matches("(?s)dateline \\d+\\.\\d+\\.\\d+.*\\nLucene 10\\..*Java .*"), r::toString);
  }

  @Test
  void completionScriptCoversTheSubcommands() {
    Cli.Run r = cli().run("generate-completion");
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertTrue(r.out().contains("complete -F"), r::toString);
    assertTrue(r.out().contains("search facets show copies stats index delete eval serve"), r::toString);
    assertTrue(r.out().contains("--topics"), "the eval options complete too: " + r);
  }

  @Test
  void noCommandExitsTwoAndShowsUsage() {
    Cli.Run r = cli().run();
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("Missing required subcommand"), r::toString);
  }

  @Test
  void anUnknownCommandExitsTwoWithASuggestion() {
    Cli.Run r = cli().run("serch", "oil");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("Unmatched arguments"), r::toString);
    assertTrue(r.err().contains("search"), r::toString);
    assertTrue(r.err().contains("Try 'dateline --help'"), r::toString);
  }

  @Test
  void anUnknownOptionExitsTwoWithASuggestion() {
    Cli.Run r = cli().run("search", "oil", "--limt", "3");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("Unknown options: '--limt'"), r::toString);
    assertTrue(r.err().contains("--limit"), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void verboseIsAcceptedAfterTheSubcommandAndShowsTheStackTrace() {
    Cli.Run r = cli().run("search", "\"unclosed", "--verbose");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("InvalidQueryException"), r::toString);
    assertTrue(r.err().contains("\tat "), r::toString);
  }

  @Test
  void anInternalErrorExitsSeventyWithoutAStackTrace() {
    StringWriter err = new StringWriter();
    CommandLine cmd = Dateline.commandLine(new Environment(Map.of(), false, false), "search", "x");
    cmd.setErr(new PrintWriter(err, true));
    int code =
        new ErrorHandler()
            .handleExecutionException(new IllegalStateException("boom"), cmd, null);
    assertEquals(ExitCodes.INTERNAL_ERROR, code);
    assertTrue(err.toString().contains("internal error"), err::toString);
    assertTrue(err.toString().contains("boom"), err::toString);
    assertTrue(err.toString().contains("--verbose"), err::toString);
    assertFalse(err.toString().contains("\tat "), err::toString);
  }

  @Test
  void anInternalErrorWithVerboseShowsTheStackTrace() {
    StringWriter err = new StringWriter();
    CommandLine cmd = Dateline.commandLine(new Environment(Map.of(), false, false), "search", "x");
    cmd.setErr(new PrintWriter(err, true));
    cmd.parseArgs("--verbose");
    int code =
        new ErrorHandler()
            .handleExecutionException(new IllegalStateException("boom"), cmd, null);
    assertEquals(ExitCodes.INTERNAL_ERROR, code);
    assertTrue(err.toString().contains("\tat "), err::toString);
  }
}
