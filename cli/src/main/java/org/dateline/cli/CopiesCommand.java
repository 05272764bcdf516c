package org.dateline.cli;

import java.io.IOException;
import java.util.List;
import org.dateline.ArticleSearcher;
import org.dateline.SearchRequest;
import org.dateline.copies.CopyGroup;
import org.dateline.json.JsonPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dateline copies [QUERY]}: the largest copy groups among the matching articles. */
@Command(
    name = "copies",
    mixinStandardHelpOptions = true,
    description = {
      "List the largest copy groups among the articles matching QUERY (all articles without one):"
          + " stories whose same text ran several times, with how far each spread: articles,"
          + " outlets, first and last date, and the ids, earliest first.",
      "Articles are copies when their 5-word sequences overlap by half or more (Jaccard 0.5) and"
          + " their dates are at most 3 days apart; see the README. Needs an index made with"
          + " 'index --copies' (the sample corpus's has it)."
    },
    footer = {
      "",
      "Examples:",
      "  dateline copies --index ~/reuters",
      "  dateline copies 'opec' --index ~/reuters --from 1987-03 --top 5",
      "  dateline copies --index ~/reuters --json | jq '.groups[0].ids'",
      "",
      "Exit status: 0 when some group was found, 1 when none."
    })
final class CopiesCommand extends FilteredCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "QUERY",
      description = "Which articles to look at; all of them when left out.")
  String query = "";

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many groups to list. Default: ${DEFAULT-VALUE}.")
  int top;

  @Option(names = "--json", description = "Print one JSON document instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (top < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--top must be >= 1 (got: " + top + ")");
    }
    Environment env = env();
    List<CopyGroup> groups;
    try (ArticleSearcher searcher = openSearcher()) {
      groups = searcher.copyGroups(filter(SearchRequest.of(query)), top);
    }
    if (json) {
      new JsonPrinter(out(), env.stdoutIsTerminal()).copyGroups(query, groups);
    } else {
      new TextPrinter(out(), Marks.of(env)).copyGroups(groups);
    }
    return groups.isEmpty() ? ExitCodes.NO_MATCH : ExitCodes.OK;
  }
}
