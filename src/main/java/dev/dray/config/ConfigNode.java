package dev.dray.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A node of a schema-valid config document, with typed reads for section records and a way to
 * report a problem at the node's position.
 *
 * <p>A section record reads itself from its node in a {@code read(ConfigNode)} factory; adding a
 * section means adding its block to the schema, its record, and one read call in {@link
 * DrayConfig}.
 */
final class ConfigNode {
  private final YamlTree tree;
  private final Problems problems;
  private final Path baseDir;
  private final ConfigPath path;
  private final JsonNode node;

  private ConfigNode(
      YamlTree tree, Problems problems, Path baseDir, ConfigPath path, JsonNode node) {
    this.tree = tree;
    this.problems = problems;
    this.baseDir = baseDir;
    this.path = path;
    this.node = node;
  }

  /** The document root of {@code tree}; relative paths resolve against {@code baseDir}. */
  static ConfigNode root(YamlTree tree, Problems problems, Path baseDir) {
    return new ConfigNode(tree, problems, baseDir, ConfigPath.ROOT, tree.root());
  }

  /** The value under {@code key}; a missing node when the key is absent or null. */
  ConfigNode get(String key) {
    JsonNode child = node.path(key);
    return new ConfigNode(
        tree, problems, baseDir, path.key(key), child.isNull() ? MissingNode.getInstance() : child);
  }

  /** Whether a value is written here. */
  boolean isPresent() {
    return !node.isMissingNode() && !node.isNull();
  }

  /** The directory relative paths in the config resolve against. */
  Path baseDir() {
    return baseDir;
  }

  /** The file this node was read from. */
  Path file() {
    return tree.file();
  }

  /** The last key of this node's path (its name in the mapping holding it), if it has one. */
  Optional<String> name() {
    return path.endsWithKey()
        ? Optional.of((String) path.segments().get(path.segments().size() - 1))
        : Optional.empty();
  }

  /** Records a problem at this node (or at its nearest written ancestor when absent). */
  void problem(String message) {
    problems.add(tree.file(), path, tree.nearest(path), message);
  }

  /** Records a problem found in another file this node led to, such as an env file. */
  void problemIn(Path otherFile, Position at, String message) {
    problems.add(otherFile, ConfigPath.ROOT, at, message);
  }

  /** Records a problem at {@code at} in this node's document. */
  void problemAt(ConfigPath at, Position position, String message) {
    problems.add(tree.file(), at, position, message);
  }

  /** Records a problem for every violation of {@code schema} in this node's document. */
  void checkSchema(SchemaCheck schema) {
    schema.validate(tree, problems);
  }

  /** Records a problem at the key naming this node (at the value when it has no key). */
  void keyProblem(String message) {
    problems.add(tree.file(), path, tree.keyAt(path).orElse(tree.nearest(path)), message);
  }

  /** Where the key naming this node is written, as {@code dray.yml:9:3}. */
  String where() {
    Position at = tree.keyAt(path).orElse(tree.nearest(path));
    Path name = file().getFileName();
    return (name == null ? file().toString() : name.toString())
        + (at.line() > 0 ? ":" + at.line() + ":" + at.column() : "");
  }

  /** How many problems have been recorded so far, in every file. */
  int problemCount() {
    return problems.size();
  }

  /** Where problems are recorded, for reading another file (a Compose file) alongside. */
  Problems problems() {
    return problems;
  }

  /** Throws every problem recorded so far, if any. */
  void throwProblems() {
    problems.throwIfAny();
  }

  /** The scalar as written ({@code 3.10} stays {@code 3.10}), if present. */
  Optional<String> text() {
    if (!isPresent() || node.isContainerNode()) {
      return Optional.empty();
    }
    return Optional.of(
        node.isTextual() ? node.asText() : tree.scalarText(path).orElse(node.asText()));
  }

  String text(String defaultValue) {
    return text().orElse(defaultValue);
  }

  OptionalInt integer() {
    return isPresent() && node.canConvertToInt()
        ? OptionalInt.of(node.asInt())
        : OptionalInt.empty();
  }

  /** Whether the value is written as a number. */
  boolean isNumber() {
    return node.isNumber();
  }

  /** Whether the value is a string. */
  boolean isText() {
    return node.isTextual();
  }

  /** Whether the value is a list. */
  boolean isList() {
    return node.isArray();
  }

  /** Whether the value is a mapping. */
  boolean isMap() {
    return node.isObject();
  }

  /** Whether a key is written here, even with an empty value. */
  boolean has(String key) {
    return node.has(key);
  }

  /** The keys of a mapping, in file order; empty for anything else. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(keys::add);
    }
    return keys;
  }

  /**
   * A duration such as {@code 500ms}, {@code 2s} or {@code 1m30s}; {@code defaultValue} when
   * absent. A value that is no duration is recorded as a problem (and reads as the default).
   */
  Duration duration(Duration defaultValue) {
    if (!isPresent()) {
      return defaultValue;
    }
    Optional<Duration> parsed = text().flatMap(DurationText::parse);
    if (parsed.isEmpty()) {
      problem(
          "expected "
              + DurationText.EXPECTED
              + ", got "
              + SchemaCheck.describeValue(node, tree.scalarText(path)));
      return defaultValue;
    }
    return parsed.get();
  }

  /**
   * A command: a list of words (scalars as written), or a string split into words as Compose splits
   * it (no shell); empty when absent. An unbalanced quote is recorded as a problem.
   */
  List<String> words() {
    if (node.isTextual()) {
      try {
        return CommandWords.split(node.asText());
      } catch (IllegalArgumentException e) {
        problem(e.getMessage() + "; write the command as a list");
        return List.of();
      }
    }
    return strings();
  }

  /** The elements of a list, each as a node. */
  List<ConfigNode> elements() {
    List<ConfigNode> elements = new ArrayList<>();
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        elements.add(new ConfigNode(tree, problems, baseDir, path.index(i), node.get(i)));
      }
    }
    return elements;
  }

  /** A list of strings; empty when absent. */
  List<String> strings() {
    return elements().stream().map(e -> e.text("")).toList();
  }

  /**
   * A list of strings written either as a list or as a block string with one entry per line (blank
   * lines ignored, each line trimmed); empty when absent.
   */
  List<String> linesOrList() {
    if (node.isTextual()) {
      return node.asText().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
    return strings();
  }

  /** A mapping of names to scalars as written, in file order; empty when absent. */
  Map<String, String> scalarMap() {
    Map<String, String> map = new LinkedHashMap<>();
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        map.put(name, get(name).text(""));
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
