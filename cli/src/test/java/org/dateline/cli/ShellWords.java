package org.dateline.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line as a POSIX shell would, for the commands that help texts and the README
 * show: single and double quotes, backslashes, a {@code #} comment; the words end at an unquoted
 * pipe or redirection, where the command hands its output on.
 */
final class ShellWords {
  private ShellWords() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed ' in: " + line);
        }
        word = word == null ? new StringBuilder() : word;
        word.append(line, i + 1, end);
        i = end;
      } else if (c == '"') {
        word = word == null ? new StringBuilder() : word;
        for (i++; i < line.length() && line.charAt(i) != '"'; i++) {
          if (line.charAt(i) == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
            i++;
          }
          word.append(line.charAt(i));
        }
        if (i >= line.length()) {
          throw new IllegalArgumentException("unclosed \" in: " + line);
        }
      } else if (c == '\\' && i + 1 < line.length()) {
        word = word == null ? new StringBuilder() : word;
        word.append(line.charAt(++i));
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (word == null && (c == '#' || c == '|' || c == '>' || c == '<' || c == ';')) {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * Joins lines that end with a backslash to the next, as the shell does, and returns the
   * commands.
   */
  static List<String> joinContinuations(List<String> lines) {
    List<String> commands = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      String l = line.stripTrailing();
      if (l.endsWith("\\")) {
        current.append(l, 0, l.length() - 1).append(' ');
      } else {
        commands.add(current.append(l).toString());
        current.setLength(0);
      }
    }
    if (!current.isEmpty()) {
      commands.add(current.toString());
    }
    return commands;
  }
}
