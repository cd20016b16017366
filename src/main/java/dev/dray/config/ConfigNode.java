package dev.dray.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
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

  /** The config file being read. */
  Path file() {
    return problems.file();
  }

  /** Records a problem at this node (or at its nearest written ancestor when absent). */
  void problem(String message) {
    problems.add(path, tree.nearest(path), message);
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
