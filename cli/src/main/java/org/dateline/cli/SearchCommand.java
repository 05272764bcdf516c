package org.dateline.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dateline.ArticleSearcher;
import org.dateline.FacetRequest;
import org.dateline.Rm3;
import org.dateline.SearchRequest;
import org.dateline.SearchResult;
import org.dateline.SortOrder;
import org.dateline.json.JsonPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code dateline search QUERY}: one page of hits with highlighted snippets.
 *
 * <p>Its picocli model is built in code ({@link #commandLine()}), not read from annotations: a
 * search is the command run most often in a process of its own, and picocli's reflection over
 * annotations was about a sixth of its CPU time (see {@link Specs}). The other commands keep
 * their annotations; the options shared with them take their help texts from the same constants.
 */
final class SearchCommand extends FilteredCommand {
  private static final String[] DESCRIPTION = {
    "Search the index and print one page of hits: rank, title, source, date and id, then"
        + " snippets with the matches marked (bold red on a terminal, **like this** otherwise).",
    "QUERY uses Lucene's syntax: words (stemmed; every word must match unless OR is written),"
        + " \"exact phrases\", -excluded, AND OR NOT, prefix*, title:word, source:name (or a"
        + " word of it), date:2017-01.",
    "English function words (the, in, which...) written bare in a query with other words are"
        + " dropped; quote them (\"the who\") or require them (+the) to search for them."
  };

  private static final String[] FOOTER = {
    "",
    "Examples:",
    "  dateline search '\"stored communications act\"'",
    "  dateline search 'microsoft AND warrant' --from 2017-01 --to 2017-01 --sort newest",
    "  dateline search oil --index ~/reuters --source Reuters --limit 20 --facets",
    "  dateline search oil --index ~/reuters --json | jq '.hits[].title'",
    "  dateline search 'banks raised their prime rate' --index ~/reuters --expand",
    "  dateline search 'opec' --index ~/reuters --collapse --count stories",
    "",
    "Exit status: 0 when something matched, 1 when nothing did, 2 for a bad query or option,"
        + " 3 when the index cannot be opened."
  };

  String query;
  SortOrder sort;
  int limit;
  Integer offset;
  String after;
  int snippets;
  boolean noHighlight;
  boolean facets;
  boolean expand;
  boolean json;
  boolean collapse;
  SearchRequest.Count count;

  /** Returns a command line for a new search command, its model built in code. */
  static CommandLine commandLine() {
    return new CommandLine(new SearchCommand().model());
  }

  /** The model picocli would read from {@code @Command}, {@code @Parameters} and {@code @Option}. */
  private CommandSpec model() {
    CommandSpec m = CommandSpec.wrapWithoutInspection(this);
    spec = m;
    m.name("search");
    m.usageMessage().description(DESCRIPTION).footer(FOOTER);
    // In the order picocli reads them (superclasses' fields first, the help mixin last), which
    // the completion script keeps.
    addFilterOptions(m);
    m.addPositional(
        PositionalParamSpec.builder()
            .index("0")
            .arity("1")
            .required(true)
            .paramLabel("QUERY")
            .type(String.class)
            .hasInitialValue(false)
            .description("What to look for.")
            .setter(Specs.<String>setter(v -> query = v))
            .build());
    m.addOption(
        Specs.<SortOrder>option(
                "--sort",
                "ORDER",
                SortOrder.class,
                v -> sort = v,
                "relevance, newest or oldest. Default: ${DEFAULT-VALUE}.")
            .defaultValue("relevance")
            .build());
    m.addOption(
        Specs.<Integer>option(
                "--limit", "N", int.class, v -> limit = v, "Hits per page. Default: ${DEFAULT-VALUE}.")
            .defaultValue("" + SearchRequest.DEFAULT_LIMIT)
            .build());
    m.addOption(
        Specs.<Integer>option("--offset", "N", Integer.class, v -> offset = v, "Skip the first N hits.")
            .build());
    m.addOption(
        Specs.<String>option(
                "--after",
                "CURSOR",
                String.class,
                v -> after = v,
                "Start after the page that printed this cursor (--json's \"next\"); instead of"
                    + " --offset.")
            .build());
    m.addOption(
        Specs.<Integer>option(
                "--snippets",
                "N",
                int.class,
                v -> snippets = v,
                "Snippets per hit, 0 for none. Default: ${DEFAULT-VALUE}.")
            .defaultValue("" + SearchRequest.DEFAULT_SNIPPETS)
            .build());
    m.addOption(
        Specs.flag(
            "--no-highlight",
            v -> noHighlight = v,
            "Mark no matches: plain titles, and snippets from the start of each article. The hits"
                + " and the total are the same; the search skips the highlighter's work."));
    m.addOption(
        Specs.flag("--facets", v -> facets = v, "Also count the hits by source and by month."));
    m.addOption(
        Specs.flag(
            "--expand",
            v -> expand = v,
            "Reorder the hits with words of the best ones (RM3 pseudo-relevance feedback: 10"
                + " articles, 10 words, half the weight on the query as written). The hits and the"
                + " total stay the query's; filters stay filters. Local indexes only."));
    m.addOption(Specs.flag("--json", v -> json = v, "Print one JSON document instead of text."));
    m.addOption(
        Specs.flag(
            "--collapse",
            v -> collapse = v,
            "One hit per copy group (articles that are the same story text): the group's best hit"
                + " in this order, with \"+N copies in M outlets\". Pages by --offset. Needs an"
                + " index made with 'index --copies'."));
    m.addOption(
        Specs.<SearchRequest.Count>option(
                "--count",
                "UNIT",
                SearchRequest.Count.class,
                v -> count = v,
                "articles or stories: also count the copy groups among the matches, and count facets"
                    + " by story (stories need an index made with 'index --copies'). Default:"
                    + " ${DEFAULT-VALUE}.")
            .defaultValue("articles")
            .converters(new CountConverter())
            .build());
    return Specs.withStandardHelp(m);
  }

  @Override
  public Integer call() throws IOException {
    if (offset != null && after != null) {
      throw new ParameterException(
          spec.commandLine(), "--offset and --after cannot be used together: give one");
    }
    if (collapse && after != null) {
      throw new ParameterException(
          spec.commandLine(), "--collapse pages by --offset, not --after: give --offset");
    }
    Environment env = env();
    SearchRequest request =
        filter(SearchRequest.of(query))
            .sortBy(sort)
            .page(offset == null ? 0 : offset, limit)
            .snippets(snippets, SearchRequest.DEFAULT_SNIPPET_LENGTH)
            .withCollapse(collapse)
            .withCount(count)
            .withHighlight(!noHighlight);
    if (after != null) {
      request = request.after(after);
    }
    if (expand) {
      request = request.expand(Rm3.DEFAULT);
    }
    if (facets) {
      request = request.facets(FacetRequest.of("source", "month"));
    }
    SearchResult result;
    try (ArticleSearcher searcher = openSearcher()) {
      result = searcher.search(request);
    }
    if (json) {
      new JsonPrinter(out(), env.stdoutIsTerminal())
          .searchResult(result, request.offset());
    } else {
      long firstRank = after == null ? request.offset() + 1L : 0;
      new TextPrinter(out(), Marks.of(env))
          .searchResult(result, firstRank, nextPage(request, result));
    }
    if (result.total() == 0) {
      noteSample();
      return ExitCodes.NO_MATCH;
    }
    return ExitCodes.OK;
  }

  /**
   * The command for the next page: this one's arguments with the page moved on. By offset while
   * that is allowed (ranks stay known), by cursor beyond.
   */
  private String nextPage(SearchRequest request, SearchResult result) {
    boolean more =
        collapse
            ? (long) request.offset() + result.hits().size() < result.stories()
            : result.hasMore();
    if (!more) {
      return null;
    }
    List<String> args = new ArrayList<>();
    args.add("dateline");
    List<String> given = spec.commandLine().getParseResult().originalArgs();
    for (int i = 0; i < given.size(); i++) {
      String a = given.get(i);
      if (a.equals("--offset") || a.equals("--after")) {
        i++; // and its value
      } else if (!a.startsWith("--offset=") && !a.startsWith("--after=")) {
        args.add(a);
      }
    }
    long nextOffset = (long) request.offset() + result.hits().size();
    if (collapse || after == null && nextOffset + request.limit() <= SearchRequest.MAX_WINDOW) {
      args.add("--offset");
      args.add(String.valueOf(nextOffset));
    } else {
      args.add("--after");
      args.add(result.nextCursor());
    }
    return Shell.join(args);
  }

  /** Reads {@code articles} or {@code stories}, in any case. */
  static final class CountConverter implements CommandLine.ITypeConverter<SearchRequest.Count> {
    @Override
    public SearchRequest.Count convert(String value) {
      try {
        return SearchRequest.Count.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "expected articles or stories (got: " + value + ")");
      }
    }
  }
}
