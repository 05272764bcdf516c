package org.dateline.cli;

import org.dateline.Snippet;

/**
 * How matched spans are shown in text output: bold red on a terminal (as grep does), and
 * otherwise wrapped in {@code **} (Markdown's bold), which survives pipes, files and NO_COLOR and
 * stays readable.
 */
enum Marks {
  /** ANSI bold red; titles in bold. */
  COLOUR,
  /** {@code **match**}; titles as they are. */
  PLAIN;

  private static final String BOLD = "\u001B[1m";
  private static final String RED = "\u001B[31m";
  private static final String DEFAULT_COLOUR = "\u001B[39m";
  private static final String RESET = "\u001B[0m";

  /** The plain marker, on both sides of a match. */
  static final String PLAIN_MARKER = "**";

  /** Colour when stdout is a terminal and NO_COLOR is unset; the plain marker otherwise. */
  static Marks of(Environment env) {
    return env.colour() ? COLOUR : PLAIN;
  }

  /** Returns a snippet's text with its matches marked. */
  String snippet(Snippet s) {
    return this == COLOUR
        ? s.mark(BOLD + RED, RESET)
        : s.mark(PLAIN_MARKER, PLAIN_MARKER);
  }

  /** Returns a title with its matches marked; on a terminal the whole title is bold. */
  String title(Snippet s) {
    return this == COLOUR
        ? BOLD + s.mark(RED, DEFAULT_COLOUR) + RESET
        : s.mark(PLAIN_MARKER, PLAIN_MARKER);
  }
}
