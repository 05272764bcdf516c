package org.dateline;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlights hits: titles with {@link TitleMarks} where the query allows, bodies (and the other
 * titles) with Lucene's unified highlighter, asking the query itself where it matched ("weight
 * matches"): a quoted phrase comes back as one span, a stemmed word as the word written, wildcard
 * and fuzzy matches included.
 *
 * <p>Match offsets come from analyzing the hits' stored title and body again, since the index
 * keeps no offsets in its postings (see {@link ArticleDocuments#TEXT}): where the query allows
 * (see {@link TitleMarks}), the index's own matches of each hit, their positions turned into
 * offsets ({@link IndexMatchesStrategy}, {@link HitMatches}); for other queries, the highlighter's
 * {@code ANALYSIS} offset source (the text of the hits shown, into an in-memory index the query
 * runs on).
 * An index made before that has them, and the highlighter reads them from its postings instead:
 * it chooses by the fields' index options.
 *
 * <p>The title is highlighted whole. Body passages follow sentence boundaries and aim at the
 * requested length; a passage still much longer (one long sentence) is cut at word boundaries
 * around its densest stretch of matches, the cut marked with "…". Passages come best first. When
 * only the title matched, the body's first sentence stands in.
 */
final class Highlighting {
  private Highlighting() {}

  /** Longest stretch of a field searched for matches; beyond it, no highlights. */
  static final int MAX_ANALYZED_CHARS = 200_000;

  /** A passage longer than the goal by more than this share is cut. */
  private static final double SLACK = 0.25;

  /**
   * The highlights of one hit.
   *
   * @param title the whole title with its spans
   * @param snippets body snippets, best first
   */
  record Highlights(Snippet title, List<Snippet> snippets) {}

  /**
   * Highlights hits.
   *
   * @param searcher the searcher the hits come from
   * @param analyzer the index analyzer
   * @param query the text query, without filters
   * @param docIds the hits
   * @param snippets how many body snippets per hit; 0 for none
   * @param length the snippet length to aim at
   * @param stored the hits' stored fields, already loaded (title, and body when snippets are
   *     asked for), by doc id, so that the highlighter does not load them a second time
   * @return one entry per hit, in order; entries for fields with no text are null
   */
  static Highlights[] highlight(
      IndexSearcher searcher,
      Analyzer analyzer,
      Query query,
      int[] docIds,
      int snippets,
      int length,
      Map<Integer, Document> stored)
      throws IOException {
    return highlight(searcher, analyzer, query, docIds, snippets, length, stored, true);
  }

  /**
   * Highlights hits, the titles with {@link TitleMarks} or (tests) the highlighter.
   *
   * @param quickTitles false to have the highlighter mark every title
   */
  static Highlights[] highlight(
      IndexSearcher searcher,
      Analyzer analyzer,
      Query query,
      int[] docIds,
      int snippets,
      int length,
      Map<Integer, Document> stored,
      boolean quickTitles)
      throws IOException {
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withWeightMatches(true)
            .withHighlightPhrasesStrictly(true)
            .withHandleMultiTermQuery(true)
            .withMaxLength(MAX_ANALYZED_CHARS)
            .withMaxNoHighlightPassages(1)
            .withPassageSortComparator(
                Comparator.comparingDouble((Passage p) -> p.getScore())
                    .reversed()
                    .thenComparingInt(Passage::getStartOffset));
    // Titles are marked without the highlighter when the query allows (see TitleMarks): the
    // same marks at a fraction of the cost; the highlighter then only has the bodies to do.
    // one weight, and one matches call per hit, serve the titles' marks and the bodies' snippets
    HitMatches hitMatches =
        quickTitles && TitleMarks.readerIndependent(query) ? new HitMatches(searcher, query) : null;
    Snippet[] marked =
        hitMatches == null
            ? null
            : TitleMarks.mark(hitMatches, analyzer, docIds, stored, MAX_ANALYZED_CHARS, true);
    List<String> fieldList = new ArrayList<>(2);
    List<Integer> passageList = new ArrayList<>(2);
    if (marked == null) {
      fieldList.add(Fields.TITLE);
      passageList.add(1);
    }
    if (snippets > 0) {
      fieldList.add(Fields.BODY);
      passageList.add(snippets);
    }
    Map<String, Object[]> out = Map.of();
    if (!fieldList.isEmpty()) {
      // bodies from the index's own matches when the query means the same there (see
      // IndexMatchesStrategy); the same condition as for the titles
      NewsHighlighter h = new NewsHighlighter(builder, length, stored, hitMatches);
      int[] maxPassages = passageList.stream().mapToInt(Integer::intValue).toArray();
      out = h.highlight(fieldList.toArray(new String[0]), query, docIds, maxPassages);
    }
    Object[] titles = marked != null ? marked : out.get(Fields.TITLE);
    Object[] bodies = snippets > 0 ? out.get(Fields.BODY) : null;
    Highlights[] result = new Highlights[docIds.length];
    for (int i = 0; i < docIds.length; i++) {
      Snippet title = titles[i] instanceof Snippet s ? s : null;
      List<Snippet> body = List.of();
      if (bodies != null && bodies[i] instanceof List<?> list) {
        List<Snippet> b = new ArrayList<>(list.size());
        for (Object o : list) {
          b.add((Snippet) o);
        }
        body = b;
      }
      result[i] = new Highlights(title, body);
    }
    return result;
  }

  /** Per-field break iterators and formatters, and access to the per-field-limit entry point. */
  private static final class NewsHighlighter extends UnifiedHighlighter {
    private final int length;
    private final Map<Integer, Document> stored;
    private final HitMatches indexMatches;

    NewsHighlighter(
        Builder builder, int length, Map<Integer, Document> stored, HitMatches indexMatches) {
      super(builder);
      this.length = length;
      this.stored = stored;
      this.indexMatches = indexMatches;
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
      if (indexMatches != null
          && indexMatches.query().equals(components.query())
          && source == OffsetSource.ANALYSIS
          && Fields.BODY.equals(components.field())
          && components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)) {
        return new IndexMatchesStrategy(components, indexMatches, getIndexAnalyzer());
      }
      return super.getOffsetStrategy(source, components);
    }

    /**
     * The field's info from the first segment that has the field, not from the whole index's
     * merged field infos, which the highlighter builds once per search (a few percent of a
     * search with snippets): the highlighter only reads the index options and whether there are
     * term vectors, and Lucene keeps those the same in every segment of an index.
     */
    @Override
    protected FieldInfo getFieldInfo(String field) {
      IndexSearcher searcher = getIndexSearcher();
      if (searcher == null) {
        return null;
      }
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(field);
        if (info != null) {
          return info;
        }
      }
      return null;
    }

    /** The values of the fields from the hits' documents, cut as the highlighter cuts them. */
    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> out = new ArrayList<>();
      for (int doc = docIter.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        Document d = stored.get(doc);
        CharSequence[] values = new CharSequence[fields.length];
        for (int i = 0; i < fields.length; i++) {
          String v = d.get(fields[i]);
          values[i] = v == null || v.length() <= getMaxLength() ? v : v.substring(0, getMaxLength());
        }
        out.add(values);
      }
      return out;
    }

    Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] maxPassages)
        throws IOException {
      return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
      if (Fields.TITLE.equals(field)) {
        return new WholeBreakIterator();
      }
      return LengthGoalBreakIterator.createClosestToLength(
          BreakIterator.getSentenceInstance(Locale.ROOT), length, 0.5f);
    }

    @Override
    protected PassageFormatter getFormatter(String field) {
      if (Fields.TITLE.equals(field)) {
        return new PassageFormatter() {
          @Override
          public Object format(Passage[] passages, String content) {
            List<int[]> spans = new ArrayList<>();
            for (Passage p : passages) {
              spans.addAll(matches(p));
            }
            return new Snippet(content, toSpans(merge(spans), 0, null, 0));
          }
        };
      }
      return new PassageFormatter() {
        @Override
        public Object format(Passage[] passages, String content) {
          List<Snippet> out = new ArrayList<>(passages.length);
          for (Passage p : passages) {
            Snippet s = snippet(content, p.getStartOffset(), p.getEndOffset(), matches(p), length);
            if (!s.text().isEmpty()) {
              out.add(s);
            }
          }
          return out;
        }
      };
    }
  }

  private static List<int[]> matches(Passage p) {
    List<int[]> m = new ArrayList<>(p.getNumMatches());
    for (int i = 0; i < p.getNumMatches(); i++) {
      m.add(new int[] {p.getMatchStarts()[i], p.getMatchEnds()[i]});
    }
    return m;
  }

  /** Sorts spans and merges overlapping ones (a word inside a phrase that also matched alone). */
  static List<int[]> merge(List<int[]> spans) {
    int[][] sorted = spans.toArray(new int[0][]);
    Arrays.sort(sorted, Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> s[1]));
    List<int[]> out = new ArrayList<>();
    for (int[] s : sorted) {
      if (s[1] <= s[0]) {
        continue;
      }
      int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && s[0] < last[1]) {
        last[1] = Math.max(last[1], s[1]);
      } else {
        out.add(new int[] {s[0], s[1]});
      }
    }
    return out;
  }

  /** Converts content offsets to spans; with a map, through it (see {@link #snippet}). */
  private static List<Span> toSpans(List<int[]> spans, int shift, int[] map, int base) {
    List<Span> out = new ArrayList<>(spans.size());
    for (int[] s : spans) {
      int start = map == null ? s[0] : map[s[0] - base];
      int end = map == null ? s[1] : map[s[1] - 1 - base] + 1;
      out.add(new Span(start + shift, end + shift));
    }
    return out;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * The span to build a cut passage around: the one whose window of {@code goal} characters
   * (starting a quarter of the goal before it) holds the most matched text, so that a phrase late
   * in a long sentence is kept rather than a lone word early in it. Null when there are no spans.
   */
  private static int[] bestWindowAnchor(List<int[]> spans, int goal) {
    int[] best = null;
    int bestCovered = -1;
    for (int[] anchor : spans) {
      int from = anchor[0] - goal / 4;
      int to = from + goal;
      int covered = 0;
      for (int[] s : spans) {
        if (s[0] >= from && s[1] <= to) {
          covered += s[1] - s[0];
        }
      }
      if (covered > bestCovered) {
        best = anchor;
        bestCovered = covered;
      }
    }
    return best;
  }

  /**
   * Builds a body snippet from a passage: cut to about {@code goal} characters around its densest
   * stretch of matches when much longer, at word boundaries, with "…" where cut; whitespace runs
   * collapsed.
   *
   * @param content the field's text
   * @param start the passage's start offset
   * @param end the passage's end offset (exclusive)
   * @param matches match offsets in {@code content}
   * @param goal the length to aim at
   * @return the snippet
   */
  static Snippet snippet(String content, int start, int end, List<int[]> matches, int goal) {
    List<int[]> spans = new ArrayList<>();
    for (int[] m : merge(matches)) {
      if (m[0] >= start && m[1] <= end) {
        spans.add(m);
      }
    }
    int from = start;
    int to = end;
    if (end - start > goal + goal * SLACK) {
      int[] best = bestWindowAnchor(spans, goal);
      int anchor = best == null ? start : best[0];
      int anchorEnd = best == null ? start : best[1];
      from = Math.max(start, anchor - goal / 4);
      to = Math.min(end, from + goal);
      if (to == end) {
        from = Math.max(start, Math.min(from, end - goal));
      }
      to = Math.max(to, anchorEnd);
      if (from > start) {
        // start at a word: move forward to just after a space, never past the first match
        while (from < anchor && !isSpace(content.charAt(from - 1))) {
          from++;
        }
      }
      if (to < end) {
        // end at a word: move back to a space, or forward when the match leaves no room
        int back = to;
        while (back > anchorEnd && !isSpace(content.charAt(back))) {
          back--;
        }
        if (back > anchorEnd || isSpace(content.charAt(back))) {
          to = back;
        } else {
          while (to < end && !isSpace(content.charAt(to))) {
            to++;
          }
        }
      }
      final int f = from;
      final int t = to;
      spans.removeIf(s -> s[0] < f || s[1] > t);
    }
    // collapse whitespace, keeping a map from content offsets to text offsets
    StringBuilder text = new StringBuilder(to - from + 4);
    int[] map = new int[Math.max(0, to - from)];
    boolean pendingSpace = false;
    for (int i = from; i < to; i++) {
      char c = content.charAt(i);
      if (isSpace(c)) {
        pendingSpace = true;
        map[i - from] = text.length();
        continue;
      }
      if (pendingSpace && text.length() > 0) {
        text.append(' ');
      }
      pendingSpace = false;
      map[i - from] = text.length();
      text.append(c);
    }
    if (text.length() == 0) {
      return Snippet.plain("");
    }
    String lead = from > start ? "… " : "";
    String tail = to < end ? " …" : "";
    List<Span> out = toSpans(spans, lead.length(), map, from);
    return new Snippet(lead + text + tail, out);
  }
}
