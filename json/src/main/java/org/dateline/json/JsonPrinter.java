package org.dateline.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dateline.Article;
import org.dateline.Bm25;
import org.dateline.Rm3;
import org.dateline.Dates;
import org.dateline.FacetCount;
import org.dateline.FacetResult;
import org.dateline.Hit;
import org.dateline.IndexSummary;
import org.dateline.SearchResult;
import org.dateline.Snippet;
import org.dateline.Span;
import org.dateline.copies.CopyGroup;
import org.dateline.copies.CopyInfo;
import org.dateline.copies.Provenance;
import org.dateline.copies.Relative;
import org.dateline.eval.EvaluationReport;
import org.dateline.eval.Metrics;
import org.dateline.eval.QueryEvaluation;

/**
 * Output for programs, the one JSON contract of the command line's {@code --json} and of the HTTP
 * API: exactly one JSON document per command or response. Key names are a contract (fields may be
 * added, never renamed): see {@link #searchResult}. Dates are UTC days ({@code 2017-01-24}); a
 * missing value is {@code null}. Streaming (jackson-core only): a page of hits is written as it is
 * walked, and the start-up does not pay for data binding.
 */
public final class JsonPrinter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final PrintWriter out;
  private final boolean pretty;

  /**
   * Creates a printer.
   *
   * @param out where to write; each document ends with a line break and a flush, and {@code out}
   *     stays open
   * @param pretty indent (for a person reading a terminal) rather than one line
   */
  public JsonPrinter(PrintWriter out, boolean pretty) {
    this.out = out;
    this.pretty = pretty;
  }

  /**
   * {@code {"query", "total", "offset", "hits": [hit...], "facets": {dimension: [{"label",
   * "count"}...]}, "next"}}, where a hit is {@code {"id", "title", "source", "date", "url",
   * "score", "snippets": [{"text", "highlights": [{"start", "end"}]}], "title_highlights",
   * "fields"}}; highlight offsets index the snippet's text in UTF-16 units, end exclusive.
   *
   * <p>Copies: see {@link #storyCounts} for the result and {@link #copyGroupFields} for each hit.
   *
   * @param r the page of hits
   * @param offset the offset asked for (0 when paging by cursor)
   * @throws IOException when writing fails
   */
  public void searchResult(SearchResult r, int offset) throws IOException {
    try (JsonGenerator g = generator()) {
      g.writeStartObject();
      g.writeStringField("query", r.query());
      g.writeNumberField("total", r.total());
      g.writeNumberField("offset", offset);
      g.writeNumberField("took_ms", r.took().toMillis());
      storyCounts(g, r);
      g.writeArrayFieldStart("hits");
      for (Hit h : r.hits()) {
        hit(g, h);
      }
      g.writeEndArray();
      facetsField(g, r.facets());
      g.writeStringField("next", r.nextCursor());
      g.writeEndObject();
    }
  }

  /**
   * {@code {"query", "total", "count", "stories", "collapsed", "facets": {...}}}, the same facets
   * shape and counting unit fields as a search's.
   *
   * @param r the search whose facets to print (its hits are not printed)
   * @throws IOException when writing fails
   */
  public void facets(SearchResult r) throws IOException {
    try (JsonGenerator g = generator()) {
      g.writeStartObject();
      g.writeStringField("query", r.query());
      g.writeNumberField("total", r.total());
      storyCounts(g, r);
      facetsField(g, r.facets());
      g.writeEndObject();
    }
  }

  /**
   * One hit object, as in a search, with {@code body} (and no score or snippets: null, []), and
   * where its text also appears: {@code "copies"} and {@code "reuses"}, see {@link #provenance}
   * (null when the index does not record copies).
   *
   * @param a the article
   * @param p its provenance, or null when the index does not record copies
   * @throws IOException when writing fails
   */
  public void article(Article a, Provenance p) throws IOException {
    try (JsonGenerator g = generator()) {
      g.writeStartObject();
      articleHead(g, a.id(), a.title(), a.titleDerived(), a.source(), a.date(), a.url());
      g.writeNullField("score");
      g.writeArrayFieldStart("snippets");
      g.writeEndArray();
      fields(g, a.fields());
      if (p == null) {
        copyGroupFields(g, CopyInfo.alone(a.id()));
        g.writeNullField("copies");
        g.writeNullField("reuses");
      } else {
        copyGroupFields(g, p.info());
        provenance(g, p);
      }
      g.writeStringField("body", a.body());
      g.writeEndObject();
    }
  }

  // ---- copies (issue 14): kept together so that they move as one to a shared serializer ----

  /**
   * A search's counting unit: {@code "count"} is {@code "articles"} or {@code "stories"} (what the
   * facets count), {@code "stories"} the number of copy groups among the matches (null when
   * neither counted nor collapsed; {@code total} always counts articles), {@code "collapsed"}
   * whether each hit stands for its whole copy group.
   */
  private static void storyCounts(JsonGenerator g, SearchResult r)
      throws IOException {
    g.writeStringField("count", r.count().name().toLowerCase(java.util.Locale.ROOT));
    if (r.stories() < 0) {
      g.writeNullField("stories");
    } else {
      g.writeNumberField("stories", r.stories());
    }
    g.writeBooleanField("collapsed", r.collapsed());
  }

  /**
   * A hit's copy group: {@code "copy_group"} (its name), {@code "earliest"} (the id of its earliest
   * article), {@code "group_size"} (articles in the index), and, for a collapsed hit, {@code
   * "folded"} (other matching articles of the group it stands for) and {@code "folded_outlets"}
   * (distinct sources of the group's matching articles).
   */
  private static void copyGroupFields(JsonGenerator g, CopyInfo c) throws IOException {
    g.writeStringField("copy_group", c.group());
    g.writeStringField("earliest", c.earliest());
    g.writeNumberField("group_size", c.size());
    g.writeNumberField("folded", c.folded());
    g.writeNumberField("folded_outlets", c.foldedOutlets());
  }

  /**
   * {@code "copies"} and {@code "reuses"}: arrays of {@code {"id", "title", "source", "date",
   * "similarity", "share_of_this", "share_of_other"}}, earliest first; similarity is the Jaccard
   * similarity of the 5-word shingle sets, the shares are of each text's shingles found in the
   * other.
   */
  private static void provenance(JsonGenerator g, Provenance p) throws IOException {
    relatives(g, "copies", p.copies());
    relatives(g, "reuses", p.reuses());
  }

  private static void relatives(JsonGenerator g, String name, List<Relative> list)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (Relative r : list) {
      g.writeStartObject();
      g.writeStringField("id", r.id());
      g.writeStringField("title", r.title());
      g.writeStringField("source", r.source());
      g.writeStringField("date", day(r.date()));
      g.writeNumberField("similarity", round(r.similarity()));
      g.writeNumberField("share_of_this", round(r.shareOfThis()));
      g.writeNumberField("share_of_other", round(r.shareOfOther()));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * {@code {"query", "total_groups", "groups": [{"copy_group", "title", "articles", "group_size",
   * "outlets": [...], "first_date", "last_date", "ids": [...]}]}}: the largest copy groups among
   * the matching articles; {@code articles} counts the group's matching articles, {@code ids} lists
   * them earliest first.
   *
   * @param query the query text as given
   * @param groups the groups, largest first
   * @throws IOException when writing fails
   */
  public void copyGroups(String query, List<CopyGroup> groups) throws IOException {
    try (JsonGenerator g = generator()) {
      g.writeStartObject();
      g.writeStringField("query", query);
      g.writeNumberField("total_groups", groups.size());
      g.writeArrayFieldStart("groups");
      for (CopyGroup c : groups) {
        g.writeStartObject();
        g.writeStringField("copy_group", c.group());
        g.writeStringField("title", c.title());
        g.writeNumberField("articles", c.matching());
        g.writeNumberField("group_size", c.size());
        g.writeArrayFieldStart("outlets");
        for (String o : c.outlets()) {
          g.writeString(o);
        }
        g.writeEndArray();
        g.writeStringField("first_date", day(c.first()));
        g.writeStringField("last_date", day(c.last()));
        g.writeArrayFieldStart("ids");
        for (String id : c.ids()) {
          g.writeString(id);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** A share or similarity to three decimals: enough to read, stable to compare. */
  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /**
   * One extracted article on one line, for {@code dateline extract}: the article's head as in a
   * hit ({@code id}, {@code title}, {@code title_derived}, {@code source}, {@code date}, {@code
   * url}), then {@code modified}, {@code authors}, {@code language} and {@code description} taken
   * out of its fields (null or [] when absent), the other {@code fields}, {@code body}, and with
   * blocks (--explain) {@code blocks}: {@code text}, {@code kept}, {@code reason}.
   */
  public void extracted(Article a, List<org.dateline.ingest.BlockDecision> blocks)
      throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(new NonClosing(out))) {
      g.writeStartObject();
      articleHead(g, a.id(), a.title(), a.titleDerived(), a.source(), a.date(), a.url());
      Map<String, List<String>> rest = new java.util.LinkedHashMap<>(a.fields());
      List<String> modified = rest.remove("modified");
      g.writeStringField("modified", modified == null ? null : modified.get(0));
      List<String> authors = rest.remove("authors");
      g.writeArrayFieldStart("authors");
      for (String name : authors == null ? List.<String>of() : authors) {
        g.writeString(name);
      }
      g.writeEndArray();
      List<String> language = rest.remove("language");
      g.writeStringField("language", language == null ? null : language.get(0));
      List<String> description = rest.remove("description");
      g.writeStringField("description", description == null ? null : description.get(0));
      fields(g, rest);
      g.writeStringField("body", a.body());
      if (blocks != null) {
        g.writeArrayFieldStart("blocks");
        for (org.dateline.ingest.BlockDecision b : blocks) {
          g.writeStartObject();
          g.writeStringField("text", b.text());
          g.writeBooleanField("kept", b.kept());
          g.writeStringField("reason", b.reason());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
  }

  /**
   * {@code {"index", "sample", "articles", "sources", "first_date", "last_date", "undated",
   * "extra_fields", "size_bytes"}}.
   *
   * @param index the index folder
   * @param sample whether it is the sample corpus's index
   * @param s what the index holds
   * @throws IOException when writing fails
   */
  public void stats(Path index, boolean sample, IndexSummary s) throws IOException {
    try (JsonGenerator g = generator()) {
      g.writeStartObject();
      g.writeStringField("index", index.toString());
      g.writeBooleanField("sample", sample);
      g.writeNumberField("articles", s.articles());
      g.writeNumberField("sources", s.sources());
      g.writeStringField("first_date", day(s.firstDate()));
      g.writeStringField("last_date", day(s.lastDate()));
      g.writeNumberField("undated", s.undated());
      g.writeArrayFieldStart("extra_fields");
      for (String f : s.extraFields()) {
        g.writeString(f);
      }
      g.writeEndArray();
      g.writeNumberField("size_bytes", s.sizeBytes());
      g.writeEndObject();
    }
  }

  /**
   * {@code {"index", "sample", "analysis", "k1", "b", "hits", "topics", "queries", "map", "p_30",
   * "ndcg_10", "recall_1000"}}, the measures being means over the {@code queries} judged ones; with
   * {@code perQuery} also {@code "per_query": [{"query", "relevant", "retrieved",
   * "relevant_retrieved", "map", "p_30", "ndcg_10", "recall_1000"}]}.
   *
   * @param index the index folder
   * @param sample whether it is the sample corpus's index
   * @param analysis the label of the index's text analysis
   * @param ranking the BM25 parameters
   * @param hits articles retrieved per topic
   * @param topics how many topics were searched (judged or not)
   * @param report the measures
   * @param perQuery whether to list each query's measures too
   * @throws IOException when writing fails
   */
  public void evaluation(
      Path index,
      boolean sample,
      String analysis,
      Bm25 ranking,
      int hits,
      int topics,
      EvaluationReport report,
      boolean perQuery)
      throws IOException {
    evaluation(index, sample, analysis, ranking, null, hits, topics, report, perQuery);
  }

  /**
   * The measures of an evaluation run, with the query expansion it used: as {@link
   * #evaluation(Path, boolean, String, Bm25, int, int, EvaluationReport, boolean)}, and {@code
   * expansion}, null or {@code {"method": "rm3", "feedback_docs", "feedback_terms",
   * "original_query_weight"}}.
   *
   * @param index the index folder
   * @param sample whether it is the sample corpus's
   * @param analysis the label of the index's text analysis
   * @param ranking the BM25 parameters
   * @param expansion the RM3 parameters, or null when the topics were not expanded
   * @param hits articles retrieved per topic
   * @param topics how many topics were searched
   * @param report the measures
   * @param perQuery whether to include each query's measures
   * @throws IOException when writing fails
   */
  public void evaluation(
      Path index,
      boolean sample,
      String analysis,
      Bm25 ranking,
      Rm3 expansion,
      int hits,
      int topics,
      EvaluationReport report,
      boolean perQuery)
      throws IOException {
    try (JsonGenerator g = generator()) {
      g.writeStartObject();
      g.writeStringField("index", index.toString());
      g.writeBooleanField("sample", sample);
      g.writeStringField("analysis", analysis);
      g.writeNumberField("k1", ranking.k1());
      g.writeNumberField("b", ranking.b());
      if (expansion == null) {
        g.writeNullField("expansion");
      } else {
        g.writeObjectFieldStart("expansion");
        g.writeStringField("method", "rm3");
        g.writeNumberField("feedback_docs", expansion.feedbackDocs());
        g.writeNumberField("feedback_terms", expansion.feedbackTerms());
        g.writeNumberField("original_query_weight", expansion.originalQueryWeight());
        g.writeEndObject();
      }
      g.writeNumberField("hits", hits);
      g.writeNumberField("topics", topics);
      g.writeNumberField("queries", report.queryCount());
      measures(g, report.mean());
      if (perQuery) {
        g.writeArrayFieldStart("per_query");
        for (QueryEvaluation q : report.queries()) {
          g.writeStartObject();
          g.writeStringField("query", q.queryId());
          g.writeNumberField("relevant", q.relevant());
          g.writeNumberField("retrieved", q.retrieved());
          g.writeNumberField("relevant_retrieved", q.relevantRetrieved());
          measures(g, q.metrics());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
  }

  /**
   * {@code {"error": {"status", "message", "parameter", "query", "position"}}}: why a request
   * failed. {@code status} is the HTTP status (400 bad request, 404 no such article, 503 the index
   * cannot be opened); {@code parameter} names the request parameter at fault, {@code query} and
   * {@code position} (0-based, in UTF-16 units) say where a malformed query goes wrong; each is
   * {@code null} when it does not apply.
   *
   * @param status the HTTP status
   * @param message what is wrong, in words a person can act on
   * @param parameter the parameter at fault, or null
   * @param query the query text, or null
   * @param position the offset of the problem in the query, or -1
   * @throws IOException when writing fails
   */
  public void error(int status, String message, String parameter, String query, int position)
      throws IOException {
    try (JsonGenerator g = generator()) {
      g.writeStartObject();
      g.writeObjectFieldStart("error");
      g.writeNumberField("status", status);
      g.writeStringField("message", message);
      g.writeStringField("parameter", parameter);
      g.writeStringField("query", query);
      if (position >= 0) {
        g.writeNumberField("position", position);
      } else {
        g.writeNullField("position");
      }
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  private static void measures(JsonGenerator g, Metrics m) throws IOException {
    g.writeNumberField("map", m.map());
    g.writeNumberField("p_30", m.p30());
    g.writeNumberField("ndcg_10", m.ndcg10());
    g.writeNumberField("recall_1000", m.recall1000());
  }

  private JsonGenerator generator() throws IOException {
    JsonGenerator g = FACTORY.createGenerator(new NonClosing(out));
    if (pretty) {
      g.useDefaultPrettyPrinter();
    }
    return g;
  }

  private static void hit(JsonGenerator g, Hit h) throws IOException {
    g.writeStartObject();
    articleHead(g, h.id(), h.title(), h.titleDerived(), h.source(), h.date(), h.url());
    g.writeNumberField("score", h.score());
    g.writeArrayFieldStart("snippets");
    for (Snippet s : h.snippets()) {
      g.writeStartObject();
      g.writeStringField("text", s.text());
      highlights(g, "highlights", s);
      g.writeEndObject();
    }
    g.writeEndArray();
    highlights(g, "title_highlights", h.titleHighlight());
    fields(g, h.fields());
    copyGroupFields(g, h.copies());
    g.writeEndObject();
  }

  private static void articleHead(
      JsonGenerator g,
      String id,
      String title,
      boolean titleDerived,
      String source,
      Instant date,
      String url)
      throws IOException {
    g.writeStringField("id", id);
    g.writeStringField("title", title);
    g.writeBooleanField("title_derived", titleDerived);
    g.writeStringField("source", source);
    g.writeStringField("date", day(date));
    g.writeStringField("url", url);
  }

  private static void highlights(JsonGenerator g, String name, Snippet s) throws IOException {
    g.writeArrayFieldStart(name);
    for (Span span : s.spans()) {
      g.writeStartObject();
      g.writeNumberField("start", span.start());
      g.writeNumberField("end", span.end());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void fields(JsonGenerator g, Map<String, List<String>> fields) throws IOException {
    g.writeObjectFieldStart("fields");
    for (Map.Entry<String, List<String>> e : fields.entrySet()) {
      g.writeArrayFieldStart(e.getKey());
      for (String v : e.getValue()) {
        g.writeString(v);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void facetsField(JsonGenerator g, Map<String, FacetResult> facets)
      throws IOException {
    g.writeObjectFieldStart("facets");
    for (FacetResult f : facets.values()) {
      g.writeArrayFieldStart(f.dimension());
      for (FacetCount c : f.counts()) {
        g.writeStartObject();
        g.writeStringField("label", c.label());
        g.writeNumberField("count", c.count());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    // What the arrays leave out; a sibling object, since the arrays' shape is fixed.
    g.writeObjectFieldStart("facets_more");
    for (FacetResult f : facets.values()) {
      g.writeObjectFieldStart(f.dimension());
      g.writeNumberField("other_values", f.otherValues());
      g.writeNumberField("other_count", f.otherCount());
      g.writeNumberField("missing", f.missing());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static String day(Instant instant) {
    return instant == null ? null : Dates.isoDay(instant);
  }

  /** Lets the generator close without closing stdout; ends the document with a newline. */
  private static final class NonClosing extends java.io.Writer {
    private final PrintWriter out;

    NonClosing(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      out.write(buf, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
      out.write(s, off, len);
    }

    @Override
    public void flush() {
      out.flush();
    }

    @Override
    public void close() {
      out.println();
      out.flush();
    }
  }
}
