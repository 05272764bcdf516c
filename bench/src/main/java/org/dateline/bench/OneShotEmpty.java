package org.dateline.bench;

/**
 * An empty {@code main}: what starting and stopping the JVM costs with the flags and the kind of
 * ahead-of-time cache that {@code ./dateline} uses, measured by {@code bench/oneshot.sh} as the
 * lowest row under the one-shot search and {@link OneShotFloor}.
 */
public final class OneShotEmpty {
  private OneShotEmpty() {}

  /**
   * Does nothing.
   *
   * @param args ignored
   */
  public static void main(String[] args) {}
}
