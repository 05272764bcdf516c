package org.dateline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.dateline.CopiesUnavailableException;
import org.dateline.IndexUnavailableException;
import org.dateline.InvalidQueryException;
import org.dateline.ingest.CorpusFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where errors become messages and exit codes (see {@link ExitCodes}). Messages go
 * to stderr, name the problem and what to do; stack traces only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("dateline: " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println(
        "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage and examples.");
    verboseTrace(cmd, ex);
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    PrintWriter err = cmd.getErr();
    int code =
        switch (e) {
          case InvalidQueryException q -> {
            err.println("dateline: invalid query: " + q.getMessage());
            err.println("  " + q.query());
            if (q.position() >= 0 && q.position() <= q.query().length()) {
              err.println("  " + " ".repeat(q.position()) + "^");
            }
            yield ExitCodes.BAD_INPUT;
          }
          case CopiesUnavailableException c -> {
            err.println("dateline: " + c.getMessage());
            yield ExitCodes.BAD_INPUT;
          }
          case IllegalArgumentException a -> {
            err.println("dateline: " + a.getMessage());
            yield ExitCodes.BAD_INPUT;
          }
          case IndexUnavailableException u -> {
            err.println("dateline: " + u.getMessage());
            yield ExitCodes.INDEX_UNAVAILABLE;
          }
          case CorpusFormatException c -> {
            err.println("dateline: bad input: " + c.getMessage());
            if (cmd.getCommandSpec().userObject() instanceof IndexCommand) {
              err.println("Without --strict, bad records are skipped and counted.");
            }
            yield ExitCodes.BAD_INPUT;
          }
          case NoSuchFileException n -> {
            err.println("dateline: no such file or folder: " + n.getFile());
            yield ExitCodes.BAD_INPUT;
          }
          case AccessDeniedException a -> {
            err.println("dateline: permission denied: " + a.getFile());
            yield ExitCodes.BAD_INPUT;
          }
          // The core reports every index failure as IndexUnavailableException; what is left is
          // trouble reading the input (a truncated archive, an unreadable file).
          case IOException io -> {
            err.println("dateline: cannot read the input: " + io.getMessage());
            yield ExitCodes.BAD_INPUT;
          }
          default -> {
            err.println(
                "dateline: internal error ("
                    + e.getClass().getName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); run again with --verbose for details, and please report it");
            yield ExitCodes.INTERNAL_ERROR;
          }
        };
    if (cmd.getCommandSpec().userObject() instanceof IndexedCommand c
        && c.sampleUsed
        && aboutTheIndex(e)) {
      // "unknown field places", "this index has: source, year...": about the sample, not theirs
      err.println("dateline: " + IndexedCommand.SAMPLE_NOTE);
    }
    verboseTrace(cmd, e);
    err.flush();
    return code;
  }

  /**
   * Whether an error depends on what the index holds: a field or facet dimension it lacks. A
   * query's syntax error does not, and gets no word about which index was used.
   */
  private static boolean aboutTheIndex(Throwable e) {
    return switch (e) {
      case InvalidQueryException q -> q.getMessage().contains("field");
      case IllegalArgumentException a -> true;
      default -> false;
    };
  }

  private static void verboseTrace(CommandLine cmd, Throwable e) {
    if (cmd.getCommandSpec().root().userObject() instanceof DatelineCommand top && top.verbose) {
      e.printStackTrace(cmd.getErr());
    }
  }
}
