package org.dateline.cli;

import java.util.LinkedHashSet;
import java.util.List;
import org.dateline.DateRange;
import org.dateline.SearchRequest;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The filters search and facets share: {@code --source}, {@code --from}, {@code --to}. */
abstract class FilteredCommand extends IndexedCommand {
  /** What --source says in help (also {@link SearchCommand}'s model, built in code). */
  static final String SOURCE_HELP =
      "Only articles from this source: its name, or words of the name in order (rte finds"
          + " \"RTÉ News\"; a source named exactly S wins over names holding S). Case and"
          + " accents are ignored; repeat for any of several.";

  /** What --from says in help. */
  static final String FROM_HELP =
      "Only articles dated on or after DATE: a day (2017-01-24), month (2017-01), ISO week"
          + " (2017-W04) or year (2017); the first day of a month, week or year counts.";

  /** What --to says in help. */
  static final String TO_HELP =
      "Only articles dated on or before DATE, in the same forms; the last day of a month, week"
          + " or year counts.";

  @Option(names = "--source", paramLabel = "S", description = SOURCE_HELP)
  List<String> sources = List.of();

  @Option(
      names = "--from",
      paramLabel = "DATE",
      converter = DateConverter.class,
      description = FROM_HELP)
  DateRange from;

  @Option(names = "--to", paramLabel = "DATE", converter = DateConverter.class, description = TO_HELP)
  DateRange to;

  /**
   * Adds the index options, then --source, --from and --to, to a model built in code, bound to
   * this command.
   */
  void addFilterOptions(CommandSpec model) {
    addIndexOptions(model);
    model.addOption(
        Specs.<List<String>>option("--source", "S", List.class, v -> sources = v, SOURCE_HELP)
            .auxiliaryTypes(String.class)
            .getter(Specs.getter(() -> sources)) // picocli adds to the list it set first
            .build());
    model.addOption(
        Specs.<DateRange>option("--from", "DATE", DateRange.class, v -> from = v, FROM_HELP)
            .converters(new DateConverter())
            .build());
    model.addOption(
        Specs.<DateRange>option("--to", "DATE", DateRange.class, v -> to = v, TO_HELP)
            .converters(new DateConverter())
            .build());
  }

  /** Returns the request with these filters. */
  SearchRequest filter(SearchRequest request) {
    DateRange dates =
        new DateRange(from == null ? null : from.from(), to == null ? null : to.to());
    return request.withSources(new LinkedHashSet<>(sources)).withDates(dates);
  }

  /** Reads a date label; a bad one is a usage error naming the accepted forms. */
  static final class DateConverter implements ITypeConverter<DateRange> {
    @Override
    public DateRange convert(String value) {
      try {
        return DateRange.ofLabel(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
