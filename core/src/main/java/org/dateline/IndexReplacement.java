package org.dateline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ProblemLog;

/**
 * Rebuilds an index from new input and switches searchers to it in one step, or not at all.
 *
 * <pre>{@code
 * try (IndexReplacement replacement = IndexReplacement.begin(Path.of("news-index"), config)) {
 *   IndexStats stats = replacement.add(reader, log);
 *   if (stats.indexed() > 0) {
 *     replacement.commit();   // searchers now see the new index, whole
 *   }
 * }                           // not committed: the old index is as it was
 * }</pre>
 *
 * <p><b>How.</b> The new index is written into the same folder as the old one, as new segments
 * beside the old segments, and nothing is committed until {@link #commit()}: that one Lucene
 * commit is the switch. Lucene's commit is atomic (a new {@code segments_N} file is written under
 * a temporary name, synced, then renamed), so a searcher that opens the folder finds either the
 * old index or the whole new one, never a mix or nothing; searchers already open keep the old one
 * until they refresh. The old index's files are deleted once the new commit holds. The write lock
 * is held from {@link #begin} to the end, so no other writer adds to an index about to be thrown
 * away.
 *
 * <p><b>Failures.</b> A replacement that is closed without {@link #commit()} (nothing indexed, a
 * strict run that met a bad record, an I/O error, an exception in the caller) discards what it
 * wrote; a process killed before the switch leaves the old commit as the folder's last, and the
 * half-written segments are unreferenced files that the next writer on the folder deletes when it
 * opens. A failed commit (a full disk, a failed rename) leaves the old index as the last commit.
 *
 * <p><b>A damaged index</b> (one no searcher can open: a corrupt or missing commit file, a
 * segment that fails its checksum, an index from an unsupported Lucene version) cannot take new
 * segments beside it, so the new index is built in a sibling folder {@code NAME.replacing-N} while
 * the damaged one's lock is held, and switched in by two folder renames; searchers, which failed on
 * the damaged index anyway, may find no index for the moment between the renames. If the second
 * rename fails the damaged index is put back.
 *
 * <p>Sibling folders left by a replacement that was killed, here or by earlier versions of
 * Dateline ({@code NAME.replacing-N}, {@code NAME.new-N}: partial builds, deleted when the next
 * replacement of the same index begins; {@code NAME.old-UUID}, {@code NAME.damaged-UUID}: a
 * previous index, kept) are listed by {@link #strays()}.
 *
 * <p>Not thread-safe: call it from one thread.
 */
public final class IndexReplacement implements AutoCloseable {
  private static final Pattern PARTIAL_BUILD = Pattern.compile("\\.(replacing|new)-[0-9]+");
  private static final Pattern KEPT_INDEX =
      Pattern.compile("\\.(old|damaged)-[0-9a-f]{8}-[0-9a-f-]{27}");

  /** Moves a folder; tests make it fail. */
  interface Mover {
    void move(Path from, Path to) throws IOException;
  }

  private final Path target;
  private final NewsIndex writer;
  private final Path sibling;
  private final Lock damagedLock;
  private final Directory damagedDir;
  private final boolean createdFolder;
  private final boolean hadIndex;
  private final List<Path> strays;
  private final Mover mover;
  private long written;
  private boolean committed;
  private boolean closed;

  private IndexReplacement(
      Path target,
      NewsIndex writer,
      Path sibling,
      Lock damagedLock,
      Directory damagedDir,
      boolean createdFolder,
      boolean hadIndex,
      List<Path> strays,
      Mover mover) {
    this.target = target;
    this.writer = writer;
    this.sibling = sibling;
    this.damagedLock = damagedLock;
    this.damagedDir = damagedDir;
    this.createdFolder = createdFolder;
    this.hadIndex = hadIndex;
    this.strays = List.copyOf(strays);
    this.mover = mover;
  }

  /**
   * Begins replacing the index in a folder: takes its write lock and opens a writer for the new
   * index. The folder may hold an index (healthy or damaged), be empty, or not exist yet.
   *
   * @param target the index folder
   * @param config how to write the new index; its analysis may differ from the old index's
   * @return the replacement, to {@link #add} articles to and then {@link #commit()}
   * @throws IndexUnavailableException when another process writes the index ({@link
   *     IndexUnavailableException.Reason#LOCKED}), or the folder cannot be written or is a file
   * @throws IllegalArgumentException when {@code target} is a folder holding files that are not an
   *     index: replacing it would delete them
   */
  public static IndexReplacement begin(Path target, IndexConfig config)
      throws IndexUnavailableException {
    return begin(target, config, UnaryOperator.identity(), IndexReplacement::atomicMove);
  }

  /** As {@link #begin(Path, IndexConfig)}, with a wrapper around the folder's directory (tests). */
  static IndexReplacement begin(
      Path target, IndexConfig config, UnaryOperator<Directory> wrap, Mover mover)
      throws IndexUnavailableException {
    Objects.requireNonNull(config, "config");
    Path absolute = target.toAbsolutePath().normalize();
    var file =
        IndexUnavailableException.whenAFile(absolute, IndexUnavailableException.Reason.NOT_WRITABLE);
    if (file.isPresent()) {
      throw file.get();
    }
    boolean createdFolder = !Files.exists(absolute);
    Directory dir = null;
    try {
      Files.createDirectories(absolute);
      dir = wrap.apply(FSDirectory.open(absolute));
      boolean exists = DirectoryReader.indexExists(dir);
      if (!exists) {
        requireNoForeignFiles(absolute, dir);
      }
      if (!exists || readable(dir)) {
        NewsIndex writer = NewsIndex.open(absolute, dir, config, true);
        dir = null; // the writer owns it now
        List<Path> strays = sweepSiblings(absolute, writer);
        return new IndexReplacement(
            absolute, writer, null, null, null, createdFolder, exists, strays, mover);
      }
      return beginBesideDamaged(absolute, dir, config, mover);
    } catch (IOException e) {
      closeQuietly(dir, e);
      throw NewsIndex.unavailable(absolute, e);
    } catch (RuntimeException e) {
      closeQuietly(dir, e);
      throw e;
    }
  }

  private static IndexReplacement beginBesideDamaged(
      Path target, Directory dir, IndexConfig config, Mover mover) throws IOException {
    Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME);
    Path sibling = null;
    try {
      List<Path> strays = sweepSiblings(target, null);
      sibling = Files.createTempDirectory(target.getParent(), target.getFileName() + ".replacing-");
      Directory siblingDir = FSDirectory.open(sibling);
      NewsIndex replacing;
      try {
        replacing = NewsIndex.open(sibling, siblingDir, config, true);
      } catch (IOException | RuntimeException e) {
        closeQuietly(siblingDir, e);
        throw e;
      }
      return new IndexReplacement(target, replacing, sibling, lock, dir, false, false, strays, mover);
    } catch (IOException | RuntimeException e) {
      try {
        lock.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (sibling != null) {
        try {
          deleteTree(sibling);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /** Returns the folder being replaced. */
  public Path path() {
    return target;
  }

  /**
   * Returns sibling folders left by interrupted replacements that may hold an index (an old or
   * damaged one), found when this replacement began; partial builds were deleted instead.
   *
   * @return the folders, for the caller to report
   */
  public List<Path> strays() {
    return strays;
  }

  /**
   * Reads every article from a reader into the new index; nothing becomes visible to searchers.
   * May be called several times. In strict mode the first bad record fails the replacement.
   *
   * @param reader the articles
   * @param log where the reader reports bad records
   * @return what was written and skipped; {@code added} counts distinct ids, {@code replaced} the
   *     later versions of an id this replacement had already written
   * @throws IOException when reading fails in strict mode or writing fails; the replacement can
   *     then only be closed, and the old index stays
   */
  public IndexStats add(ArticleReader reader, ProblemLog log) throws IOException {
    requireOpen();
    IndexStats stats = writer.add(reader, log);
    written += stats.added();
    return stats;
  }

  /**
   * Returns how many distinct articles the new index holds so far.
   *
   * @return the count
   */
  public long written() {
    return written;
  }

  /**
   * Switches searchers to the new index, in one step, and releases the index.
   *
   * @throws IllegalStateException when no article was written (the old index is left as it was:
   *     an empty input is far likelier a mistake than a wish to empty the index), or after close
   * @throws IOException when the switch fails; the old index then stays
   */
  public void commit() throws IOException {
    requireOpen();
    if (written == 0) {
      throw new IllegalStateException(
          "nothing was indexed; the index in " + target + " was left as it was");
    }
    writer.commitReplacement();
    writer.close();
    if (sibling != null) {
      switchFolders();
    }
    committed = true;
    close();
  }

  private void switchFolders() throws IOException {
    Path damaged = target.resolveSibling(target.getFileName() + ".damaged-" + UUID.randomUUID());
    mover.move(target, damaged);
    try {
      mover.move(sibling, target);
    } catch (IOException | RuntimeException e) {
      try {
        mover.move(damaged, target);
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    // The lock file moved with the damaged folder; releasing it there is still ours to do.
    damagedLock.close();
    damagedDir.close();
    deleteTree(damaged);
  }

  /**
   * Ends the replacement. Without a {@link #commit()}, discards everything written: the old index
   * is as it was (and a folder this replacement created is removed again).
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (committed) {
      return;
    }
    IOException failure = null;
    try {
      writer.close(); // a rollback: the new segments are deleted
    } catch (IOException e) {
      failure = e;
    }
    try {
      if (sibling != null) {
        deleteTree(sibling);
        damagedLock.close();
        damagedDir.close();
      } else if (!hadIndex) {
        // Leave no trace of an index that never was: its folder if this made it, else the lock.
        if (createdFolder) {
          deleteIfOnlyIndexFiles(target);
        } else {
          Files.deleteIfExists(target.resolve(IndexWriter.WRITE_LOCK_NAME));
        }
      }
    } catch (IOException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the replacement of " + target + " has ended");
    }
  }

  /** Whether the folder's last commit and its segments can be read. */
  private static boolean readable(Directory dir) throws IOException {
    try {
      SegmentInfos.readLatestCommit(dir);
      return true;
    } catch (CorruptIndexException
        | IndexFormatTooOldException
        | IndexFormatTooNewException
        | java.io.EOFException
        | NoSuchFileException
        | java.io.FileNotFoundException e) {
      return false;
    }
  }

  /**
   * Refuses a folder that holds files Lucene did not write: replacing would delete them. Lucene's
   * own files without a commit are what a killed first run leaves, and are fine.
   */
  private static void requireNoForeignFiles(Path target, Directory dir) throws IOException {
    for (String name : dir.listAll()) {
      if (!isIndexFile(name)) {
        throw new IllegalArgumentException(
            target
                + " holds files but no index (such as "
                + name
                + "); replacing it would delete them. Name another folder");
      }
    }
  }

  /** Whether a file name is one Lucene writes in an index folder (a lock, commit or segment file). */
  static boolean isIndexFile(String name) {
    return name.equals(IndexWriter.WRITE_LOCK_NAME)
        || name.startsWith(IndexFileNames.SEGMENTS)
        || name.startsWith(IndexFileNames.PENDING_SEGMENTS)
        || IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches();
  }

  /**
   * Deletes the partial builds that killed replacements of {@code target} left beside it, and
   * returns the folders that may hold an index. Called with the target's lock held, so no other
   * replacement of it is running.
   */
  private static List<Path> sweepSiblings(Path target, NewsIndex writer) throws IOException {
    Path parent = target.getParent();
    String prefix = target.getFileName().toString();
    List<Path> kept = new ArrayList<>();
    if (parent == null) {
      return kept;
    }
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path p : (Iterable<Path>) siblings::iterator) {
        String name = p.getFileName().toString();
        if (!name.startsWith(prefix) || !Files.isDirectory(p)) {
          continue;
        }
        String rest = name.substring(prefix.length());
        if (PARTIAL_BUILD.matcher(rest).matches() && onlyIndexFiles(p)) {
          deleteTree(p);
        } else if (KEPT_INDEX.matcher(rest).matches()) {
          kept.add(p);
        }
      }
    } catch (IOException e) {
      if (writer != null) {
        writer.close();
      }
      throw e;
    }
    kept.sort(Comparator.naturalOrder());
    return kept;
  }

  private static boolean onlyIndexFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.allMatch(
          f -> Files.isRegularFile(f) && isIndexFile(f.getFileName().toString()));
    }
  }

  private static void deleteIfOnlyIndexFiles(Path folder) throws IOException {
    if (Files.isDirectory(folder) && onlyIndexFiles(folder)) {
      deleteTree(folder);
    }
  }

  private static void atomicMove(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
  }

  static void deleteTree(Path root) throws IOException {
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
    } catch (NotDirectoryException e) {
      Files.deleteIfExists(root);
    }
  }

  private static void closeQuietly(Directory dir, Exception cause) {
    if (dir != null) {
      try {
        dir.close();
      } catch (IOException suppressed) {
        cause.addSuppressed(suppressed);
      }
    }
  }
}
