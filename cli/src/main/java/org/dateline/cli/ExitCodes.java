package org.dateline.cli;

/** The exit codes every command uses; the top command's help lists them. */
final class ExitCodes {
  private ExitCodes() {}

  /** Results found, or the command did what was asked. */
  static final int OK = 0;

  /** Nothing matched (as grep): no hits, no article with that id, no id to delete. */
  static final int NO_MATCH = 1;

  /** Bad usage, query or input: unknown flag, malformed query or date, unreadable corpus. */
  static final int BAD_INPUT = 2;

  /** The index cannot be opened or written: missing, locked, corrupt or read-only. */
  static final int INDEX_UNAVAILABLE = 3;

  /** A bug in dateline (sysexits' EX_SOFTWARE); --verbose shows the stack trace. */
  static final int INTERNAL_ERROR = 70;

  /** Help text for the top command. */
  static final String HELP =
      "Exit codes:%n"
          + "  0   results found (or the command did what was asked)%n"
          + "  1   no match%n"
          + "  2   bad usage, query or input%n"
          + "  3   the index cannot be opened or written (missing, locked, corrupt, read-only)%n"
          + "  70  internal error (run again with --verbose and report it)";
}
