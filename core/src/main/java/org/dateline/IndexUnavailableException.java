package org.dateline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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

  /**
   * Checks that an index path is, or can become, a folder: neither it nor the nearest existing
   * folder above it is a file. Without this check a file is reported as "the folder does not
   * exist" or as a permissions problem, which sends the user looking in the wrong place.
   *
   * @param path the index folder
   * @param reason the reason to give when it is a file
   * @return the error, or empty when the path is fine
   */
  static Optional<IndexUnavailableException> whenAFile(Path path, Reason reason) {
    if (path == null) {
      return Optional.empty();
    }
    Path p = path.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    if (p == null || Files.isDirectory(p)) {
      return Optional.empty();
    }
    String message =
        p.equals(path.toAbsolutePath())
            ? path + " is a file, not an index folder; name the folder that holds the index"
            : "index folder " + path + " cannot exist: " + p + " is a file, not a folder";
    return Optional.of(new IndexUnavailableException(path, reason, message, null));
  }
}
