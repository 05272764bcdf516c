package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.dateline.copies.CopyGroup;
import org.dateline.copies.CopyPolicy;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Copy groups on Reuters-21578, measured against an exact reference computed here: the 5-word
 * shingle sets of every article as strings, and the Jaccard similarity of every pair of articles
 * dated within the window of each other (all pairs, no sampling), grouped into connected
 * components. The index is the test JVM's shared Reuters index with detection; the report is
 * printed.
 */
class CopiesReutersTest {
  static Map<String, Article> articles;
  static NewsSearcher searcher;

  /** Exact shingle sets as sorted ids of distinct shingle strings, by article id. */
  static Map<String, int[]> shingles;

  /** Detected group name by article id, for articles in groups of two or more. */
  static Map<String, String> detected;

  static final CopyPolicy POLICY = CopyPolicy.DEFAULT;

  @BeforeAll
  static void index() throws IOException {
    Path archive = SearchTestSupport.reutersArchive();
    articles = new LinkedHashMap<>();
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    try (ArticleReader reader = ArticleReaders.open(List.of(archive), Format.AUTO, log)) {
      Optional<Article> next;
      while ((next = reader.next()).isPresent()) {
        articles.put(next.get().id(), next.get());
      }
    }
    searcher = NewsSearcher.open(SharedReutersIndex.withCopies());
    Map<String, Integer> dictionary = new HashMap<>();
    shingles = new HashMap<>();
    for (Article a : articles.values()) {
      Set<String> s = ExactShingles.of(a.body());
      int[] ids = new int[s.size()];
      int i = 0;
      for (String sh : s) {
        ids[i++] = dictionary.computeIfAbsent(sh, k -> dictionary.size());
      }
      Arrays.sort(ids);
      shingles.put(a.id(), ids);
    }
    detected = new HashMap<>();
    for (CopyGroup g : searcher.copyGroups(SearchRequest.of("*"), Integer.MAX_VALUE)) {
      for (String id : g.ids()) {
        detected.put(id, g.group());
      }
    }
  }

  @AfterAll
  static void close() throws IOException {
    if (searcher != null) {
      searcher.close();
    }
  }

  /** A pair of articles with its exact similarity. */
  record Pair(String a, String b, double jaccard, long apartMillis) {}

  /**
   * Every pair dated at most {@code window} apart with exact Jaccard at least {@code min}, by
   * prefix filtering (Chaudhuri et al. 2006, Bayardo et al. 2007): with each set's shingles ordered
   * rarest first, two sets with Jaccard at least {@code min} must share a shingle among the first
   * {@code |x| - ceil(min |x|) + 1} of each. That finds every such pair without comparing all of
   * them; each is then checked exactly.
   */
  static List<Pair> referencePairs(double min, Duration window) {
    List<Article> dated = new ArrayList<>();
    for (Article a : articles.values()) {
      if (a.date() != null && shingles.get(a.id()).length > 0) {
        dated.add(a);
      }
    }
    Map<Integer, Integer> frequency = new HashMap<>();
    for (Article a : dated) {
      for (int sh : shingles.get(a.id())) {
        frequency.merge(sh, 1, Integer::sum);
      }
    }
    Map<Integer, List<Integer>> index = new HashMap<>();
    long w = window.toMillis();
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i < dated.size(); i++) {
      Article x = dated.get(i);
      int[] sx = shingles.get(x.id());
      Integer[] ordered = Arrays.stream(sx).boxed().toArray(Integer[]::new);
      Arrays.sort(ordered, (p, q) -> {
        int c = Integer.compare(frequency.get(p), frequency.get(q));
        return c != 0 ? c : Integer.compare(p, q);
      });
      int prefix = sx.length - (int) Math.ceil(min * sx.length - 1e-9) + 1;
      java.util.Set<Integer> candidates = new java.util.TreeSet<>();
      for (int k = 0; k < prefix; k++) {
        List<Integer> posting = index.get(ordered[k]);
        if (posting != null) {
          candidates.addAll(posting);
        }
      }
      for (int c : candidates) {
        Article y = dated.get(c);
        long apart = Math.abs(y.date().toEpochMilli() - x.date().toEpochMilli());
        int[] sy = shingles.get(y.id());
        if (apart > w || Math.min(sx.length, sy.length) < min * Math.max(sx.length, sy.length)) {
          continue;
        }
        double jac = jaccard(sx, sy);
        if (jac >= min) {
          out.add(new Pair(y.id(), x.id(), jac, apart));
        }
      }
      for (int k = 0; k < prefix; k++) {
        index.computeIfAbsent(ordered[k], key -> new ArrayList<>()).add(i);
      }
    }
    return out;
  }

  static double jaccard(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) shared / (a.length + b.length - shared);
  }

  /** Connected components of pairs, by article id: the root's id for each member. */
  static Map<String, String> components(List<Pair> pairs) {
    Map<String, String> parent = new HashMap<>();
    for (Pair p : pairs) {
      String ra = root(parent, p.a());
      String rb = root(parent, p.b());
      if (!ra.equals(rb)) {
        parent.put(ra, rb);
      }
    }
    Map<String, String> out = new HashMap<>();
    for (String id : parent.keySet()) {
      out.put(id, root(parent, id));
    }
    for (Pair p : pairs) {
      out.put(p.a(), root(parent, p.a()));
      out.put(p.b(), root(parent, p.b()));
    }
    return out;
  }

  private static String root(Map<String, String> parent, String id) {
    String r = id;
    while (parent.containsKey(r)) {
      r = parent.get(r);
    }
    return r;
  }

  @Test
  void groupsMatchTheExactReference() {
    List<Pair> reference = referencePairs(POLICY.copyJaccard(), POLICY.window());
    Map<String, String> refGroups = components(reference);

    // Pairs in one group, both ways: detected vs reference components.
    long detectedPairs = samePairs(detected);
    long referencePairs = samePairs(refGroups);
    long both = 0;
    Map<String, List<String>> byGroup = invert(detected);
    for (List<String> members : byGroup.values()) {
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          String ra = refGroups.get(members.get(i));
          if (ra != null && ra.equals(refGroups.get(members.get(j)))) {
            both++;
          }
        }
      }
    }
    long edgesFound = 0;
    for (Pair p : reference) {
      String g = detected.get(p.a());
      if (g != null && g.equals(detected.get(p.b()))) {
        edgesFound++;
      }
    }
    double precision = detectedPairs == 0 ? 1 : (double) both / detectedPairs;
    double recall = referencePairs == 0 ? 1 : (double) both / referencePairs;
    Map<Integer, Integer> sizes = new TreeMap<>();
    byGroup.values().forEach(m -> sizes.merge(m.size(), 1, Integer::sum));
    System.out.printf(
        Locale.ROOT,
        "Reuters-21578: %d articles in %d copy groups of 2 or more; sizes (size=groups): %s%n"
            + "reference: %d pairs with 5-shingle Jaccard >= %.2f within %s, %d components%n"
            + "same-group pairs: detected %d, reference %d, both %d: precision %.4f recall %.4f;"
            + " reference pairs grouped together: %d of %d%n",
        articles.size(),
        byGroup.size(),
        sizes,
        reference.size(),
        POLICY.copyJaccard(),
        POLICY.window(),
        invert(refGroups).size(),
        detectedPairs,
        referencePairs,
        both,
        precision,
        recall,
        edgesFound,
        reference.size());
    printBands(reference);
    assertTrue(reference.size() > 100, "Reuters holds hundreds of re-sent stories");
    assertEquals(1.0, precision, 1e-9, "every detected copy is a copy by the exact measure");
    assertTrue(recall >= 0.99, "recall " + recall);
  }

  /** A few pairs per similarity band, with titles, to read. */
  private static void printBands(List<Pair> reference) {
    double[] edges = {0.5, 0.6, 0.7, 0.8, 0.9, 1.0001};
    for (int b = 0; b + 1 < edges.length; b++) {
      List<Pair> band = new ArrayList<>();
      for (Pair p : reference) {
        if (p.jaccard() >= edges[b] && p.jaccard() < edges[b + 1]) {
          band.add(p);
        }
      }
      System.out.printf(
          Locale.ROOT, "band [%.1f, %.1f): %d pairs%n", edges[b], Math.min(1, edges[b + 1]), band.size());
      java.util.Random random = new java.util.Random(14L + b);
      for (int k = 0; k < Math.min(3, band.size()); k++) {
        Pair p = band.get(random.nextInt(band.size()));
        System.out.printf(
            Locale.ROOT,
            "  %.3f  %s \"%s\"  |  %s \"%s\"%n",
            p.jaccard(),
            p.a(),
            articles.get(p.a()).title(),
            p.b(),
            articles.get(p.b()).title());
      }
    }
  }

  private static long samePairs(Map<String, String> groups) {
    long n = 0;
    for (List<String> members : invert(groups).values()) {
      n += (long) members.size() * (members.size() - 1) / 2;
    }
    return n;
  }

  private static Map<String, List<String>> invert(Map<String, String> groups) {
    Map<String, List<String>> out = new TreeMap<>();
    groups.forEach((id, g) -> out.computeIfAbsent(g, k -> new ArrayList<>()).add(id));
    out.values().forEach(l -> l.sort(null));
    return out;
  }

  @Test
  void theWindowKeepsWeeklyTemplatesApart() {
    List<Pair> noWindow = referencePairs(POLICY.copyJaccard(), Duration.ofDays(400));
    List<Pair> templates = new ArrayList<>();
    for (Pair p : noWindow) {
      if (p.apartMillis() > POLICY.window().toMillis()) {
        templates.add(p);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "without a window: %d pairs at Jaccard >= %.2f, of which %d are more than %s apart%n",
        noWindow.size(),
        POLICY.copyJaccard(),
        templates.size(),
        POLICY.window());
    int bills = 0;
    for (Pair p : templates) {
      String ta = articles.get(p.a()).title();
      if (ta.contains("BILLS") && ta.contains("SELL")) {
        bills++;
        if (bills <= 5) {
          System.out.printf(
              Locale.ROOT,
              "  %.3f %d days apart: %s \"%s\" %s | %s \"%s\" %s%n",
              p.jaccard(),
              p.apartMillis() / 86_400_000L,
              p.a(),
              ta,
              articles.get(p.a()).date(),
              p.b(),
              articles.get(p.b()).title(),
              articles.get(p.b()).date());
        }
        String g = detected.get(p.a());
        assertTrue(g == null || !g.equals(detected.get(p.b())), p.toString());
      }
    }
    System.out.println("weekly bill-auction pairs kept apart by the window: " + bills);
    assertTrue(bills > 0, "the weekly bill auction template is in Reuters-21578");
  }
}
