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

/** Keeps docs/configuration.md, docs/examples/dray.yml and the schema telling the same story. */
class ConfigDocsTest {
  private static final Path DOC = Path.of("docs/configuration.md");
  private static final Path EXAMPLE = Path.of("docs/examples/dray.yml");

  @Test
  void documentIncludesTheExampleFileVerbatim() throws IOException {
    assertThat(Files.readString(DOC)).contains("```yaml\n" + Files.readString(EXAMPLE) + "```");
  }

  @Test
  void everySchemaKeyIsDocumentedAndShownInTheExample() throws IOException {
    JsonNode schema = schema();
    List<String> keys = new ArrayList<>();
    collectKeys(schema, schema, "", keys);
    String doc = Files.readString(DOC);
    JsonNode example = new ObjectMapper(new YAMLFactory()).readTree(EXAMPLE.toFile());

    assertThat(keys).contains("service", "build.cache", "registry.retries").hasSizeGreaterThan(15);
    for (String key : keys) {
      assertThat(doc).as("docs/configuration.md mentions `%s`", key).contains("`" + key + "`");
      assertThat(example.at("/" + key.replace('.', '/')).isMissingNode())
          .as("docs/examples/dray.yml sets %s", key)
          .isFalse();
    }
  }

  private static void collectKeys(JsonNode root, JsonNode node, String prefix, List<String> out) {
    JsonNode resolved = node;
    while (resolved.has("$ref")) {
      resolved = root.at(resolved.get("$ref").asText().substring(1));
    }
    JsonNode properties = resolved.path("properties");
    for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      String key = prefix.isEmpty() ? name : prefix + "." + name;
      out.add(key);
      collectKeys(root, properties.get(name), key, out);
    }
  }

  private static JsonNode schema() throws IOException {
    try (InputStream in = ConfigDocsTest.class.getResourceAsStream(SchemaCheck.SCHEMA_RESOURCE)) {
      return new ObjectMapper().readTree(in);
    }
  }
}
