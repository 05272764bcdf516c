package org.dateline.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Real pages from trafilatura's evaluation set, read from the shared archive. */
public final class TrafilaturaPages {
  private TrafilaturaPages() {}

  /** Three news and blog pages with their URLs, titles, dates and segments checked in tests. */
  public static final String THREATPOST = "threatpost.com.android.html";

  public static final String SCHNEEMS = "schneems.com.rubocop.html";
  public static final String PIRATEN = "piratenpartei-marburg.de.fridays.html";

  /** The archive, or the test is skipped with a message when the shared data is absent. */
  public static Path archive() {
    Path p =
        Corpora.sharedData().resolve("trafilatura-eval/trafilatura-eval.tar.gz");
    assumeTrue(Files.isRegularFile(p), "trafilatura-eval is not in ../shared/data: " + p);
    return p;
  }

  /** The bytes of the named pages, in the order asked for. */
  public static Map<String, byte[]> read(List<String> names) throws IOException {
    Map<String, byte[]> found = new LinkedHashMap<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(archive()));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String base = e.getName().substring(e.getName().lastIndexOf('/') + 1);
        if (names.contains(base)) {
          found.put(base, tar.readAllBytes());
        }
      }
    }
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    for (String n : names) {
      byte[] b = found.get(n);
      if (b == null) {
        throw new AssertionError("page not in the archive: " + n);
      }
      ordered.put(n, b);
    }
    return ordered;
  }
}
