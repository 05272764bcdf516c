package org.dateline.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;

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
