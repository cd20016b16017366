package dev.dray.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document read into a Jackson tree, remembering where each key and value was written and
 * the text of each scalar as written ({@code 3.10} stays {@code 3.10}).
 */
final class YamlTree {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<ConfigPath, Position> keys = new HashMap<>();
  private final Map<ConfigPath, Position> values = new HashMap<>();
  private final Map<ConfigPath, String> scalars = new HashMap<>();
  private final Problems problems;
  private final String whenEmpty;
  private JsonNode root;

  private YamlTree(Path file, String whenEmpty) {
    this.problems = new Problems(file);
    this.whenEmpty = whenEmpty;
  }

  /**
   * Reads {@code content}, the text of {@code file}.
   *
   * @throws ConfigException when the text is not YAML, is empty, or uses what dray does not support
   *     (aliases, duplicate keys, several documents)
   */
  static YamlTree read(Path file, String content) {
    return read(file, content, "the file is empty; it needs at least the keys service and image");
  }

  /**
   * Reads {@code content} like {@link #read(Path, String)}; {@code whenEmpty} says what is missing.
   */
  static YamlTree read(Path file, String content, String whenEmpty) {
    YamlTree tree = new YamlTree(file, whenEmpty);
    tree.parse(content);
    tree.problems.throwIfAny();
    return tree;
  }

  /** The file the document was read from. */
  Path file() {
    return problems.file();
  }

  JsonNode root() {
    return root;
  }

  /** Replaces the document's value (positions stay), as interpolation does. */
  void replaceRoot(JsonNode replacement) {
    root = replacement;
  }

  /** Where the value at {@code path} starts. */
  Optional<Position> valueAt(ConfigPath path) {
    return Optional.ofNullable(values.get(path));
  }

  /** Where the key naming {@code path} is written. */
  Optional<Position> keyAt(ConfigPath path) {
    return Optional.ofNullable(keys.get(path));
  }

  /** The scalar at {@code path} as written in the file. */
  Optional<String> scalarText(ConfigPath path) {
    return Optional.ofNullable(scalars.get(path));
  }

  /**
   * Where to point for {@code path}: its value if written, else the key of its nearest written
   * ancestor, else nowhere.
   */
  Position nearest(ConfigPath path) {
    Position value = values.get(path);
    if (value != null) {
      return value;
    }
    for (Optional<ConfigPath> p = path.parent(); p.isPresent(); p = p.get().parent()) {
      Position key = keys.get(p.get());
      if (key != null) {
        return key;
      }
    }
    return Position.NONE;
  }

  private void parse(String content) {
    try (JsonParser parser = YAML.createParser(content)) {
      JsonToken first = parser.nextToken();
      if (first == null || first == JsonToken.VALUE_NULL) {
        problems.add(ConfigPath.ROOT, Position.NONE, whenEmpty);
        return;
      }
      root = readValue(parser, ConfigPath.ROOT);
      if (parser.nextToken() != null) {
        problems.add(
            ConfigPath.ROOT,
            position(parser),
            "a second YAML document is not supported; keep the whole config in one document");
      }
    } catch (JsonProcessingException e) {
      syntaxError(e);
    } catch (IOException e) {
      problems.add(ConfigPath.ROOT, Position.NONE, "cannot read: " + e.getMessage());
    }
  }

  private JsonNode readValue(JsonParser parser, ConfigPath path) throws IOException {
    values.put(path, position(parser));
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          ConfigPath child = path.key(name);
          Position keyPosition = position(parser);
          parser.nextToken();
          if (object.has(name)) {
            Position first = keys.get(child);
            problems.add(
                child,
                keyPosition,
                "duplicate key; it is already set at line " + first.line() + ":" + first.column());
            skip(parser);
            continue;
          }
          keys.put(child, keyPosition);
          object.set(name, readValue(parser, child));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(readValue(parser, path.index(index++)));
        }
        return array;
      }
      default -> {
        return scalar(parser, path, token);
      }
    }
  }

  private JsonNode scalar(JsonParser parser, ConfigPath path, JsonToken token) throws IOException {
    String text = parser.getText();
    scalars.put(path, text);
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      problems.add(
          path,
          position(parser),
          "YAML aliases (*" + text + ") are not supported; write the value out");
    }
    return switch (token) {
      case VALUE_STRING -> NODES.textNode(text);
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> {
        problems.add(path, position(parser), "unsupported YAML value");
        yield NODES.nullNode();
      }
    };
  }

  private static void skip(JsonParser parser) throws IOException {
    if (parser.currentToken().isStructStart()) {
      parser.skipChildren();
    }
  }

  private static Position position(JsonParser parser) {
    JsonLocation location = parser.currentTokenLocation();
    return new Position(location.getLineNr(), location.getColumnNr());
  }

  private void syntaxError(JsonProcessingException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        Mark mark = marked.getProblemMark();
        String message = "invalid YAML: " + firstLine(marked.getProblem());
        if (marked.getContext() != null && marked.getContextMark() != null) {
          Mark context = marked.getContextMark();
          message +=
              " ("
                  + firstLine(marked.getContext())
                  + " at "
                  + (context.getLine() + 1)
                  + ":"
                  + (context.getColumn() + 1)
                  + ")";
        }
        problems.add(
            ConfigPath.ROOT, new Position(mark.getLine() + 1, mark.getColumn() + 1), message);
        return;
      }
    }
    JsonLocation location = e.getLocation();
    Position at =
        location == null
            ? Position.NONE
            : new Position(location.getLineNr(), location.getColumnNr());
    problems.add(ConfigPath.ROOT, at, "invalid YAML: " + firstLine(e.getOriginalMessage()));
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }
}
