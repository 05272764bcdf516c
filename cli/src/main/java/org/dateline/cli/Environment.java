package org.dateline.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the commands read from their surroundings: environment variables, and whether stdout and
 * stderr are terminals. {@link #system()} reads the real ones; tests make their own.
 *
 * @param variables environment variables by name
 * @param stdoutIsTerminal whether standard output is a terminal (colour, pretty JSON)
 * @param stderrIsTerminal whether standard error is a terminal (progress bar)
 */
record Environment(Map<String, String> variables, boolean stdoutIsTerminal, boolean stderrIsTerminal) {
  /** Index folder used when {@code --index} is not given. */
  static final String INDEX_VARIABLE = "DATELINE_INDEX";

  /** Folder for the sample corpus's index and the launcher's class-data archive. */
  static final String CACHE_VARIABLE = "DATELINE_CACHE";

  /** Copies. */
  Environment {
    variables = Map.copyOf(variables);
  }

  /** Returns the process's environment, asking the terminal questions as precisely as we can. */
  static Environment system() {
    return new Environment(
        System.getenv(), isTerminal(1, "dateline.stdout.tty"), isTerminal(2, "dateline.stderr.tty"));
  }

  /** Returns a variable's value when it is set and not blank. */
  Optional<String> variable(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** Whether matched spans are shown in colour: stdout is a terminal and NO_COLOR is unset. */
  boolean colour() {
    // no-color.org: NO_COLOR set to any non-empty value turns colour off.
    return stdoutIsTerminal && variable("NO_COLOR").isEmpty();
  }

  /**
   * Returns the per-user cache folder: {@code $DATELINE_CACHE}, else {@code
   * $XDG_CACHE_HOME/dateline}, else {@code ~/.cache/dateline}. The launcher script resolves the
   * same folder the same way.
   */
  Path cacheDir() {
    return variable(CACHE_VARIABLE)
        .map(Path::of)
        .or(() -> variable("XDG_CACHE_HOME").map(xdg -> Path.of(xdg, "dateline")))
        .orElseGet(
            () ->
                Path.of(variable("HOME").orElse(System.getProperty("user.home")), ".cache", "dateline"));
  }

  /**
   * Whether a standard stream is a terminal. The launcher knows for sure ({@code [ -t 1 ]}) and
   * passes a system property; run as {@code java -jar}, Linux tells through /proc, and elsewhere
   * the console is the best guess there is.
   */
  private static boolean isTerminal(int fd, String property) {
    String told = System.getProperty(property);
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // not Linux: fall through to the console
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Java 22+ returns a console even when redirected, and tells with isTerminal().
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // Java 21: a console exists only when attached to a terminal
    }
  }
}
