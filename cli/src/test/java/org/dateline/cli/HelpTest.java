package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Every command's help, whichever commands exist: each has examples; each example is printed on
 * one line as written, never wrapped in the middle, so that it can be copied; and each example
 * names options and values the command accepts.
 */
class HelpTest {
  @TempDir static Path cache;

  /** Every command's name, from the command line built with all of them. */
  private static List<String> commands() {
    CommandLine all = Dateline.commandLine(new Environment(Map.of(), false, false));
    return List.copyOf(all.getSubcommands().keySet());
  }

  /** A command's footer lines as written (the entries are format strings, as picocli reads them). */
  private static List<String> footerLines(String command) {
    CommandLine all = Dateline.commandLine(new Environment(Map.of(), false, false));
    CommandLine cmd = command.isEmpty() ? all : all.getSubcommands().get(command);
    List<String> lines = new ArrayList<>();
    for (String entry : cmd.getCommandSpec().usageMessage().footer()) {
      lines.addAll(List.of(String.format(Locale.ROOT, entry).split("\\R", -1)));
    }
    return lines;
  }

  /** The example lines of a footer: the indented lines after "Examples:". */
  private static List<String> examples(List<String> footer) {
    return footer.stream()
        .dropWhile(l -> !l.equals("Examples:"))
        .skip(1)
        .takeWhile(l -> !l.isEmpty())
        .toList();
  }

  private static Cli.Run help(String command) {
    Cli cli = Cli.withCache(cache);
    return command.isEmpty() ? cli.run("--help") : cli.run(command, "--help");
  }

  @Test
  void theCommandsAreAllThere() {
    assertTrue(
        commands().containsAll(List.of("search", "facets", "show", "stats", "index", "eval")),
        commands()::toString);
  }

  @Test
  void everyCommandShowsExamplesEachOnOneUnbrokenLine() {
    List<String> all = new ArrayList<>(commands());
    all.add(0, "");
    for (String command : all) {
      Cli.Run r = help(command);
      assertEquals(ExitCodes.OK, r.code(), r::toString);
      List<String> examples = examples(footerLines(command));
      assertFalse(examples.isEmpty(), () -> "'" + command + " --help' has no examples: " + r);
      List<String> printed = r.out().lines().toList();
      for (String example : examples) {
        assertTrue(example.startsWith("  "), () -> "examples are indented: '" + example + "'");
        assertTrue(
            printed.contains(example),
            () -> "'" + command + " --help' breaks the example '" + example + "':\n" + r.out());
      }
    }
  }

  @Test
  void everyExampleUsesOptionsTheCommandHas() {
    List<String> all = new ArrayList<>(commands());
    all.add(0, "");
    for (String command : all) {
      for (String line : ShellWords.joinContinuations(examples(footerLines(command)))) {
        List<String> words = ShellWords.split(line.strip());
        if (words.isEmpty() || !words.get(0).equals("dateline")) {
          continue; // source <(dateline generate-completion)
        }
        String[] args = words.subList(1, words.size()).toArray(String[]::new);
        try {
          Dateline.commandLine(new Environment(Map.of(), false, false), args).parseArgs(args);
        } catch (ParameterException e) {
          fail("'" + command + " --help' example does not parse: " + line + "\n  " + e.getMessage());
        }
      }
    }
  }

  @Test
  void proseIsWrappedAtTheHelpWidth() {
    for (String command : commands()) {
      Cli.Run r = help(command);
      List<String> examples = examples(footerLines(command));
      for (String line : r.out().lines().toList()) {
        if (!examples.contains(line)) {
          assertTrue(line.length() <= 80, () -> "'" + command + " --help' line too long: " + line);
        }
      }
    }
  }

  @Test
  void topLevelHelpNamesTheCacheFolderAndItsVariables() {
    String out = help("").out().replaceAll("\\s+", " ");
    assertTrue(
        out.contains("$DATELINE_CACHE, else $XDG_CACHE_HOME/dateline, else ~/.cache/dateline"),
        out);
  }

  @Test
  void searchHelpSaysEveryWordMustMatch() {
    String out = help("search").out().replaceAll("\\s+", " ");
    assertTrue(out.contains("every word must match unless OR is written"), out);
    assertFalse(out.contains("any may match"), out);
  }

  @Test
  void generateCompletionHelpHasAnExample() {
    Cli.Run r = help("generate-completion");
    assertTrue(r.out().contains("\n  source <(dateline generate-completion)\n"), r::toString);
    assertTrue(r.out().contains("Examples:"), r::toString);
  }
}
