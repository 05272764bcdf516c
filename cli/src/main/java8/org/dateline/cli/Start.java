package org.dateline.cli;

/**
 * The runnable jar's entry point. It is compiled for Java 8 (see the pom), so that any Java can
 * load it: on one older than 21 it says in plain words that dateline needs Java 21 or newer,
 * where the JVM would otherwise fail with an {@code UnsupportedClassVersionError}; on 21 or newer
 * it hands over to {@code Main}. It calls {@code Main} directly, not by reflection: the JVM loads
 * a class named in a call only when the call first runs, so an older Java never loads {@code Main}
 * (it has exited by then), and a reflective call cost a one-shot search the generation of its
 * method-handle classes at every start.
 */
public final class Start {
  /** The oldest Java that Lucene 10, and so dateline, runs on. */
  static final int REQUIRED = 21;

  /** Exit code when the Java is too old: the launcher's for "no Java 21 or newer found". */
  static final int TOO_OLD = 127;

  private Start() {}

  /**
   * Checks the Java version, then runs the command line.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    String version = System.getProperty("java.specification.version", "");
    if (feature(version) < REQUIRED) {
      System.err.println(
          "dateline: this is Java "
              + version
              + " ("
              + System.getProperty("java.home")
              + "); dateline needs Java "
              + REQUIRED
              + " or newer (Lucene 10 does).");
      System.err.println(
          "  Run the jar with a newer one (/path/to/jdk-21/bin/java -jar dateline.jar ...), or use");
      System.err.println("  the ./dateline launcher, which looks for one.");
      System.exit(TOO_OLD);
    }
    Main.main(args);
  }

  /** The feature release of a specification version: 8 for "1.8", 17 for "17"; 0 when unknown. */
  static int feature(String specification) {
    String v = specification.startsWith("1.") ? specification.substring(2) : specification;
    int end = 0;
    while (end < v.length() && Character.isDigit(v.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
  }
}
