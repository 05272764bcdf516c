package org.dateline.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.dateline.Problem;

/**
 * Reads the entries of a {@code .tar.gz} archive in their order, streaming: each entry by the
 * reader its name and the format call for (see {@link Members}). Archives inside it are not opened,
 * and there is no metadata file for its text entries.
 */
final class TarReader extends ChainReader {
  private final Path archive;
  private final Format format;
  private final ProblemLog log;
  private final ReadOptions options;
  private TarArchiveInputStream tar;
  private CountingStream counted;
  private boolean done;
  private Set<String> structuredFolders;

  TarReader(Path archive, Format format, ProblemLog log, ReadOptions options) {
    this.archive = archive;
    this.format = format;
    this.log = log;
    this.options = options;
  }

  @Override
  protected ArticleReader nextReader() throws IOException {
    if (done) {
      return null;
    }
    if (tar == null) {
      tar = open(true);
      if (tar == null) {
        done = true;
        return null;
      }
    }
    while (true) {
      TarArchiveEntry entry = nextEntry(tar);
      if (entry == null) {
        done = true;
        return null;
      }
      String name = entryName(entry);
      if (name == null) {
        continue;
      }
      Members.Kind kind = Members.inCorpus(baseName(name), format);
      if (kind == null || kind == Members.Kind.ARCHIVE) {
        continue;
      }
      String label = archive + "!/" + name;
      switch (kind) {
        case JSONL -> {
          return new JsonlArticleReader(label, Members.shielded(tar), log);
        }
        case REUTERS -> {
          return new ReutersArticleReader(label, Members.shielded(tar), log);
        }
        case HTML, WARC, FEED -> {
          return Members.web(kind, label, name, Members.shielded(tar), log, options);
        }
        default -> {
          if (format == Format.AUTO && structuredFolders().contains(folder(name))) {
            continue;
          }
          if (entry.getSize() > TextArticles.MAX_BYTES) {
            log.skip(TextArticles.tooLarge(label, entry.getSize()));
            continue;
          }
          byte[] bytes = tar.readNBytes((int) entry.getSize());
          return of(TextArticles.parse(bytes, label, name, null, log, options), 0);
        }
      }
    }
  }

  /**
   * Opens the archive, or logs why it cannot be and returns null.
   *
   * @param count whether {@link #bytesRead()} counts what is read from it
   */
  private TarArchiveInputStream open(boolean count) throws CorpusFormatException {
    InputStream in = Members.open(archive, archive.toString(), log);
    if (in == null) {
      return null;
    }
    if (count) {
      counted = new CountingStream(in);
      in = counted;
    }
    try {
      return new TarArchiveInputStream(new GzipCompressorInputStream(new BufferedInputStream(in)));
    } catch (IOException e) {
      closeQuietly(in);
      log.skip(new Problem(archive.toString(), 0, "not a gzip archive: " + e.getMessage()));
      return null;
    }
  }

  private TarArchiveEntry nextEntry(TarArchiveInputStream in) throws CorpusFormatException {
    try {
      return in.getNextEntry();
    } catch (IOException e) {
      log.skip(
          new Problem(archive.toString(), 0, "archive damaged, rest ignored: " + e.getMessage()));
      return null;
    }
  }

  /** The entry's path without a leading "./", or null for what is not a visible regular file. */
  private static String entryName(TarArchiveEntry entry) {
    if (!entry.isFile()) {
      return null;
    }
    String name = entry.getName();
    while (name.startsWith("./")) {
      name = name.substring(2);
    }
    for (String part : name.split("/")) {
      if (part.startsWith(".")) {
        return null;
      }
    }
    return name.isEmpty() ? null : name;
  }

  private static String baseName(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private static String folder(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? "" : name.substring(0, slash);
  }

  /**
   * The folders of the archive that hold Reuters or JSONL entries; their text entries are
   * documentation. Found by a first pass over the entry headers, made only when a text entry comes
   * up.
   */
  private Set<String> structuredFolders() throws IOException {
    if (structuredFolders == null) {
      structuredFolders = new HashSet<>();
      try (TarArchiveInputStream scan = open(false)) {
        TarArchiveEntry entry;
        while (scan != null && (entry = scan.getNextEntry()) != null) {
          String name = entryName(entry);
          if (name != null && Members.structured(baseName(name))) {
            structuredFolders.add(folder(name));
          }
        }
      } catch (CorpusFormatException e) {
        throw e;
      } catch (IOException e) {
        // The main pass reaches the same damage and reports it; what was scanned still counts.
      }
    }
    return structuredFolders;
  }

  /**
   * The compressed bytes read from the archive; all of it once its last entry is read or it is
   * given up as damaged (its reader then reads no further).
   */
  @Override
  public long bytesRead() {
    if (done) {
      return InputSize.of(archive);
    }
    return counted == null ? 0 : counted.count();
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // Nothing was read from it; the reason it failed is already reported.
    }
  }

  @Override
  protected void closeSource() throws IOException {
    if (tar != null) {
      tar.close();
    }
  }
}
