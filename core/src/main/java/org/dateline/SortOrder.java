package org.dateline;

/** How search hits are ordered. Equal keys are always ordered by article id, ascending. */
public enum SortOrder {
  /** Best match first (BM25 score, descending). */
  RELEVANCE,
  /** Most recent first; articles without a date come last. */
  NEWEST,
  /** Oldest first; articles without a date come last. */
  OLDEST
}
