package org.dateline.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.dateline.Problem;

/**
 * Walks a folder tree lazily, depth first, each folder's entries in name order, so that every run
 * reads a corpus in the same order. Only one folder listing per level is held at a time.
 *
 * <p>Hidden entries (name starting with '.') are passed over. Symbolic links are not followed, so a
 * link loop cannot trap the walk; a link that would have been read (to a folder, or named like a
 * wanted file) is a problem of its own.
 */
final class FileTree {
  private final Path root;
  private final Predicate<String> wanted;
  private final Predicate<String> marker;
  private final ProblemLog log;
  private final Deque<Folder> stack = new ArrayDeque<>();
  private boolean started;

  /** One folder being walked: its sorted entries and how far the walk got. */
  private static final class Folder {
    final List<Path> entries;
    int next;
    Boolean marked;

    Folder(List<Path> entries) {
      this.entries = entries;
    }
  }

  /**
   * Creates one.
   *
   * @param root the folder to walk
   * @param wanted which file names to return
   * @param marker which file names mark a folder, see {@link #folderMarked()}
   */
  FileTree(Path root, Predicate<String> wanted, Predicate<String> marker, ProblemLog log) {
    this.root = root;
    this.wanted = wanted;
    this.marker = marker;
    this.log = log;
  }

  /** The next wanted regular file, or null at the end. */
  Path next() throws IOException {
    if (!started) {
      started = true;
      push(root);
    }
    while (!stack.isEmpty()) {
      Folder folder = stack.peek();
      if (folder.next == folder.entries.size()) {
        stack.pop();
        continue;
      }
      Path p = folder.entries.get(folder.next++);
      String name = p.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        log.skip(new Problem(p.toString(), 0, "cannot read: " + e.getMessage()));
        continue;
      }
      if (attrs.isSymbolicLink()) {
        if (wanted.test(name) || Files.isDirectory(p)) {
          log.skip(new Problem(p.toString(), 0, "symbolic link not followed"));
        }
      } else if (attrs.isDirectory()) {
        push(p);
      } else if (attrs.isRegularFile() && wanted.test(name)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Whether the folder of the file last returned holds a file whose name passes the marker test
   * (the file itself included). Worked out once per folder.
   */
  boolean folderMarked() {
    Folder folder = stack.peek();
    if (folder == null) {
      return false;
    }
    if (folder.marked == null) {
      folder.marked =
          folder.entries.stream().anyMatch(p -> marker.test(p.getFileName().toString()));
    }
    return folder.marked;
  }

  private void push(Path dir) throws CorpusFormatException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
      for (Path p : listing) {
        entries.add(p);
      }
    } catch (IOException e) {
      log.skip(new Problem(dir.toString(), 0, "cannot read folder: " + e.getMessage()));
      return;
    }
    entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
    stack.push(new Folder(entries));
  }

  /** The path of a file below the root, with '/' separators whatever the platform. */
  static String relative(Path root, Path file) {
    Path rel = root.relativize(file);
    StringBuilder sb = new StringBuilder();
    for (Path part : rel) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }
}
