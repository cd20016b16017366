package dev.dray.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import dev.dray.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Validates a config document against {@code dray.schema.json} and words each violation for a
 * person: the key path, where it is written, and what was expected.
 */
final class SchemaCheck {
  static final String SCHEMA_RESOURCE = "/dev/dray/config/dray.schema.json";

  /** Schema keyword whose text says in words what a value must look like. */
  static final String EXPECTED = "x-expected";

  private static final JsonNode SCHEMA_NODE = loadSchemaNode();
  private static final Schema SCHEMA = compile(SCHEMA_NODE);

  private SchemaCheck() {}

  /** Adds a problem to {@code problems} for every schema violation in {@code tree}. */
  static void check(YamlTree tree, Problems problems) {
    for (Error error : SCHEMA.validate(tree.root())) {
      describe(error, tree, problems);
    }
  }

  private static void describe(Error error, YamlTree tree, Problems problems) {
    ConfigPath path = ConfigPath.of(error.getInstanceLocation());
    JsonNode schema = schemaNodeOf(error).orElse(SCHEMA_NODE);
    String got = describeValue(error.getInstanceNode(), tree.scalarText(path));
    Position at = tree.nearest(path);
    switch (error.getKeyword()) {
      case "additionalProperties" -> {
        ConfigPath key = path.key(error.getProperty());
        problems.add(key, tree.keyAt(key).orElse(at), unknownKey(error.getProperty(), schema));
      }
      case "required" -> {
        ConfigPath key = path.key(error.getProperty());
        Position parent = path.isRoot() ? Position.START : tree.keyAt(path).orElse(at);
        problems.add(key, parent, "required key missing");
      }
      case "enum" ->
          problems.add(
              path,
              at,
              "expected one of "
                  + StreamSupport.stream(schema.get("enum").spliterator(), false)
                      .map(JsonNode::asText)
                      .collect(Collectors.joining(", "))
                  + ", got "
                  + got);
      case "type" ->
          problems.add(
              path,
              at,
              "expected "
                  + expected(schema).orElse(typeWords(schema.get("type")))
                  + ", got "
                  + got);
      case "pattern" ->
          problems.add(
              path,
              at,
              "expected "
                  + expected(schema).orElse("text matching " + schema.path("pattern").asText())
                  + ", got "
                  + got);
      case "minimum" ->
          problems.add(path, at, "expected at least " + schema.path("minimum") + ", got " + got);
      case "maximum" ->
          problems.add(path, at, "expected at most " + schema.path("maximum") + ", got " + got);
      case "minLength" -> problems.add(path, at, "expected a non-empty string, got " + got);
      case "maxLength" ->
          problems.add(
              path,
              at,
              "expected at most "
                  + schema.path("maxLength")
                  + " characters, got "
                  + error.getInstanceNode().asText().length());
      default -> problems.add(path, at, error.getMessage());
    }
  }

  private static String unknownKey(String key, JsonNode schema) {
    List<String> known = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(known::add);
    Optional<String> closest = Suggestions.closest(key, known);
    if (closest.isPresent()) {
      return "unknown key; did you mean '" + closest.get() + "'?";
    }
    return known.isEmpty()
        ? "unknown key"
        : "unknown key; expected one of " + String.join(", ", known);
  }

  /** The schema object holding the failed keyword, found from the error's schema location. */
  private static Optional<JsonNode> schemaNodeOf(Error error) {
    NodePath fragment = error.getSchemaLocation().getFragment();
    JsonNode node = SCHEMA_NODE;
    for (int i = 0; i < fragment.getNameCount() - 1; i++) {
      Object segment = fragment.getElement(i);
      node = segment instanceof Integer index ? node.path(index) : node.path(segment.toString());
    }
    return node.isMissingNode() ? Optional.empty() : Optional.of(node);
  }

  private static Optional<String> expected(JsonNode schema) {
    JsonNode text = schema.get(EXPECTED);
    return text == null ? Optional.empty() : Optional.of(text.asText());
  }

  private static String typeWords(JsonNode type) {
    if (type == null) {
      return "another type";
    }
    if (type.isArray()) {
      return StreamSupport.stream(type.spliterator(), false)
          .map(t -> typeWord(t.asText()))
          .collect(Collectors.joining(" or "));
    }
    return typeWord(type.asText());
  }

  private static String typeWord(String type) {
    return switch (type) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "string" -> "a string";
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "true or false";
      case "null" -> "nothing";
      default -> type;
    };
  }

  /** How a value reads in a message: scalars as written (strings quoted), others by kind. */
  static String describeValue(JsonNode value, Optional<String> written) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "nothing";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isTextual()) {
      return "'" + value.asText() + "'";
    }
    return written.orElse(value.toString());
  }

  private static JsonNode loadSchemaNode() {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema compile(JsonNode schemaNode) {
    Dialect dialect =
        Dialect.builder(Dialects.getDraft202012())
            .keyword(new NonValidationKeyword(EXPECTED))
            .build();
    return SchemaRegistry.withDefaultDialect(dialect).getSchema(schemaNode);
  }
}
