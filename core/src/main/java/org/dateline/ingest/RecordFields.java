package org.dateline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dateline.Article;
import org.dateline.Problem;

/**
 * The fields of one input record (a JSON object or a CSV row), split into the ones a reader knows
 * and extra keyword fields, names normalized with {@link Article#fieldName}.
 */
final class RecordFields {
  private final Map<String, String> known = new HashMap<>();
  private final Map<String, List<String>> extra = new LinkedHashMap<>();

  private RecordFields() {}

  /**
   * Splits a JSON object. Values of known fields are scalars; extra fields take scalars and arrays
   * of scalars, nested objects are dropped.
   */
  static RecordFields of(
      JsonNode object, Set<String> knownNames, String file, long line, ProblemLog log) {
    RecordFields r = new RecordFields();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      String name = Article.fieldName(e.getKey());
      if (knownNames.contains(name)) {
        r.putKnown(name, Json.scalar(e.getValue()));
      } else {
        r.putExtra(name, Json.values(e.getValue()), file, line, log);
      }
    }
    return r;
  }

  /**
   * Splits the properties of a JSON object read by {@link Json#parseObject}; the same fields as
   * {@link #of(JsonNode, Set, String, long, ProblemLog)} on its tree.
   */
  static RecordFields ofProperties(
      Map<String, Json.Property> object,
      Set<String> knownNames,
      String file,
      long line,
      ProblemLog log) {
    RecordFields r = new RecordFields();
    for (Map.Entry<String, Json.Property> e : object.entrySet()) {
      String name = Article.fieldName(e.getKey());
      if (knownNames.contains(name)) {
        r.putKnown(name, e.getValue().scalar());
      } else {
        r.putExtra(name, e.getValue().values(), file, line, log);
      }
    }
    return r;
  }

  /** Splits a CSV row. */
  static RecordFields of(
      Map<String, String> row, Set<String> knownNames, String file, long line, ProblemLog log) {
    RecordFields r = new RecordFields();
    for (Map.Entry<String, String> e : row.entrySet()) {
      String name = Article.fieldName(e.getKey());
      String value = e.getValue();
      if (knownNames.contains(name)) {
        r.putKnown(name, value);
      } else if (value != null && !value.isBlank()) {
        r.putExtra(name, List.of(value.strip()), file, line, log);
      }
    }
    return r;
  }

  private void putKnown(String name, String value) {
    if (value != null && !value.isBlank()) {
      known.putIfAbsent(name, value.strip());
    }
  }

  private void putExtra(String name, List<String> values, String file, long line, ProblemLog log) {
    if (values.isEmpty()) {
      return;
    }
    if (Article.RESERVED_FIELDS.contains(name)) {
      log.warn(new Problem(file, line, "field \"" + name + "\" ignored: the index uses that name"));
      return;
    }
    extra.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
  }

  /** The value of a known field, stripped, or null when absent or blank. */
  String get(String name) {
    return known.get(name);
  }

  /** The first present of several known fields (aliases), or null. */
  String first(String... names) {
    for (String n : names) {
      String v = known.get(n);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Whether the record has no field with a value. */
  boolean isEmpty() {
    return known.isEmpty() && extra.isEmpty();
  }

  /** The extra keyword fields, by normalized name, values in order. */
  Map<String, List<String>> extra() {
    return extra;
  }
}
