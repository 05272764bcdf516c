package org.dateline.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.dateline.Article;
import org.dateline.CopiesUnavailableException;
import org.dateline.DateRange;
import org.dateline.FacetRequest;
import org.dateline.IndexSummary;
import org.dateline.IndexUnavailableException;
import org.dateline.InvalidQueryException;
import org.dateline.NewsSearcher;
import org.dateline.SearchRequest;
import org.dateline.SearchResult;
import org.dateline.SortOrder;
import org.dateline.copies.Provenance;

/**
 * The JSON API under {@code /api/}: search, facets, one article, stats. Statuses follow the command
 * line's exit codes: 200 found (also for no hits: an empty page is an answer), 400 a bad parameter
 * or query (1 and 2), 404 no such article or endpoint, 503 the index cannot be opened or read (3),
 * 500 a bug (70).
 */
final class Api implements HttpHandler {
  /** Most hits one API page may hold; a page of the web is 10. */
  static final int MAX_LIMIT = 1000;

  private static final String ARTICLES = "/api/articles/";

  private final LiveSearcher searchers;
  private final boolean sample;
  private final Consumer<Throwable> internalErrors;

  Api(LiveSearcher searchers, boolean sample, Consumer<Throwable> internalErrors) {
    this.searchers = searchers;
    this.sample = sample;
    this.internalErrors = internalErrors;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        Responses.error(
            ex, 405, "only GET and HEAD are allowed (got: " + method + ")", null, null, -1);
        return;
      }
      String path = ex.getRequestURI().getPath();
      String query = ex.getRequestURI().getRawQuery();
      try {
        route(ex, path, Params.parse(query));
      } catch (BadParameterException e) {
        Responses.error(ex, 400, e.getMessage(), e.parameter(), null, -1);
      } catch (InvalidQueryException e) {
        Responses.error(ex, 400, e.getMessage(), "q", e.query(), e.position());
      } catch (IndexUnavailableException e) {
        Responses.error(ex, 503, e.getMessage(), null, null, -1);
      } catch (IllegalArgumentException e) {
        Responses.error(ex, 400, e.getMessage(), null, null, -1);
      } catch (IOException e) {
        Responses.error(
            ex,
            503,
            "the index " + searchers.index() + " cannot be read: " + e.getMessage(),
            null,
            null,
            -1);
      } catch (RuntimeException e) {
        internalErrors.accept(e);
        Responses.error(
            ex,
            500,
            "internal error (" + e.getClass().getName() + "); please report it",
            null,
            null,
            -1);
      }
    }
  }

  private void route(HttpExchange ex, String path, Params p) throws IOException {
    switch (path) {
      case "/api/search" -> search(ex, p);
      case "/api/facets" -> facets(ex, p);
      case "/api/stats" -> stats(ex);
      default -> {
        if (path.startsWith(ARTICLES) && path.length() > ARTICLES.length()) {
          article(ex, path.substring(ARTICLES.length()));
        } else {
          Responses.error(
              ex,
              404,
              "no such endpoint: "
                  + path
                  + " (there are /api/search, /api/facets, /api/articles/{id} and /api/stats)",
              null,
              null,
              -1);
        }
      }
    }
  }

  /**
   * {@code /api/search?q=&from=&to=&source=&sort=&limit=&offset=&after=&facets=&top=&snippets=
   * &histogram_from=&histogram_to=&collapse=&count=&highlight=}.
   */
  private void search(HttpExchange ex, Params p) throws IOException {
    SearchRequest request =
        filtered(p)
            .sortBy(p.choice("sort", SortOrder.class, SortOrder.RELEVANCE))
            .snippets(
                p.integer(
                    "snippets", SearchRequest.DEFAULT_SNIPPETS, 0, SearchRequest.MAX_SNIPPETS),
                SearchRequest.DEFAULT_SNIPPET_LENGTH)
            .withCollapse(p.bool("collapse", false))
            .withHighlight(p.bool("highlight", true));
    int limit = p.integer("limit", SearchRequest.DEFAULT_LIMIT, 1, MAX_LIMIT);
    String after = p.text("after", null);
    if (after != null) {
      if (p.text("offset", null) != null) {
        throw new BadParameterException(
            "offset", "offset and after cannot be used together: give one");
      }
      if (request.collapse()) {
        throw new BadParameterException(
            "after", "a collapsed search pages by offset, not after: give offset");
      }
      request = request.page(0, limit).after(after);
    } else {
      int offset = p.integer("offset", 0, 0, SearchRequest.MAX_WINDOW - limit);
      request = request.page(offset, limit);
    }
    List<String> dims = p.list("facets");
    if (!dims.isEmpty()) {
      request = request.facets(new FacetRequest(dims, p.integer("top", 10, 1, 1000), histogram(p)));
    }
    SearchResult result = run(request, "facets");
    int offset = request.offset();
    Responses.json(ex, 200, json -> json.searchResult(result, offset));
  }

  /** {@code /api/facets?q=&by=&from=&to=&source=&top=&histogram_from=&histogram_to=&count=}. */
  private void facets(HttpExchange ex, Params p) throws IOException {
    List<String> by = p.list("by");
    SearchRequest request =
        filtered(p)
            .page(0, 1)
            .snippets(0, SearchRequest.DEFAULT_SNIPPET_LENGTH)
            .facets(
                new FacetRequest(
                    by.isEmpty() ? List.of("source", "month") : by,
                    p.integer("top", 10, 1, 1000),
                    histogram(p)));
    SearchResult result = run(request, "by");
    Responses.json(ex, 200, json -> json.facets(result));
  }

  /**
   * Runs a search. The core's argument errors at search time are a cursor it cannot use and a facet
   * dimension the index does not have; each is blamed on its parameter.
   *
   * @param facetParameter the parameter that named the facet dimensions
   */
  private SearchResult run(SearchRequest request, String facetParameter) throws IOException {
    NewsSearcher searcher = searchers.get();
    try {
      return searcher.search(request);
    } catch (CopiesUnavailableException e) {
      throw new BadParameterException(request.collapse() ? "collapse" : "count", e.getMessage());
    } catch (InvalidQueryException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      boolean cursorAtFault = request.cursor() != null;
      if (cursorAtFault && !request.facets().isEmpty()) {
        try {
          searcher.search(request.facets(FacetRequest.NONE));
          cursorAtFault = false;
        } catch (IllegalArgumentException again) {
          cursorAtFault = true;
        }
      }
      if (cursorAtFault) {
        throw new BadParameterException(
            "after", "after is not a cursor this search can use: " + e.getMessage());
      }
      if (!request.facets().isEmpty()) {
        throw new BadParameterException(facetParameter, facetParameter + ": " + e.getMessage());
      }
      throw e;
    }
  }

  private void article(HttpExchange ex, String id) throws IOException {
    NewsSearcher searcher = searchers.get();
    Optional<Article> found = searcher.find(id);
    if (found.isEmpty()) {
      Responses.error(ex, 404, "no article with id " + id, "id", null, -1);
      return;
    }
    // copies and reuses are null in an index made without copy detection
    Provenance provenance =
        searcher.copies().enabled() ? searcher.provenance(id).orElse(null) : null;
    Responses.json(ex, 200, json -> json.article(found.get(), provenance));
  }

  private void stats(HttpExchange ex) throws IOException {
    IndexSummary summary = searchers.get().summary();
    Responses.json(ex, 200, json -> json.stats(searchers.index(), sample, summary));
  }

  /** The query and the filters search and facets share: q, source, from, to. */
  private static SearchRequest filtered(Params p) {
    DateRange from = date(p, "from");
    DateRange to = date(p, "to");
    java.time.LocalDate first = from == null ? null : from.from();
    java.time.LocalDate last = to == null ? null : to.to();
    if (first != null && last != null && last.isBefore(first)) {
      throw new BadParameterException(
          "to", "to must not be before from (got: from " + first + ", to " + last + ")");
    }
    return SearchRequest.of(p.text("q", ""))
        .withSources(new LinkedHashSet<>(p.all("source")))
        .withDates(new DateRange(first, last))
        .withCount(p.choice("count", SearchRequest.Count.class, SearchRequest.Count.ARTICLES));
  }

  /**
   * The days date histograms span: {@code histogram_from} and {@code histogram_to}, else the
   * matching articles' own first and last day.
   */
  private static DateRange histogram(Params p) {
    DateRange from = date(p, "histogram_from");
    DateRange to = date(p, "histogram_to");
    java.time.LocalDate first = from == null ? null : from.from();
    java.time.LocalDate last = to == null ? null : to.to();
    if (first != null && last != null && last.isBefore(first)) {
      throw new BadParameterException(
          "histogram_to",
          "histogram_to must not be before histogram_from (got: " + first + ", " + last + ")");
    }
    return new DateRange(first, last);
  }

  private static DateRange date(Params p, String name) {
    String v = p.text(name, null);
    if (v == null) {
      return null;
    }
    return DateRange.findLabel(v)
        .orElseThrow(
            () ->
                new BadParameterException(
                    name,
                    name
                        + " must be a year (2017), month (2017-01), ISO week (2017-W04) or day"
                        + " (2017-01-24) (got: "
                        + v
                        + ")"));
  }
}
