package org.dateline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The size of a corpus on disk, to set against {@link ArticleReader#bytesRead()} for a progress bar
 * with percent done and time left, as {@code pv} and {@code rsync --progress} show.
 *
 * <p>It counts what the readers of {@link ArticleReaders#open} read or pass over: every file named,
 * whatever its name, and in folder trees the files a folder walk reads for the format (for {@link
 * Format#AUTO}, those with a known extension, archives included; hidden files and symbolic links
 * left out). An archive counts its compressed size, as its reader does.
 */
public final class InputSize {
  private InputSize() {}

  /**
   * Returns the bytes of input in the paths given.
   *
   * @param paths files, folders and archives, as given to {@link ArticleReaders#open}
   * @param format the format they will be read with
   * @return the total size in bytes; a path that does not exist counts nothing, and -1 when a
   *     folder cannot be walked
   */
  public static long of(List<Path> paths, Format format) {
    Objects.requireNonNull(format, "format");
    long total = 0;
    for (Path path : List.copyOf(paths)) {
      if (Files.isDirectory(path)) {
        FileTree tree =
            new FileTree(
                path,
                name -> Members.inCorpus(name, format) != null,
                name -> false,
                new ProblemLog(ReadMode.LENIENT));
        try {
          Path file;
          while ((file = tree.next()) != null) {
            total += of(file);
          }
        } catch (IOException e) {
          return -1;
        }
      } else {
        total += of(path);
      }
    }
    return total;
  }

  /** The size of one file, or 0 when it cannot be had (the reader will report why). */
  static long of(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
