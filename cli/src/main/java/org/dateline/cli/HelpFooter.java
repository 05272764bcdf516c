package org.dateline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * Renders a command's help footer: prose wrapped at the help width, but an indented line (an
 * example command, a table row) printed whole, so that an example is never broken in the middle
 * and can be copied as it stands. picocli's own footer wraps every line, examples included.
 */
final class HelpFooter implements IHelpSectionRenderer {
  @Override
  public String render(Help help) {
    int width = help.commandSpec().usageMessage().width();
    StringBuilder out = new StringBuilder();
    for (String entry : help.commandSpec().usageMessage().footer()) {
      // Footer entries are format strings, as in picocli ("%n" for a line break).
      for (String line : String.format(Locale.ROOT, entry).split("\\R", -1)) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
          out.append(line).append(System.lineSeparator());
        } else {
          for (String part : wrap(line, width)) {
            out.append(part).append(System.lineSeparator());
          }
        }
      }
    }
    return out.toString();
  }

  /** Splits prose into lines of at most {@code width} characters, at spaces where it can. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        cut = rest.indexOf(' ', width); // one word longer than the line: keep it whole
        if (cut < 0) {
          break;
        }
      }
      lines.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut + 1).stripLeading();
    }
    lines.add(rest);
    return lines;
  }
}
