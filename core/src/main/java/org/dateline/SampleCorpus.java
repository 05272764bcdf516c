package org.dateline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ArticleReaders;
import org.dateline.ingest.Format;
import org.dateline.ingest.ProblemLog;
import org.dateline.ingest.ReadMode;
import org.dateline.ingest.TextArticleReader;

/**
 * The sample corpus a program carries on its classpath (the {@code dateline-corpus} jar: text
 * files under {@value #RESOURCES} and the {@code metadata.csv} that lists them), indexed on first
 * use into a cache folder.
 *
 * <p>The index's folder is named after a hash of the corpus's bytes, of the text reader's {@link
 * TextArticleReader#VERSION} and of the code's build, so a changed corpus, a reader that reads the
 * same files differently (even when run from a classes folder, which has no build to hash) or a
 * new build of the tool gets a new index, and older ones are removed. It is built in a temporary
 * folder and moved into place in one atomic rename: concurrent first runs each build, one rename
 * wins, and a reader never sees half an index.
 */
public final class SampleCorpus {
  private SampleCorpus() {}

  /** Classpath folder of the sample corpus. */
  public static final String RESOURCES = "dateline-corpus/";

  /** The file in {@link #RESOURCES} whose {@code file} column lists the corpus's files. */
  public static final String METADATA = "metadata.csv";

  private static final String PREFIX = "sample-index-";

  /**
   * Returns the folder of an up-to-date index of the sample corpus, building it when missing.
   *
   * @param cacheDir the cache folder to keep the index in; created when missing
   * @return the index folder, to open with {@link NewsSearcher#open(Path)}
   * @throws IOException when the cache folder cannot be written
   * @throws IllegalStateException when the corpus is not on the classpath or cannot be indexed
   *     (a packaging error)
   */
  public static Path ensureIndexed(Path cacheDir) throws IOException {
    return ensureIndexed(cacheDir, TextArticleReader.VERSION);
  }

  /** As {@link #ensureIndexed(Path)}, for a given version of the reader (tests). */
  static Path ensureIndexed(Path cacheDir, int readerVersion) throws IOException {
    List<Resource> corpus = read();
    Path target = cacheDir.resolve(PREFIX + key(corpus, readerVersion));
    if (Files.isDirectory(target)) {
      return target;
    }
    Files.createDirectories(cacheDir);
    Path work = Files.createTempDirectory(cacheDir, ".building-");
    try {
      Path files = Files.createDirectory(work.resolve("corpus"));
      for (Resource r : corpus) {
        Files.write(files.resolve(r.name()), r.bytes());
      }
      Path index = work.resolve("index");
      ProblemLog log = new ProblemLog(ReadMode.STRICT);
      try (ArticleReader reader = ArticleReaders.open(List.of(files), Format.AUTO, log);
          // copy detection on: the sample shows copies (RTÉ News and TechEye reuse Reuters copy)
          NewsIndex news =
              NewsIndex.open(
                  index, IndexConfig.DEFAULT.withCopies(org.dateline.copies.CopyPolicy.DEFAULT))) {
        news.add(reader, log);
      } catch (org.dateline.ingest.CorpusFormatException e) {
        throw new IllegalStateException("the sample corpus cannot be indexed: " + e.getMessage(), e);
      }
      try {
        Files.move(index, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!Files.isDirectory(target)) {
          throw e;
        }
        // another process built it first: theirs is as good as ours
      }
    } finally {
      deleteTree(work);
    }
    removeOlder(cacheDir, target);
    return target;
  }

  private record Resource(String name, byte[] bytes) {}

  private static List<Resource> read() throws IOException {
    byte[] metadata = resource(METADATA);
    List<Resource> corpus = new ArrayList<>();
    corpus.add(new Resource(METADATA, metadata));
    for (String name : fileColumn(new String(metadata, StandardCharsets.UTF_8))) {
      if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
        throw new IllegalStateException(
            RESOURCES + METADATA + " names a file outside its folder (got: " + name + ")");
      }
      corpus.add(new Resource(name, resource(name)));
    }
    return corpus;
  }

  private static byte[] resource(String name) throws IOException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = SampleCorpus.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "the sample corpus is not on the classpath (missing " + RESOURCES + name + ")");
      }
      return in.readAllBytes();
    }
  }

  /**
   * Returns the values of the {@code file} column. A small CSV reader (quotes, doubled quotes,
   * line breaks inside quotes) rather than the CSV library: this runs on every start-up that uses
   * the sample, and loading the library would cost more than the search.
   */
  static List<String> fileColumn(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString().strip());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString().strip());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
      row.add(field.toString().strip());
      rows.add(row);
    }
    rows.removeIf(r -> r.size() == 1 && r.get(0).isEmpty());
    if (rows.isEmpty()) {
      throw new IllegalStateException(RESOURCES + METADATA + " is empty");
    }
    int column = rows.get(0).indexOf("file");
    if (column < 0) {
      throw new IllegalStateException(RESOURCES + METADATA + " has no \"file\" column");
    }
    List<String> files = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      if (column < r.size()) {
        files.add(r.get(column));
      }
    }
    return files;
  }

  /**
   * Hash of the corpus's names and bytes, of the reader's version and of the code's build (its
   * jar's size and time).
   */
  private static String key(List<Resource> corpus, int readerVersion) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java has SHA-256
    }
    for (Resource r : corpus) {
      sha.update(r.name().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(r.bytes());
      sha.update((byte) 0);
    }
    sha.update(("reader " + readerVersion + "\0").getBytes(StandardCharsets.UTF_8));
    sha.update(
        ("copies " + org.dateline.copies.CopyPolicy.DEFAULT.commitValue() + "\0")
            .getBytes(StandardCharsets.UTF_8));
    sha.update(build().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest(), 0, 8);
  }

  /** The size and time of the jar this class came from; empty when run from a classes folder. */
  private static String build() {
    try {
      CodeSource source = SampleCorpus.class.getProtectionDomain().getCodeSource();
      URL location = source == null ? null : source.getLocation();
      if (location == null) {
        return "";
      }
      Path code = Path.of(location.toURI());
      return Files.isRegularFile(code)
          ? Files.size(code) + "@" + Files.getLastModifiedTime(code).toMillis()
          : "";
    } catch (URISyntaxException | IOException | SecurityException | IllegalArgumentException e) {
      return "";
    }
  }

  /** Deletes sample indexes of other corpora or builds; best effort (another run may use one). */
  private static void removeOlder(Path cacheDir, Path keep) {
    try (Stream<Path> entries = Files.list(cacheDir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        if (p.getFileName().toString().startsWith(PREFIX) && !p.equals(keep)) {
          deleteTree(p);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // stale copies only cost disk space; the next run tries again
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
