package org.dateline.cli;

/** Entry point of the {@code dateline} command. */
public final class Main {
  private Main() {}

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(Dateline.execute(args));
  }
}
