package org.dateline.cli;

import java.util.List;
import java.util.regex.Pattern;

/** Quoting for commands printed for the user to copy into a POSIX shell. */
final class Shell {
  private Shell() {}

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  /** Joins words into a command line, single-quoting those the shell would change. */
  static String join(List<String> words) {
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(quote(w));
    }
    return out.toString();
  }

  /** Returns a word as the shell reads it back unchanged. */
  static String quote(String word) {
    if (SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
