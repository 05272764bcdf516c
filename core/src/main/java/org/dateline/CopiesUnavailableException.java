package org.dateline;

/**
 * Asked for copies (collapsing, story counts, copy groups, provenance) of articles that were
 * indexed without copy detection: a local index created without {@link
 * org.dateline.copies.CopyPolicy#DEFAULT copy detection}, or a searcher that has none (SolrCloud).
 * The message says how to turn it on.
 */
public final class CopiesUnavailableException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  /** What a local index's message says to do. */
  public static final String HOW =
      "copy detection is chosen when an index is created: rebuild it with"
          + " 'dateline index --copies --replace' (IndexConfig.withCopies(CopyPolicy.DEFAULT))";

  /**
   * Creates the exception.
   *
   * @param message what was asked of which articles, and how to turn detection on
   */
  public CopiesUnavailableException(String message) {
    super(message);
  }

  /**
   * The exception for a local index created without detection.
   *
   * @param what what was asked, as {@code "--collapse"}
   * @param index the index folder, or null
   * @return the exception
   */
  public static CopiesUnavailableException forIndex(String what, Object index) {
    return new CopiesUnavailableException(
        what
            + " needs copy detection, which the index"
            + (index == null ? "" : " " + index)
            + " was created without; "
            + HOW);
  }
}
