package org.dateline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an index holds, for a {@code stats} overview.
 *
 * @param articles how many articles
 * @param sources how many distinct sources (by their value as written)
 * @param firstDate the earliest article date, or null when no article has a date
 * @param lastDate the latest article date, or null when no article has a date
 * @param undated how many articles have no date
 * @param extraFields the extra keyword fields present, sorted by name
 * @param sizeBytes the size of the index's files on disk
 */
public record IndexSummary(
    long articles,
    long sources,
    Instant firstDate,
    Instant lastDate,
    long undated,
    List<String> extraFields,
    long sizeBytes) {
  /** Validates and copies. */
  public IndexSummary {
    Check.argument(articles >= 0, "articles must be >= 0 (got: %d)", articles);
    extraFields = List.copyOf(extraFields);
    Objects.requireNonNull(extraFields, "extraFields");
  }

  /** Returns the earliest article date, if any article has one. */
  public Optional<Instant> findFirstDate() {
    return Optional.ofNullable(firstDate);
  }

  /** Returns the latest article date, if any article has one. */
  public Optional<Instant> findLastDate() {
    return Optional.ofNullable(lastDate);
  }
}
