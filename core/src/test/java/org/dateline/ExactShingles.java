package org.dateline;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The reference the copy detector is measured against, written apart from it: a text's 5-word
 * sequences as plain strings (words are runs of letters and digits, lower-cased), no hashing, no
 * sampling.
 */
final class ExactShingles {
  private ExactShingles() {}

  static Set<String> of(String text) {
    List<String> words =
        java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+"))
            .filter(w -> !w.isEmpty())
            .toList();
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 5 <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + 5)));
    }
    return out;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int shared = 0;
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    for (String s : small) {
      if (large.contains(s)) {
        shared++;
      }
    }
    return (double) shared / (a.size() + b.size() - shared);
  }
}
