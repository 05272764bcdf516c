package org.dateline.bench;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Draws the benchmark's query list from real sentences with a fixed seed.
 *
 * <p>The words and phrases depend only on the sentences and the seed, so every corpus built from
 * the same sentences gets the same texts; the date and source filters are drawn from the corpus at
 * hand (its time span and its sources, weighted by article count). Words are drawn from running
 * text, so frequent words come up often, but the {@value #COMMON} most frequent words are left to
 * the separate frequent-phrase class. The list is shuffled, so any prefix is a fair sample.
 */
final class QueryGenerator {
  static final int COMMON = 100;
  static final int WORDS = 200;
  static final int ANDS = 200;
  static final int PHRASES = 150;
  static final int SLOPPIES = 150;
  static final int DATES = 150;
  static final int SOURCES = 150;
  static final int FREQUENT_BIGRAMS = 30;
  static final int FREQUENT_TRIGRAMS = 10;
  static final int SLOP = 3;

  private static final Pattern CLEAN = Pattern.compile("[A-Za-z]+");

  private final List<List<String>> tokenized = new ArrayList<>();
  private final Set<String> common;
  private final List<String> topWords;
  private final List<String> byFreq;

  /** Tokenizes the sentences; a token counts as a word only when it is letters alone. */
  QueryGenerator(List<String> sentences) {
    Map<String, Integer> freq = new HashMap<>();
    for (String s : sentences) {
      List<String> tokens = new ArrayList<>();
      for (String t : s.split(" ")) {
        // null marks a token with punctuation or digits: no word, and it breaks a phrase
        String w = CLEAN.matcher(t).matches() ? t.toLowerCase(Locale.ROOT) : null;
        tokens.add(w);
        if (w != null) {
          freq.merge(w, 1, Integer::sum);
        }
      }
      tokenized.add(tokens);
    }
    List<String> sorted = new ArrayList<>(freq.keySet());
    sorted.sort(
        Comparator.comparing((String w) -> freq.get(w)).reversed().thenComparing(w -> w));
    // a tiny vocabulary (tests) keeps most of its words for the ordinary classes
    this.byFreq = List.copyOf(sorted);
    this.topWords = List.copyOf(sorted.subList(0, Math.min(COMMON, sorted.size() / 10)));
    this.common = new HashSet<>(topWords);
  }

  /**
   * Generates the list.
   *
   * @param seed the seed for words and for the order
   * @param firstDay the corpus's first day
   * @param lastDay the corpus's last day
   * @param sourceSample the sources of a sample of the corpus's articles, one entry per article
   * @return the queries, shuffled, ids in list order
   */
  List<BenchQuery> generate(
      long seed, LocalDate firstDay, LocalDate lastDay, List<String> sourceSample) {
    Random text = new Random(seed);
    Random filters = new Random(seed + 1);
    List<BenchQuery> out = new ArrayList<>();
    for (int i = 0; i < WORDS; i++) {
      out.add(query(BenchQuery.Kind.WORD, List.of(word(text)), 0, null, null, null));
    }
    for (int i = 0; i < ANDS; i++) {
      out.add(query(BenchQuery.Kind.AND, twoWords(text, Integer.MAX_VALUE), 0, null, null, null));
    }
    for (int i = 0; i < PHRASES; i++) {
      out.add(query(BenchQuery.Kind.PHRASE, phrase(text), 0, null, null, null));
    }
    for (int i = 0; i < SLOPPIES; i++) {
      out.add(query(BenchQuery.Kind.SLOPPY, twoWords(text, SLOP + 1), SLOP, null, null, null));
    }
    long days = ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
    long window = Math.max(1, days / 10);
    for (int i = 0; i < DATES; i++) {
      LocalDate from = firstDay.plusDays((long) (filters.nextDouble() * (days - window + 1)));
      out.add(
          query(BenchQuery.Kind.DATE, List.of(word(text)), 0, from, from.plusDays(window - 1), null));
    }
    for (int i = 0; i < SOURCES; i++) {
      String source = sourceSample.get(filters.nextInt(sourceSample.size()));
      out.add(query(BenchQuery.Kind.SOURCE, List.of(word(text)), 0, null, null, source));
    }
    for (List<String> p : frequentPhrases()) {
      out.add(query(BenchQuery.Kind.FREQUENT_PHRASE, p, 0, null, null, null));
    }
    Collections.shuffle(out, new Random(seed + 2));
    List<BenchQuery> numbered = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      BenchQuery q = out.get(i);
      numbered.add(
          new BenchQuery(
              String.format(Locale.ROOT, "q%04d", i + 1),
              q.kind(),
              q.words(),
              q.slop(),
              q.from(),
              q.to(),
              q.source()));
    }
    return numbered;
  }

  private static BenchQuery query(
      BenchQuery.Kind kind,
      List<String> words,
      int slop,
      LocalDate from,
      LocalDate to,
      String source) {
    return new BenchQuery("-", kind, words, slop, from, to, source);
  }

  private boolean content(String w) {
    return w != null && w.length() >= 3 && !common.contains(w);
  }

  private List<String> sentence(Random r) {
    return tokenized.get(r.nextInt(tokenized.size()));
  }

  private String word(Random r) {
    while (true) {
      List<String> s = sentence(r);
      String w = s.get(r.nextInt(s.size()));
      if (content(w)) {
        return w;
      }
    }
  }

  /** Two different content words of one sentence, at most {@code maxGap} positions apart. */
  private List<String> twoWords(Random r, int maxGap) {
    while (true) {
      List<String> s = sentence(r);
      int i = r.nextInt(s.size());
      int j = i + 1 + r.nextInt(Math.max(1, Math.min(maxGap, s.size())));
      if (j < s.size() && content(s.get(i)) && content(s.get(j)) && !s.get(i).equals(s.get(j))) {
        return List.of(s.get(i), s.get(j));
      }
    }
  }

  /** Two or three words in a row, at least one of them a content word. */
  private List<String> phrase(Random r) {
    while (true) {
      List<String> s = sentence(r);
      int n = 2 + r.nextInt(2);
      int i = r.nextInt(s.size());
      if (i + n > s.size()) {
        continue;
      }
      List<String> p = s.subList(i, i + n);
      if (!p.contains(null) && p.stream().anyMatch(this::content)) {
        return List.copyOf(p);
      }
    }
  }

  /** The most frequent bigrams and trigrams made of the 50 most frequent words only. */
  List<List<String>> frequentPhrases() {
    Set<String> top = new HashSet<>(byFreq.subList(0, Math.min(50, byFreq.size())));
    Map<List<String>, Integer> bi = new HashMap<>();
    Map<List<String>, Integer> tri = new HashMap<>();
    for (List<String> s : tokenized) {
      for (int i = 0; i + 1 < s.size(); i++) {
        if (top.contains(s.get(i)) && top.contains(s.get(i + 1))) {
          bi.merge(List.of(s.get(i), s.get(i + 1)), 1, Integer::sum);
          if (i + 2 < s.size() && top.contains(s.get(i + 2))) {
            tri.merge(List.of(s.get(i), s.get(i + 1), s.get(i + 2)), 1, Integer::sum);
          }
        }
      }
    }
    Set<List<String>> out = new LinkedHashSet<>();
    out.addAll(mostFrequent(bi, FREQUENT_BIGRAMS));
    out.addAll(mostFrequent(tri, FREQUENT_TRIGRAMS));
    return List.copyOf(out);
  }

  private static List<List<String>> mostFrequent(Map<List<String>, Integer> counts, int n) {
    List<Map.Entry<List<String>, Integer>> e = new ArrayList<>(counts.entrySet());
    e.sort(
        Map.Entry.<List<String>, Integer>comparingByValue()
            .reversed()
            .thenComparing(x -> String.join(" ", x.getKey())));
    return e.stream().limit(n).map(Map.Entry::getKey).toList();
  }
}
