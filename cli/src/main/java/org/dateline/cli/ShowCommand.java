package org.dateline.cli;

import java.io.IOException;
import java.util.Optional;
import org.dateline.Article;
import org.dateline.ArticleSearcher;
import org.dateline.CopiesUnavailableException;
import org.dateline.copies.Provenance;
import org.dateline.json.JsonPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dateline show ID}: one whole article. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Print a whole article with its metadata, then (in an index made with 'index --copies')"
            + " its copies and the articles that reuse part of its text (source, date, similarity,"
            + " earliest first); search prints each hit's id.",
    footer = {
      "",
      "Examples:",
      "  dateline show 002_b4ff9c4aed3994e6.txt",
      "  dateline show 10693 --index ~/reuters --json"
    })
final class ShowCommand extends IndexedCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The article's id.")
  String id;

  @Option(
      names = "--json",
      description = "Print one JSON object (a search hit with its body, copies and reuses).")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Environment env = env();
    Optional<Article> found;
    Provenance provenance = null;
    String noCopies = null;
    try (ArticleSearcher searcher = openSearcher()) {
      found = searcher.find(id);
      if (found.isPresent()) {
        try {
          provenance = searcher.provenance(id).orElse(null);
        } catch (CopiesUnavailableException e) {
          noCopies = e.getMessage(); // the article still shows; its copies are unknown
        }
      }
    }
    if (found.isEmpty()) {
      err().println("dateline: no article with id " + id + (sampleUsed ? "; " + SAMPLE_NOTE : ""));
      return ExitCodes.NO_MATCH;
    }
    if (json) {
      new JsonPrinter(out(), env.stdoutIsTerminal()).article(found.get(), provenance);
    } else {
      TextPrinter printer = new TextPrinter(out(), Marks.of(env));
      printer.article(found.get());
      if (provenance != null) {
        printer.provenance(provenance);
      }
    }
    if (noCopies != null) {
      err().println("dateline: no copies listed: " + noCopies);
    }
    return ExitCodes.OK;
  }
}
