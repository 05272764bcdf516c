package org.dateline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a news body into sentences, the unit the synthetic corpora are recombined from. */
final class Sentences {
  private static final Pattern SPACE = Pattern.compile("\\s+");
  // A sentence ends at . ! or ? followed by a space and a capital or a quote; "U.S. Officials"
  // is cut wrongly now and then, which only makes a recombined article read a little oddly.
  private static final Pattern END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"])");
  private static final Pattern TRAILER = Pattern.compile("\\s*(Reuter|REUTER)\\s*$");

  private Sentences() {}

  /** Returns the sentences of a body, whitespace collapsed, the "Reuter" sign-off dropped. */
  static List<String> split(String body) {
    String text = TRAILER.matcher(SPACE.matcher(body).replaceAll(" ").strip()).replaceAll("");
    List<String> out = new ArrayList<>();
    for (String s : END.split(text)) {
      String t = s.strip();
      if (t.length() >= 20 && t.length() <= 600) {
        out.add(t);
      }
    }
    return out;
  }
}
