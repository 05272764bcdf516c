package org.dateline;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The index cannot be opened or written: missing, locked by another writer, corrupt, or on a
 * read-only or full disk. The message names the index and what to do.
 */
public class IndexUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the index is unavailable. */
  public enum Reason {
    /** No index at that path. */
    MISSING,
    /** Another process holds the write lock. */
    LOCKED,
    /** The index files are damaged. */
    CORRUPT,
    /** The folder cannot be written (read-only, permissions, disk full). */
    NOT_WRITABLE
  }

  private final transient Path path;
  private final Reason reason;

  /**
   * Creates one.
   *
   * @param path the index folder
   * @param reason why
   * @param message what happened and what to do
   * @param cause the underlying error, or null
   */
  public IndexUnavailableException(Path path, Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.path = path;
    this.reason = reason;
  }

  /** Returns the index folder. */
  public Path path() {
    return path;
  }

  /** Returns why the index is unavailable. */
  public Reason reason() {
    return reason;
  }
}
