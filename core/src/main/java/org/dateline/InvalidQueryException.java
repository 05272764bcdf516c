package org.dateline;

/**
 * A query that cannot be run: malformed syntax, a bad date, a term that expands too far. The
 * message says what is wrong in words a person can act on; {@link #position()} says where.
 */
public class InvalidQueryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String query;
  private final int position;

  /**
   * Creates one.
   *
   * @param query the query text as given
   * @param position the 0-based character offset in the query where the problem is, or -1 when
   *     it concerns the whole query
   * @param message what is wrong
   */
  public InvalidQueryException(String query, int position, String message) {
    super(message);
    this.query = query;
    this.position = position;
  }

  /** Returns the query text as given. */
  public String query() {
    return query;
  }

  /** Returns the 0-based offset of the problem in {@link #query()}, or -1. */
  public int position() {
    return position;
  }
}
