package org.dateline.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one JSON Lines record, for the JSONL reader and for {@code metadata.jsonl}. */
final class Json {
  private Json() {}

  /**
   * Deepest nesting read. An article record is flat; the limit makes a hostile line fail with a
   * parse error of its own instead of using up the stack or the memory.
   */
  static final int MAX_DEPTH = 100;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * Parses a line that must hold exactly one JSON value.
   *
   * @throws IllegalArgumentException with a reason fit for a {@link org.dateline.Problem}
   */
  static JsonNode parse(String line) {
    try {
      return MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * One property of a record as the readers use it: its value as text when it is a scalar (string,
   * number, boolean), and the non-blank values, stripped, of a scalar or of an array of scalars.
   *
   * @param scalar the value as {@link #scalar(JsonNode)} gives it, or null
   * @param values the values as {@link #values(JsonNode)} gives them
   */
  record Property(String scalar, List<String> values) {
    private static final Property NONE = new Property(null, List.of());
  }

  /**
   * Parses a line that must hold exactly one JSON object, streaming: no tree is built, only its
   * properties in order. Gives what {@link #parse} followed by {@link #scalar} and {@link #values}
   * on each property would give, with the same rules: a name written twice keeps its first place
   * and its last value (as a tree keeps it), nesting deeper than {@link #MAX_DEPTH} fails, and so
   * does anything after the object.
   *
   * @param line the line
   * @return the properties by name, in order
   * @throws IllegalArgumentException with a reason fit for a {@link org.dateline.Problem}: "not
   *     valid JSON: ..." or "not a JSON object (got: an array)"
   */
  static Map<String, Property> parseObject(String line) {
    try (JsonParser p = MAPPER.getFactory().createParser(line)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        String kind = kind(first);
        p.skipChildren(); // an array must be valid JSON too before it is called an array
        requireEnd(p);
        throw new IllegalArgumentException("not a JSON object (got: " + kind + ")");
      }
      Map<String, Property> out = new LinkedHashMap<>();
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        out.put(name, property(p, p.nextToken()));
      }
      requireEnd(p);
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  private static void requireEnd(JsonParser p) throws IOException {
    JsonToken next = p.nextToken();
    if (next != null) {
      throw new IllegalArgumentException(
          "not valid JSON: Trailing token (of type " + next + ") found after value");
    }
  }

  private static Property property(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.START_ARRAY) {
      List<String> values = new ArrayList<>();
      for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
        String s = scalar(p, e);
        if (s == null) {
          p.skipChildren(); // nested arrays and objects give no value
        } else if (!s.isBlank()) {
          values.add(s.strip());
        }
      }
      return new Property(null, values);
    }
    String s = scalar(p, t);
    if (s == null) {
      p.skipChildren();
      return Property.NONE;
    }
    return new Property(s, s.isBlank() ? List.of() : List.of(s.strip()));
  }

  /**
   * The text of a scalar token as a tree's node gives it ({@code JsonNode.asText()}): numbers in
   * their canonical form ({@code 1.50} is "1.5", {@code -0} is "0"), as the tree reader read them.
   */
  private static String scalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> p.getText();
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> Integer.toString(p.getIntValue());
            case LONG -> Long.toString(p.getLongValue());
            default -> p.getBigIntegerValue().toString();
          };
      case VALUE_NUMBER_FLOAT ->
          switch (p.getNumberType()) {
            case BIG_DECIMAL -> p.getDecimalValue().toString();
            case FLOAT -> Float.toString(p.getFloatValue());
            default -> Double.toString(p.getDoubleValue());
          };
      default -> null;
    };
  }

  private static String kind(JsonToken t) {
    if (t == null) {
      return "missing";
    }
    return switch (t) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.toString().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** Names the kind of a node for messages: "an array", "a string"... */
  static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** A single value as text: strings, numbers and booleans; null for anything else. */
  static String scalar(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  /** The non-blank values of a scalar or an array of scalars; nested objects give none. */
  static List<String> values(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode element : node) {
        addScalar(out, element);
      }
    } else {
      addScalar(out, node);
    }
    return out;
  }

  private static void addScalar(List<String> out, JsonNode node) {
    String s = scalar(node);
    if (s != null && !s.isBlank()) {
      out.add(s.strip());
    }
  }
}
