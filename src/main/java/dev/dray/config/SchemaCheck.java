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
 * Validates a YAML document against a JSON schema ({@code dray.schema.json} for dray.yml, {@code
 * compose.schema.json} for the part of a Compose file dray reads) and words each violation for a
 * person: the key path, where it is written, and what was expected.
 */
final class SchemaCheck {
  static final String SCHEMA_RESOURCE = "/dev/dray/config/dray.schema.json";
  static final String COMPOSE_SCHEMA_RESOURCE = "/dev/dray/config/compose.schema.json";

  /** Schema keyword whose text says in words what a value must look like. */
  static final String EXPECTED = "x-expected";

  /**
   * Schema keyword, on an object schema, whose text replaces the list of known keys when a key is
   * not allowed there (used where a key is valid elsewhere but not read by dray).
   */
  static final String UNKNOWN_KEY = "x-unknown-key";

  /** The check of dray.yml. */
  static final SchemaCheck DRAY = new SchemaCheck(SCHEMA_RESOURCE);

  /** The check of the Compose keys dray reads. */
  static final SchemaCheck COMPOSE = new SchemaCheck(COMPOSE_SCHEMA_RESOURCE);

  private final JsonNode schemaNode;
  private final Schema schema;

  private SchemaCheck(String resource) {
    this.schemaNode = loadSchemaNode(resource);
    this.schema = compile(schemaNode);
  }

  /** Adds a problem to {@code problems} for every violation of dray.schema.json in {@code tree}. */
  static void check(YamlTree tree, Problems problems) {
    DRAY.validate(tree, problems);
  }

  /** Adds a problem, in {@code tree}'s file, for every schema violation in {@code tree}. */
  void validate(YamlTree tree, Problems problems) {
    for (Error error : schema.validate(tree.root())) {
      describe(error, tree, problems);
    }
  }

  private void describe(Error error, YamlTree tree, Problems sink) {
    ConfigPath path = ConfigPath.of(error.getInstanceLocation());
    JsonNode schema = schemaNodeOf(error).orElse(schemaNode);
    String got = describeValue(error.getInstanceNode(), tree.scalarText(path));
    Position at = tree.nearest(path);
    InFile problems = (p, pos, message) -> sink.add(tree.file(), p, pos, message);
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
      case "minItems" ->
          problems.add(
              path,
              at,
              "expected at least "
                  + schema.path("minItems")
                  + (schema.path("minItems").asInt() == 1 ? " entry" : " entries")
                  + ", got none");
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

  /** Adds a problem at a path and position of one file. */
  private interface InFile {
    void add(ConfigPath path, Position at, String message);
  }

  private static String unknownKey(String key, JsonNode schema) {
    List<String> known = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(known::add);
    Optional<String> closest = Suggestions.closest(key, known);
    Optional<String> instead = Optional.ofNullable(schema.get(UNKNOWN_KEY)).map(JsonNode::asText);
    if (closest.isPresent()) {
      return instead
          .map(t -> t + "; did you mean '" + closest.get() + "'?")
          .orElse("unknown key; did you mean '" + closest.get() + "'?");
    }
    if (instead.isPresent()) {
      return instead.get();
    }
    return known.isEmpty()
        ? "unknown key"
        : "unknown key; expected one of " + String.join(", ", known);
  }

  /** The schema object holding the failed keyword, found from the error's schema location. */
  private Optional<JsonNode> schemaNodeOf(Error error) {
    NodePath fragment = error.getSchemaLocation().getFragment();
    JsonNode node = schemaNode;
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

  private static JsonNode loadSchemaNode(String resource) {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
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
            .keyword(new NonValidationKeyword(UNKNOWN_KEY))
            .build();
    return SchemaRegistry.withDefaultDialect(dialect).getSchema(schemaNode);
  }
}
