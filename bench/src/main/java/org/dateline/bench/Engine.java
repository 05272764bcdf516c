package org.dateline.bench;

import java.io.IOException;
import java.util.Set;

/** One system's search side, shared by the threads of a run. */
interface Engine extends AutoCloseable {
  /** The modes this system supports. */
  Set<Mode> modes();

  /**
   * Runs one query for its top ten hits.
   *
   * @return the total number of matches (exact)
   */
  long search(BenchQuery query, Mode mode) throws IOException;

  @Override
  void close() throws IOException;
}
