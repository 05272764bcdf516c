package org.dateline.ingest;

import java.util.Objects;

/**
 * One block of a page or scraped text (a paragraph, a heading, a list, a line of a teaser list)
 * and whether the reader kept it as the article's text, with the reason.
 *
 * @param text the block's text, as read
 * @param kept true when it is part of the article's text
 * @param reason why, in a few words (e.g. "link density 0.9", "teaser run after the story")
 */
public record BlockDecision(String text, boolean kept, String reason) {
  /** Validates. */
  public BlockDecision {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reason, "reason");
  }
}
