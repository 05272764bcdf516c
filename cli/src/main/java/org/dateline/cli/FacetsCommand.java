package org.dateline.cli;

import java.io.IOException;
import java.util.List;
import org.dateline.ArticleSearcher;
import org.dateline.DateRange;
import org.dateline.FacetRequest;
import org.dateline.SearchRequest;
import org.dateline.SearchResult;
import org.dateline.json.JsonPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dateline facets [QUERY]}: counts of the matching articles by source, date or field. */
@Command(
    name = "facets",
    mixinStandardHelpOptions = true,
    description = {
      "Count the articles matching QUERY (all articles without one) by source, by date or by an"
          + " extra field, as tables with a bar per count. Date histograms list every bucket"
          + " between the first and the last match, empty ones too.",
      "Each dimension's counts apply every filter but its own (drill-sideways): with --source"
          + " Reuters, the source table still shows the other sources' counts."
    },
    footer = {
      "",
      "Examples:",
      "  dateline facets",
      "  dateline facets microsoft --by source --by year",
      "  dateline facets oil --index ~/reuters --by topics --by week --from 1987-03 --to 1987-03",
      "  dateline facets --by month --json",
      "  dateline facets oil --index ~/reuters --by source --count stories"
    })
final class FacetsCommand extends FilteredCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "QUERY",
      description = "Which articles to count; all of them when left out.")
  String query = "";

  @Option(
      names = "--by",
      paramLabel = "DIM",
      description =
          "source, year, month, week, day, or an extra field such as topics; repeat for several."
              + " Default: source and month.")
  List<String> by = List.of("source", "month");

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "Values listed per source or field table. Default: ${DEFAULT-VALUE}.")
  int topN;

  @Option(names = "--json", description = "Print one JSON document instead of tables.")
  boolean json;

  @Option(
      names = "--count",
      paramLabel = "UNIT",
      defaultValue = "articles",
      converter = SearchCommand.CountConverter.class,
      description =
          "articles or stories: with stories, the copies of one story count once per value (and"
              + " once per date, where the story first appeared; needs an index made with 'index"
              + " --copies'). Default: ${DEFAULT-VALUE}.")
  SearchRequest.Count count;

  @Override
  public Integer call() throws IOException {
    Environment env = env();
    SearchRequest request =
        filter(SearchRequest.of(query))
            .page(0, 1)
            .snippets(0, SearchRequest.DEFAULT_SNIPPET_LENGTH)
            .facets(new FacetRequest(by, topN, DateRange.ALL))
            .withCount(count);
    SearchResult result;
    try (ArticleSearcher searcher = openSearcher()) {
      result = searcher.search(request);
    }
    if (json) {
      new JsonPrinter(out(), env.stdoutIsTerminal())
          .facets(result);
    } else {
      TextPrinter out = new TextPrinter(out(), Marks.of(env));
      out.facetsSummary(result.total(), result.stories());
      out.facets(result.facets());
    }
    if (result.total() == 0) {
      noteSample();
      return ExitCodes.NO_MATCH;
    }
    return ExitCodes.OK;
  }
}
