package org.dateline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the command line in this JVM the way {@link Main} does, but with captured stdout and
 * stderr and an environment of the test's choosing (its own cache folder, never the user's).
 */
final class Cli {
  private final Map<String, String> variables = new HashMap<>();
  private boolean stdoutTerminal;
  private boolean stderrTerminal;

  /** The outcome of one run. */
  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli(Path cache) {
    variables.put(Environment.CACHE_VARIABLE, cache.toString());
  }

  /** A command line whose sample-corpus cache is in {@code cache}; stdout and stderr not terminals. */
  static Cli withCache(Path cache) {
    return new Cli(cache);
  }

  Cli env(String name, String value) {
    variables.put(name, value);
    return this;
  }

  Cli terminal() {
    stdoutTerminal = true;
    stderrTerminal = true;
    return this;
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd =
        Dateline.commandLine(new Environment(variables, stdoutTerminal, stderrTerminal), args);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
