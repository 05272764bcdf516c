package org.dateline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * A directory that stops one commit in the middle, to widen the window in which a test kills the
 * process or tries a second writer: in this process's {@code n}-th commit (the first is 1; a new
 * index's first commit is the empty index), at a step of the commit, it prints {@code PAUSED <step>
 * <n>} on stdout and waits until a release file exists (or for ever, when there is none: the test
 * kills it). It also prints {@code COMMITTED <n>} once each commit is visible (renamed), so the test
 * knows which commits it has seen: commit generations are no count, since Lucene skips the
 * generation of a commit a killed process left half-written.
 *
 * <p>Configured in {@link IndexingProcess} by the system property {@value #PROPERTY}, as {@code
 * STEP:N} or {@code STEP:N:release-file}.
 */
final class PausingDirectory extends FilterDirectory {
  /** The system property that configures the pause. */
  static final String PROPERTY = "dateline.pause";

  /** Where a commit can be stopped, in the order a commit reaches them. */
  enum Step {
    /**
     * Before the new segments' files are fsynced: the commit point {@code pending_segments_N} is
     * written, not yet renamed.
     */
    SYNC,
    /** Before {@code pending_segments_N} is renamed to {@code segments_N}. */
    RENAME,
    /** After the rename, before the folder is fsynced: the commit is visible. */
    AFTER_RENAME
  }

  private final Step step;
  private final int at;
  private final Path release;
  /** Commits started: a commit starts by writing its commit point. */
  private final AtomicInteger commits = new AtomicInteger();
  private volatile boolean renamed;
  private volatile boolean paused;

  private PausingDirectory(Directory in, Step step, int at, Path release) {
    super(in);
    this.step = step;
    this.at = at;
    this.release = release;
  }

  /** Wraps a directory, pausing as the system property says (without it, never). */
  static Directory fromProperty(Directory in) {
    String spec = System.getProperty(PROPERTY);
    if (spec == null || spec.isBlank()) {
      return new PausingDirectory(in, null, 0, null);
    }
    String[] parts = spec.split(":", 3);
    return new PausingDirectory(
        in,
        Step.valueOf(parts[0].toUpperCase(Locale.ROOT)),
        Integer.parseInt(parts[1]),
        parts.length > 2 ? Path.of(parts[2]) : null);
  }

  private void reach(Step s) throws IOException {
    if (s != step || commits.get() != at || paused) {
      return;
    }
    paused = true;
    System.out.println("PAUSED " + s + " " + at);
    System.out.flush();
    try {
      while (release == null || !Files.exists(release)) {
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while paused");
    }
    System.out.println("RELEASED " + s + " " + at);
    System.out.flush();
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) throws IOException {
    if (name.startsWith("pending_segments")) {
      commits.incrementAndGet();
      renamed = false;
    }
    return super.createOutput(name, context);
  }

  @Override
  public void sync(Collection<String> names) throws IOException {
    // A commit fsyncs its commit point first, then the segments' files.
    if (names.stream().noneMatch(n -> n.startsWith("pending_segments"))) {
      reach(Step.SYNC);
    }
    super.sync(names);
  }

  @Override
  public void rename(String source, String dest) throws IOException {
    reach(Step.RENAME);
    super.rename(source, dest);
    renamed = true;
    System.out.println("COMMITTED " + commits.get());
    System.out.flush();
  }

  @Override
  public void syncMetaData() throws IOException {
    if (renamed) {
      reach(Step.AFTER_RENAME);
    }
    super.syncMetaData();
  }
}
