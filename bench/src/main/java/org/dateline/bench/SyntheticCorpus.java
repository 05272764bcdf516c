package org.dateline.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Articles recombined from real sentences with a fixed seed: each has a distinct id, a title cut
 * from one sentence, a body of k sentences (k drawn from the source corpus's own distribution), a
 * date uniform over ten years (2010–2019, UTC) and one of {@value #SOURCES} sources drawn Zipf-like
 * (s = 1.1). The same sentences, seed and count give the same bytes.
 */
final class SyntheticCorpus {
  static final int SOURCES = 500;
  static final double ZIPF_S = 1.1;
  static final LocalDate FIRST_DAY = LocalDate.of(2010, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2019, 12, 31);

  private static final String[] PLACES = {
    "Aberdeen", "Ashford", "Bayside", "Brookfield", "Carlow", "Dunmore", "Eastwick", "Fairview",
    "Glenwood", "Harbor", "Ironbridge", "Kingsport", "Lakeside", "Maplewood", "Northgate", "Oakdale",
    "Pinecrest", "Queensbury", "Riverton", "Southport", "Thornbury", "Upton", "Westfield", "York",
    "Zephyr"
  };
  private static final String[] MASTHEADS = {
    "Herald", "Courier", "Gazette", "Tribune", "Post", "Times", "Chronicle", "Ledger", "Observer",
    "Examiner", "Dispatch", "Sentinel", "Standard", "Journal", "Mirror", "Express", "Record",
    "Register", "Bulletin", "Wire"
  };

  private final List<String> sentences;
  private final int[] sentenceCounts;
  private final List<String> sourceNames;
  private final double[] sourceCdf;

  /**
   * @param sentences the pool of sentences
   * @param sentenceCounts how many sentences real articles have, one entry per article
   */
  SyntheticCorpus(List<String> sentences, int[] sentenceCounts) {
    if (sentences.isEmpty() || sentenceCounts.length == 0) {
      throw new IllegalArgumentException("sentences and sentenceCounts must not be empty");
    }
    this.sentences = List.copyOf(sentences);
    this.sentenceCounts = sentenceCounts.clone();
    this.sourceNames = sourceNames();
    this.sourceCdf = zipfCdf(SOURCES, ZIPF_S);
  }

  /** Returns the {@value #SOURCES} source names, most frequent first. */
  static List<String> sourceNames() {
    List<String> names = new ArrayList<>(SOURCES);
    for (String m : MASTHEADS) {
      for (String p : PLACES) {
        names.add(p + " " + m);
      }
    }
    return names;
  }

  static double[] zipfCdf(int n, double s) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int r = 1; r <= n; r++) {
      sum += 1 / Math.pow(r, s);
      cdf[r - 1] = sum;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= sum;
    }
    return cdf;
  }

  /** Writes {@code count} articles as JSON lines; returns the source of each, in order. */
  List<String> write(Writer out, int count, long seed) throws IOException {
    Objects.requireNonNull(out, "out");
    SplittableRandom rnd = new SplittableRandom(seed);
    long firstSecond = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long span = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - firstSecond;
    List<String> sources = new ArrayList<>(count);
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.setRootValueSeparator(null);
    StringBuilder body = new StringBuilder(2048);
    for (int i = 0; i < count; i++) {
      int k = Math.max(1, sentenceCounts[rnd.nextInt(sentenceCounts.length)]);
      body.setLength(0);
      for (int j = 0; j < k; j++) {
        if (j > 0) {
          body.append(j % 4 == 0 ? "\n" : " ");
        }
        body.append(sentences.get(rnd.nextInt(sentences.size())));
      }
      String title = title(sentences.get(rnd.nextInt(sentences.size())));
      Instant date = Instant.ofEpochSecond(firstSecond + rnd.nextLong(span));
      String source = sourceNames.get(pick(sourceCdf, rnd.nextDouble()));
      sources.add(source);
      g.writeStartObject();
      g.writeStringField("id", String.format(java.util.Locale.ROOT, "a%07d", i + 1));
      g.writeStringField("title", title);
      g.writeStringField("body", body.toString());
      g.writeStringField("date", date.toString());
      g.writeStringField("source", source);
      g.writeEndObject();
      g.flush();
      out.write('\n');
    }
    g.flush();
    return sources;
  }

  /** The first ten words of a sentence, without the final stop. */
  static String title(String sentence) {
    String[] w = sentence.split(" ");
    String t = String.join(" ", java.util.Arrays.copyOf(w, Math.min(w.length, 10)));
    return t.replaceAll("[.,;:!?]+$", "");
  }

  static int pick(double[] cdf, double u) {
    int i = java.util.Arrays.binarySearch(cdf, u);
    return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
  }
}
