package org.dateline.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request's query-string parameters ({@code a=1&b=x+y&b=z}), decoded as HTML forms and {@code
 * URLSearchParams} encode them. Typed getters throw {@link BadParameterException} naming the
 * parameter.
 */
final class Params {
  private final Map<String, List<String>> values;

  private Params(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Parses a raw (still percent-encoded) query string; null for none. */
  static Params parse(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq), "a parameter name");
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new Params(values);
  }

  private static String decode(String s, String parameter) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException(
          parameter, "bad percent-encoding in " + parameter + " (" + e.getMessage() + ")");
    }
  }

  /** The last value of a parameter, or the fallback when absent or blank. */
  String text(String name, String fallback) {
    List<String> v = values.get(name);
    if (v == null || v.isEmpty() || v.get(v.size() - 1).isBlank()) {
      return fallback;
    }
    return v.get(v.size() - 1);
  }

  /** Every non-blank value of a parameter, each also split at commas ({@code by=source,month}). */
  List<String> list(String name) {
    List<String> out = new ArrayList<>();
    for (String v : values.getOrDefault(name, List.of())) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  /** Every non-blank value of a parameter, as given (source names may hold commas). */
  List<String> all(String name) {
    List<String> out = new ArrayList<>();
    for (String v : values.getOrDefault(name, List.of())) {
      if (!v.isBlank()) {
        out.add(v.strip());
      }
    }
    return out;
  }

  /** An integer parameter within bounds, or the fallback when absent. */
  int integer(String name, int fallback, int min, int max) {
    String v = text(name, null);
    if (v == null) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, name + " must be a whole number (got: " + v + ")");
    }
    if (n < min || n > max) {
      throw new BadParameterException(
          name, name + " must be between " + min + " and " + max + " (got: " + n + ")");
    }
    return n;
  }

  /** A yes/no parameter: {@code true} or {@code false}, or the fallback when absent. */
  boolean bool(String name, boolean fallback) {
    String v = text(name, null);
    if (v == null) {
      return fallback;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new BadParameterException(
              name, name + " must be true or false (got: " + v + ")");
    };
  }

  /** An enum constant by its lower-case name, or the fallback when absent. */
  <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
    String v = text(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name().toLowerCase(Locale.ROOT));
      }
      throw new BadParameterException(
          name, name + " must be one of " + String.join(", ", names) + " (got: " + v + ")");
    }
  }
}
