package org.dateline.ingest;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How readers treat what they read, beyond the format and the problem log.
 *
 * @param keepBoilerplate true to index pages and scraped texts whole, with their menus, teasers and
 *     "related stories"; false (the default) to keep only the article's own text
 * @param explain where readers report each block of text they kept or dropped and why, for
 *     debugging an ingest ({@code dateline extract --explain}); blocks reported between two calls of
 *     {@link ArticleReader#next()} belong to the article (or skipped record) of the second call.
 *     Null when nobody asks, which costs nothing.
 */
public record ReadOptions(boolean keepBoilerplate, Consumer<BlockDecision> explain) {
  /** Boilerplate dropped, nothing explained. */
  public static final ReadOptions DEFAULT = new ReadOptions(false, null);

  /**
   * Returns these options with boilerplate kept or dropped.
   *
   * @param keep true to keep pages and texts whole
   * @return the new options
   */
  public ReadOptions withKeepBoilerplate(boolean keep) {
    return new ReadOptions(keep, explain);
  }

  /**
   * Returns these options reporting every kept or dropped block to {@code listener}.
   *
   * @param listener the listener, not null
   * @return the new options
   */
  public ReadOptions explainingTo(Consumer<BlockDecision> listener) {
    return new ReadOptions(keepBoilerplate, Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Reports a decision to the listener, if there is one.
   *
   * @param decision what was decided
   */
  public void report(BlockDecision decision) {
    if (explain != null) {
      explain.accept(decision);
    }
  }
}
