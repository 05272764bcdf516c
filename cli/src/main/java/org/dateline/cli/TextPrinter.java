package org.dateline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dateline.Article;
import org.dateline.Dates;
import org.dateline.FacetCount;
import org.dateline.FacetResult;
import org.dateline.Hit;
import org.dateline.IndexStats;
import org.dateline.IndexSummary;
import org.dateline.Problem;
import org.dateline.SearchResult;
import org.dateline.Snippet;
import org.dateline.copies.CopyGroup;
import org.dateline.copies.CopyInfo;
import org.dateline.copies.Provenance;
import org.dateline.copies.Relative;
import org.dateline.eval.EvaluationReport;
import org.dateline.eval.Metrics;
import org.dateline.eval.QueryEvaluation;

/** Output for people: aligned, with matches marked (see {@link Marks}). */
final class TextPrinter {
  private static final int BAR_WIDTH = 40;
  private static final String SEPARATOR = " · ";

  private final PrintWriter out;
  private final Marks marks;

  TextPrinter(PrintWriter out, Marks marks) {
    this.out = out;
    this.marks = marks;
  }

  /**
   * Prints a page of hits: rank, title, source, date and id, then the snippets indented; then the
   * facets, if any; then which hits these were of how many, and the command for the next page.
   *
   * @param firstRank the rank of the first hit (offset + 1), or 0 when paging by cursor, where it
   *     is unknown
   * @param nextPage the command that shows the next page, or null on the last page
   */
  void searchResult(SearchResult result, long firstRank, String nextPage) {
    List<Hit> hits = result.hits();
    int width = String.valueOf(Math.max(firstRank, 1) + hits.size()).length();
    for (int i = 0; i < hits.size(); i++) {
      Hit hit = hits.get(i);
      String rank = firstRank > 0 ? String.valueOf(firstRank + i) : "-";
      String indent = " ".repeat(width + 2);
      out.println(pad(rank, width, true) + ". " + marks.title(hit.titleHighlight()));
      out.println(indent + line(hit.source(), hit.date(), hit.id()));
      String copies = copyLine(hit.copies());
      if (copies != null) {
        out.println(indent + copies);
      }
      for (Snippet s : hit.snippets()) {
        out.println(indent + marks.snippet(s));
      }
      out.println();
    }
    if (!result.facets().isEmpty()) {
      facets(result.facets());
      out.println();
    }
    String of = ofWhat(result);
    if (result.total() == 0) {
      out.println("No articles match.");
    } else if (hits.isEmpty()) {
      out.println(of + "; none on this page.");
    } else if (firstRank > 0) {
      out.println(
          "Showing "
              + grouped(firstRank)
              + "-"
              + grouped(firstRank + hits.size() - 1)
              + " of "
              + of
              + ".");
    } else {
      out.println("Showing " + grouped(hits.size()) + " more of " + of + ".");
    }
    if (nextPage != null) {
      out.println("Next page: " + nextPage);
    }
  }

  // ---- copies (issue 14) ----

  /** "123 matches", or with stories counted "45 stories in 123 matches". */
  private static String ofWhat(SearchResult result) {
    return result.stories() < 0
        ? count(result.total())
        : count(result.stories(), "story", "stories") + " in " + count(result.total());
  }

  /**
   * The line under a hit's source about its copies: "+N copies in M outlets" for a collapsed hit,
   * the group's size and earliest article for a hit with copies, null for an article alone.
   */
  private static String copyLine(CopyInfo c) {
    if (c.folded() > 0) {
      return String.format(
          Locale.ROOT,
          "+%s in %s%s",
          count(c.folded(), "copy", "copies"),
          count(c.foldedOutlets(), "outlet"),
          c.size() > 1 ? SEPARATOR + "earliest id " + c.earliest() : "");
    }
    if (c.size() > 1) {
      return String.format(
          Locale.ROOT,
          "one of %,d copies%searliest id %s",
          c.size(),
          SEPARATOR,
          c.earliest());
    }
    return null;
  }

  /** Prints where an article's text also appears: its copies, then partial reuses, earliest first. */
  void provenance(Provenance p) {
    out.println();
    if (p.copies().isEmpty()) {
      out.println("Copies: none (this article is a copy group of its own).");
    } else {
      out.println(
          String.format(
              Locale.ROOT,
              "Copies: %s in this article's group (earliest id %s), earliest first:",
              count(p.copies().size(), "other article"),
              p.info().earliest()));
      for (Relative r : p.copies()) {
        out.println(
            "  "
                + relativeLine(r)
                + SEPARATOR
                + String.format(Locale.ROOT, "similarity %.2f", r.similarity()));
        out.println("    " + r.title());
      }
    }
    if (p.reuses().isEmpty()) {
      out.println("Partial reuse: none found.");
    } else {
      out.println("Partial reuse (shares of 5-word sequences), earliest first:");
      for (Relative r : p.reuses()) {
        out.println(
            "  "
                + relativeLine(r)
                + SEPARATOR
                + String.format(
                    Locale.ROOT,
                    "%.0f%% of this article is in it, %.0f%% of it is in this article",
                    r.shareOfThis() * 100,
                    r.shareOfOther() * 100));
        out.println("    " + r.title());
      }
    }
  }

  private static String relativeLine(Relative r) {
    return (r.date() == null ? "undated" : Dates.isoDay(r.date()))
        + SEPARATOR
        + (r.source().isEmpty() ? "(no source)" : r.source())
        + SEPARATOR
        + "id "
        + r.id();
  }

  /** Prints the largest copy groups: title, spread (articles, outlets, dates) and ids. */
  void copyGroups(List<CopyGroup> groups) {
    if (groups.isEmpty()) {
      out.println("No copies among the matching articles.");
      return;
    }
    int width = String.valueOf(groups.size()).length();
    String indent = " ".repeat(width + 2);
    for (int i = 0; i < groups.size(); i++) {
      CopyGroup g = groups.get(i);
      out.println(pad(String.valueOf(i + 1), width, true) + ". " + g.title());
      String dates =
          g.first() == null
              ? "undated"
              : g.first().equals(g.last())
                  ? Dates.isoDay(g.first())
                  : Dates.isoDay(g.first()) + " to " + Dates.isoDay(g.last());
      out.println(
          indent
              + count(g.matching(), "article")
              + (g.size() > g.matching() ? " matching of " + g.size() : "")
              + " in "
              + count(g.outlets().size(), "outlet")
              + (g.outlets().isEmpty() ? "" : " (" + String.join(", ", g.outlets()) + ")")
              + SEPARATOR
              + dates
              + SEPARATOR
              + "earliest id "
              + g.group());
      out.println(indent + "ids: " + String.join(" ", g.ids()));
      out.println();
    }
    out.println(count(groups.size(), "copy group") + " shown, largest first.");
  }

  /**
   * Prints how many articles (and, when counted, stories) the counts are over, and a blank line.
   *
   * @param stories the number of stories, or -1 when the counts are by article
   */
  void facetsSummary(long total, long stories) {
    if (total == 0) {
      out.println("No articles match.");
    } else if (stories < 0) {
      out.println(count(total, "article") + " match.");
    } else {
      out.println(
          count(total, "article")
              + " match, "
              + count(stories, "story", "stories")
              + "; the counts are of stories (copies count once).");
    }
    out.println();
  }

  /** Prints one table per dimension: label, count and a bar; date dimensions keep empty buckets. */
  void facets(Map<String, FacetResult> facets) {
    boolean first = true;
    for (FacetResult f : facets.values()) {
      if (!first) {
        out.println();
      }
      first = false;
      out.println(f.dimension());
      int labelWidth = 1;
      long max = 0;
      for (FacetCount c : f.counts()) {
        labelWidth = Math.max(labelWidth, c.label().length());
        max = Math.max(max, c.count());
      }
      int countWidth = String.format(Locale.ROOT, "%,d", max).length();
      for (FacetCount c : f.counts()) {
        out.println(
            "  "
                + pad(c.label(), labelWidth, false)
                + "  "
                + pad(String.format(Locale.ROOT, "%,d", c.count()), countWidth, true)
                + "  "
                + bar(c.count(), max));
      }
      if (f.counts().isEmpty()) {
        out.println("  (no values)");
      }
      if (f.otherValues() > 0) {
        out.println(
            String.format(
                Locale.ROOT,
                "  (%,d more values, on %s; --top N shows more)",
                f.otherValues(),
                count(f.otherCount(), "article")));
      }
      if (f.missing() > 0) {
        out.println("  (" + count(f.missing(), "article") + " without a " + f.dimension() + ")");
      }
    }
  }

  /** Prints a whole article: title, metadata lines, a blank line, the body. */
  void article(Article a) {
    out.println(a.title() + (a.titleDerived() ? "  (title taken from the text)" : ""));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"id", a.id()});
    rows.add(new String[] {"source", a.source().isEmpty() ? "(none)" : a.source()});
    rows.add(new String[] {"date", a.date() == null ? "(none)" : Dates.isoDay(a.date())});
    if (a.url() != null) {
      rows.add(new String[] {"url", a.url()});
    }
    a.fields().forEach((name, values) -> rows.add(new String[] {name, String.join(", ", values)}));
    table(rows);
    out.println();
    out.println(a.body());
  }

  /** Prints what an index holds. */
  void stats(Path index, boolean sample, IndexSummary s) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"index", index + (sample ? " (the sample corpus)" : "")});
    rows.add(new String[] {"articles", String.format(Locale.ROOT, "%,d", s.articles())});
    rows.add(new String[] {"sources", String.format(Locale.ROOT, "%,d", s.sources())});
    String dates =
        s.firstDate() == null
            ? "(no dated articles)"
            : Dates.isoDay(s.firstDate()) + " to " + Dates.isoDay(s.lastDate());
    if (s.undated() > 0) {
      dates += " (" + count(s.undated(), "article") + " undated)";
    }
    rows.add(new String[] {"dates", dates});
    rows.add(
        new String[] {
          "extra fields", s.extraFields().isEmpty() ? "(none)" : String.join(", ", s.extraFields())
        });
    rows.add(new String[] {"size on disk", bytes(s.sizeBytes())});
    table(rows);
  }

  /** Prints what an indexing run did: counts, time, then the first skipped records and warnings. */
  void indexSummary(Path index, IndexStats s) {
    double seconds = s.elapsed().toNanos() / 1e9;
    out.println(
        String.format(
            Locale.ROOT,
            "Indexed %s into %s in %.1f s (%,.0f articles/s).",
            count(s.indexed(), "article"),
            index,
            seconds,
            seconds > 0 ? s.indexed() / seconds : 0.0));
    long[] counts = {s.added(), s.replaced(), s.skipped(), s.warnings(), s.commits()};
    String[] names = {"added", "replaced", "skipped", "warnings", "commits"};
    int width = String.format(Locale.ROOT, "%,d", Arrays.stream(counts).max().orElse(0)).length();
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      rows.add(new String[] {names[i], pad(String.format(Locale.ROOT, "%,d", counts[i]), width, true)});
    }
    table(rows);
    problems("First skipped records:", s.firstSkips(), s.skipped());
    problems("First warnings:", s.firstWarnings(), s.warnings());
  }

  /**
   * Prints how a run was made, the mean measures as a table, and with {@code perQuery} one row per
   * judged query: its relevant, retrieved and relevant-retrieved counts and its measures.
   *
   * @param runFile where the run was written, or null
   */
  void evaluation(
      EvalCommand.EvalSettings s, EvaluationReport report, boolean perQuery, Path runFile) {
    out.println(
        String.format(
            Locale.ROOT,
            "Evaluated %s against %s%s: analysis %s, BM25 k1=%s b=%s%s, %,d hits per topic.",
            count(s.topics(), "topic"),
            s.index(),
            s.sample() ? " (the sample corpus)" : "",
            s.analysis(),
            s.ranking().k1(),
            s.ranking().b(),
            s.expansion() == null
                ? ""
                : String.format(
                    Locale.ROOT,
                    ", RM3 expansion (%d articles, %d words, query weight %s)",
                    s.expansion().feedbackDocs(),
                    s.expansion().feedbackTerms(),
                    s.expansion().originalQueryWeight()),
            s.hits()));
    if (perQuery) {
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {"query", "rel", "ret", "rel_ret", "map", "P_30", "ndcg_10", "recall_1000"});
      for (QueryEvaluation q : report.queries()) {
        Metrics m = q.metrics();
        rows.add(
            new String[] {
              q.queryId(),
              String.valueOf(q.relevant()),
              String.valueOf(q.retrieved()),
              String.valueOf(q.relevantRetrieved()),
              measure(m.map()),
              measure(m.p30()),
              measure(m.ndcg10()),
              measure(m.recall1000())
            });
      }
      columns(rows);
      out.println();
    }
    Metrics mean = report.mean();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"queries", String.valueOf(report.queryCount())});
    rows.add(new String[] {"map", measure(mean.map())});
    rows.add(new String[] {"P_30", measure(mean.p30())});
    rows.add(new String[] {"ndcg_10", measure(mean.ndcg10())});
    rows.add(new String[] {"recall_1000", measure(mean.recall1000())});
    int width = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
    rows.forEach(r -> r[1] = pad(r[1], width, true));
    table(rows);
    if (report.queryCount() < s.topics()) {
      out.println(
          String.format(
              Locale.ROOT,
              "(%,d of the topics have no judgments and are not counted)",
              s.topics() - report.queryCount()));
    }
    if (runFile != null) {
      out.println("Run written to " + runFile + ".");
    }
  }

  private static String measure(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** Prints rows as columns: the first left-aligned, the others right-aligned. */
  private void columns(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < r.length; i++) {
        line.append(i == 0 ? pad(r[i], widths[i], false) : "  " + pad(r[i], widths[i], true));
      }
      out.println(line);
    }
  }

  private void problems(String heading, List<Problem> first, long total) {
    if (first.isEmpty()) {
      return;
    }
    out.println(heading);
    for (Problem p : first) {
      out.println("  " + p);
    }
    if (total > first.size()) {
      out.println(String.format(Locale.ROOT, "  ... and %,d more", total - first.size()));
    }
  }

  private void table(List<String[]> rows) {
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    for (String[] r : rows) {
      out.println("  " + pad(r[0], width, false) + "  " + r[1]);
    }
  }

  private static String line(String source, Instant date, String id) {
    List<String> parts = new ArrayList<>(3);
    if (!source.isEmpty()) {
      parts.add(source);
    }
    parts.add(date == null ? "undated" : Dates.isoDay(date));
    parts.add("id " + id);
    return String.join(SEPARATOR, parts);
  }

  private static String bar(long count, long max) {
    if (count == 0 || max == 0) {
      return "";
    }
    int n = (int) Math.max(1, Math.round((double) count * BAR_WIDTH / max));
    return "█".repeat(n);
  }

  private static String pad(String s, int width, boolean right) {
    String spaces = " ".repeat(Math.max(0, width - s.length()));
    return right ? spaces + s : s + spaces;
  }

  private static String count(long n) {
    return count(n, "match", "matches");
  }

  private static String count(long n, String one) {
    return count(n, one, one + "s");
  }

  private static String count(long n, String one, String many) {
    return grouped(n) + " " + (n == 1 ? one : many);
  }

  /**
   * A number with its thousands grouped by commas, as {@code String.format(Locale.ROOT, "%,d", n)}
   * writes it. Built by hand: a search prints nothing else through {@code Formatter}, whose first
   * use loads the locale data for number formats, a few percent of a one-shot search's time.
   */
  static String grouped(long n) {
    String digits = Long.toString(n);
    int sign = n < 0 ? 1 : 0;
    int first = (digits.length() - sign) % 3;
    if (first == 0) {
      first = 3;
    }
    StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3);
    b.append(digits, 0, sign + first);
    for (int i = sign + first; i < digits.length(); i += 3) {
      b.append(',').append(digits, i, i + 3);
    }
    return b.toString();
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
