package org.dateline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.dateline.IndexUnavailableException;
import org.dateline.NewsIndex;
import org.dateline.NewsSearcher;

/**
 * {@code index --replace}: a new index built in a sibling folder and swapped in only when
 * complete, so searches see the old index until the new one is whole. The old index's write lock
 * is held meanwhile, so no other writer adds to an index about to be thrown away.
 */
final class Replacement implements AutoCloseable {
  private final Path target;
  private final Path folder;
  private final NewsIndex guard;
  private boolean swapped;

  private Replacement(Path target, Path folder, NewsIndex guard) {
    this.target = target;
    this.folder = folder;
    this.guard = guard;
  }

  /**
   * Locks the index in {@code target} and makes the sibling folder to build the new one in.
   *
   * @throws IllegalArgumentException when {@code target} holds files but no index: replacing it
   *     would delete them
   */
  static Replacement begin(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    requireIndexOrEmpty(absolute);
    NewsIndex guard = NewsIndex.open(absolute);
    try {
      Path folder = Files.createTempDirectory(absolute.getParent(), absolute.getFileName() + ".new-");
      return new Replacement(absolute, folder, guard);
    } catch (IOException | RuntimeException e) {
      guard.close();
      throw e;
    }
  }

  /** Returns the folder to build the new index in. */
  Path folder() {
    return folder;
  }

  /** Swaps the new index in: old folder renamed away, new one renamed in, old one deleted. */
  void commit() throws IOException {
    guard.close();
    Path old = target.resolveSibling(target.getFileName() + ".old-" + UUID.randomUUID());
    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    Files.move(folder, target, StandardCopyOption.ATOMIC_MOVE);
    swapped = true;
    deleteTree(old);
  }

  /** Releases the lock and, when the swap did not happen, deletes the half-built index. */
  @Override
  public void close() throws IOException {
    if (!swapped) {
      try {
        guard.close();
      } finally {
        deleteTree(folder);
      }
    }
  }

  private static void requireIndexOrEmpty(Path target) throws IOException {
    if (!Files.isDirectory(target)) {
      return;
    }
    try (Stream<Path> entries = Files.list(target)) {
      if (entries.findAny().isEmpty()) {
        return;
      }
    }
    try (NewsSearcher ignored = NewsSearcher.open(target)) {
      // an index: fine to replace
    } catch (IndexUnavailableException e) {
      if (e.reason() == IndexUnavailableException.Reason.MISSING) {
        throw new IllegalArgumentException(
            target + " holds files but no index; --replace would delete them. Name another folder");
      }
      // locked is caught by the guard; corrupt is a good reason to replace
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
