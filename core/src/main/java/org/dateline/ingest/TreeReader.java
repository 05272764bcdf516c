package org.dateline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.dateline.Problem;

/**
 * Reads a folder tree: each file by the reader its name and the format call for (see {@link
 * Members}), text files with the folder's metadata.
 */
final class TreeReader extends ChainReader {
  private final Path root;
  private final Format format;
  private final boolean archives;
  private final ProblemLog log;
  private final ReadOptions options;
  private final FileTree tree;
  private Metadata metadata;

  /**
   * Creates one.
   *
   * @param archives whether to read the archives found in the tree
   */
  TreeReader(Path root, Format format, boolean archives, ProblemLog log) {
    this(root, format, archives, log, ReadOptions.DEFAULT);
  }

  /**
   * Creates one whose web pages are read with options.
   *
   * @param archives whether to read the archives found in the tree
   */
  TreeReader(Path root, Format format, boolean archives, ProblemLog log, ReadOptions options) {
    this.root = root;
    this.format = format;
    this.archives = archives;
    this.log = log;
    this.options = options;
    this.tree = new FileTree(root, name -> wanted(name) != null, Members::structured, log);
  }

  private Members.Kind wanted(String name) {
    if ((format == Format.AUTO || format == Format.FEED) && Members.maybeFeed(name)) {
      return Members.Kind.FEED; // if its content says so, see nextReader
    }
    Members.Kind k = Members.inCorpus(name, format);
    return k == Members.Kind.ARCHIVE && !archives ? null : k;
  }

  @Override
  protected ArticleReader nextReader() throws IOException {
    if (metadata == null) {
      metadata =
          format == Format.AUTO || format == Format.TEXT
              ? Metadata.load(root, log, true)
              : Metadata.NONE;
    }
    Path file;
    while ((file = tree.next()) != null) {
      String key = FileTree.relative(root, file);
      long size = InputSize.of(file);
      if (key.equals(Metadata.CSV) || key.equals(Metadata.JSONL)) {
        passed(size);
        continue;
      }
      String label = file.toString();
      Members.Kind kind = wanted(file.getFileName().toString());
      if (kind == Members.Kind.TEXT) {
        if (format == Format.AUTO && tree.folderMarked()) {
          passed(size);
          continue;
        }
        try {
          return of(TextArticles.read(file, label, key, metadata, log, options), size);
        } catch (CorpusFormatException e) {
          throw e;
        } catch (IOException e) {
          log.skip(new Problem(label, 0, "cannot read: " + e.getMessage()));
        }
        passed(size);
        continue;
      }
      if (kind == Members.Kind.ARCHIVE) {
        return new TarReader(file, format, log, options);
      }
      if (kind == Members.Kind.FEED && Members.maybeFeed(file.getFileName().toString())
          && !Members.looksLikeFeed(file)) {
        continue; // an .xml file that is not a feed: not part of the corpus
      }
      InputStream in = Members.open(file, label, log);
      if (in != null && Members.isWeb(kind)) {
        return Members.web(kind, label, key, in, log, options);
      }
      if (in != null) {
        return kind == Members.Kind.JSONL
            ? new JsonlArticleReader(label, in, log)
            : new ReutersArticleReader(label, in, log);
      }
      passed(size);
    }
    return null;
  }
}
