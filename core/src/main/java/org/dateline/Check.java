package org.dateline;

/** Argument checks that throw {@link IllegalArgumentException} with the limit and the value. */
final class Check {
  private Check() {}

  static void argument(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, format, args));
    }
  }

  static String notBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank (got: " + quote(value) + ")");
    }
    return value;
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
