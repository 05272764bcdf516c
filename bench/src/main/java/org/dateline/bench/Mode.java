package org.dateline.bench;

import java.util.Locale;

/** What a search returns besides the top ten ids and scores. */
enum Mode {
  /**
   * Top ten and the exact total: ids and scores, no snippets, and (Dateline) no marks in the
   * titles ({@code SearchRequest.withHighlight(false)}), as plain Lucene's bare mode highlights
   * nothing.
   */
  BARE,
  /** And one highlighted body snippet per hit (Dateline: and the title's marks). */
  SNIPPETS,
  /** And source and month facet counts. */
  FACETS,
  /**
   * Bare, with one hit per copy group ("+N copies") and the story count: Dateline on an index
   * with copy detection only (bench/copies.sh).
   */
  COLLAPSE;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
