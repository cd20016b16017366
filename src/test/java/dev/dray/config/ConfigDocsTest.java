package dev.dray.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/configuration.md, the example files in docs/examples and the schemas telling the same
 * story.
 */
class ConfigDocsTest {
  private static final Path DOC = Path.of("docs/configuration.md");

  /** The example dray.yml files; between them they set every key of the schema. */
  private static final List<Path> DRAY_EXAMPLES =
      List.of(Path.of("docs/examples/dray.yml"), Path.of("docs/examples/compose/dray.yml"));

  /** Every example file the document shows. */
  private static final List<Path> SHOWN =
      List.of(
          Path.of("docs/examples/dray.yml"),
          Path.of("docs/examples/compose/dray.yml"),
          Path.of("docs/examples/compose/docker-compose.yml"));

  /** A key path segment standing for any key of a mapping, as in {@code services.<name>.port}. */
  private static final String ANY_KEY = "<name>";

  /** A key path suffix standing for any element of a list, as in {@code backups.commands[].run}. */
  private static final String ANY_ELEMENT = "[]";

  @Test
  void documentIncludesEveryExampleFileVerbatim() throws IOException {
    String doc = Files.readString(DOC);
    for (Path example : SHOWN) {
      assertThat(doc)
          .as("docs/configuration.md shows %s", example)
          .contains("```yaml\n" + Files.readString(example) + "```");
    }
  }

  @Test
  void everySchemaKeyIsDocumentedAndShownInAnExample() throws IOException {
    JsonNode schema = schema(SchemaCheck.SCHEMA_RESOURCE);
    List<String> keys = new ArrayList<>();
    collectKeys(schema, schema, "", keys);
    String doc = Files.readString(DOC);
    List<JsonNode> examples = new ArrayList<>();
    for (Path example : DRAY_EXAMPLES) {
      examples.add(new ObjectMapper(new YAMLFactory()).readTree(example.toFile()));
    }

    assertThat(keys)
        .contains(
            "service",
            "build.cache",
            "registry.retries",
            "services.<name>.healthcheck.path",
            "backups.commands[].run",
            "notify.on")
        .hasSizeGreaterThan(60);
    for (String key : keys) {
      assertThat(doc).as("docs/configuration.md mentions `%s`", key).contains("`" + key + "`");
      assertThat(examples.stream().anyMatch(e -> isSet(e, List.of(key.split("\\.")))))
          .as("an example dray.yml sets %s", key)
          .isTrue();
    }
  }

  @Test
  void everyComposeKeyDrayReadsOrIgnoresIsDocumented() throws IOException {
    JsonNode service = schema(SchemaCheck.COMPOSE_SCHEMA_RESOURCE).at("/$defs/service/properties");
    String doc = Files.readString(DOC);
    String composeSection = doc.substring(doc.indexOf("## Compose files"));
    List<String> keys = new ArrayList<>();
    service.fieldNames().forEachRemaining(keys::add);

    assertThat(keys).contains("image", "deploy", "build").hasSizeGreaterThan(15);
    for (String key : keys) {
      assertThat(composeSection)
          .as("the Compose section of docs/configuration.md says what dray does with `%s`", key)
          .contains("`" + key + "`");
    }
  }

  /** Whether {@code node} has a value at the key path {@code segments}. */
  private static boolean isSet(JsonNode node, List<String> segments) {
    if (segments.isEmpty()) {
      return !node.isMissingNode() && !node.isNull();
    }
    String segment = segments.get(0);
    List<String> rest = segments.subList(1, segments.size());
    if (segment.equals(ANY_KEY)) {
      for (Iterator<JsonNode> values = node.elements(); values.hasNext(); ) {
        if (node.isObject() && isSet(values.next(), rest)) {
          return true;
        }
      }
      return false;
    }
    if (segment.endsWith(ANY_ELEMENT)) {
      JsonNode list = node.path(segment.substring(0, segment.length() - ANY_ELEMENT.length()));
      for (JsonNode element : list) {
        if (isSet(element, rest)) {
          return true;
        }
      }
      return false;
    }
    return isSet(node.path(segment), rest);
  }

  /**
   * Collects the key paths of {@code node}: its properties, the properties of the values of a
   * mapping of any keys ({@code <name>}), and of the elements of a list ({@code []}).
   */
  private static void collectKeys(JsonNode root, JsonNode node, String prefix, List<String> out) {
    JsonNode resolved = resolve(root, node);
    JsonNode properties = resolved.path("properties");
    for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      String key = prefix.isEmpty() ? name : prefix + "." + name;
      out.add(key);
      collectKeys(root, properties.get(name), key, out);
    }
    JsonNode values = resolve(root, resolved.path("additionalProperties"));
    if (values.has("properties")) {
      collectKeys(root, values, prefix + "." + ANY_KEY, out);
    }
    JsonNode items = resolve(root, resolved.path("items"));
    if (items.has("properties")) {
      collectKeys(root, items, prefix + ANY_ELEMENT, out);
    }
  }

  private static JsonNode resolve(JsonNode root, JsonNode node) {
    JsonNode resolved = node;
    while (resolved.has("$ref")) {
      resolved = root.at(resolved.get("$ref").asText().substring(1));
    }
    return resolved;
  }

  private static JsonNode schema(String resource) throws IOException {
    try (InputStream in = ConfigDocsTest.class.getResourceAsStream(resource)) {
      return new ObjectMapper().readTree(in);
    }
  }
}
