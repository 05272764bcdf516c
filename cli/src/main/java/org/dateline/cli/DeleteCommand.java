package org.dateline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dateline.IndexUnavailableException;
import org.dateline.NewsIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dateline delete ID...}: removes articles from an index. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete articles from an index by id.",
    footer = {"", "Examples:", "  dateline delete 12345 12346 --index ~/reuters"})
final class DeleteCommand extends IndexedCommand {
  @Parameters(arity = "1..*", paramLabel = "ID", description = "Ids of the articles to delete.")
  List<String> ids;

  @Override
  public Integer call() throws IOException {
    Path folder = forWriting();
    if (Files.isRegularFile(folder)) {
      throw new IndexUnavailableException(
          folder,
          IndexUnavailableException.Reason.MISSING,
          folder + " is a file, not an index folder; name the folder that holds the index",
          null);
    }
    if (!Files.isDirectory(folder)) {
      // NewsIndex.open would create an empty index there: say instead that there is none.
      throw new IndexUnavailableException(
          folder,
          IndexUnavailableException.Reason.MISSING,
          "no index at " + folder + "; check the path, or create one with dateline index",
          null);
    }
    long found;
    try (NewsIndex news = NewsIndex.open(folder)) {
      found = news.delete(ids);
    }
    out()
        .println(
            String.format(
                Locale.ROOT, "Deleted %,d of the %,d ids given.", found, ids.stream().distinct().count()));
    return found > 0 ? ExitCodes.OK : ExitCodes.NO_MATCH;
  }
}
