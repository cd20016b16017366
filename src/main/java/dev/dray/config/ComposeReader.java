package dev.dray.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dray.image.ImageRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Compose file: interpolates it with the environment and the {@code .env} beside it, checks
 * it against {@code compose.schema.json}, and reads its services, taking the service named {@code
 * migrate} as the migration.
 */
final class ComposeReader {
  /** The name of the Compose service that becomes {@code migrate}. */
  static final String MIGRATE = "migrate";

  /** Keys of the {@code migrate} service dray uses or ignores; any other is a problem. */
  private static final Set<String> MIGRATE_KEYS =
      Set.of(
          "image",
          "command",
          "environment",
          "env_file",
          "depends_on",
          "profiles",
          "build",
          "restart",
          "container_name",
          "networks");

  /**
   * What a Compose file held.
   *
   * @param file the Compose file, absolute
   * @param entries the services that read without problems, in file order, {@code migrate} left out
   * @param names every service name, {@code migrate} left out
   * @param migrate the {@code migrate} service as a migration, if there is one
   * @param defaultTags the tag each service's image was written with
   * @param warnings variables used without a value, as Compose warns about them
   */
  record Read(
      Path file,
      List<ServiceEntry> entries,
      List<String> names,
      Optional<MigrateConfig> migrate,
      Map<String, String> defaultTags,
      List<String> warnings) {
    ComposeFile toFile(List<ServiceConfig> services, Optional<MigrateConfig> migrate) {
      return new ComposeFile(file, services, migrate, defaultTags, warnings);
    }
  }

  private ComposeReader() {}

  /**
   * Reads {@code file}, an existing file, recording problems in {@code problems}; empty when there
   * were any.
   *
   * @param env variables for interpolation; they win over the {@code .env} file's
   * @param defaultImage the image of services without one (dray.yml's {@code image})
   */
  static Optional<Read> read(
      Path file, Map<String, String> env, Optional<ImageRef> defaultImage, Problems problems) {
    int before = problems.size();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(file, ConfigPath.ROOT, Position.NONE, "cannot read: " + e.getMessage());
      return Optional.empty();
    }
    YamlTree tree;
    try {
      tree = YamlTree.read(file, text, "the Compose file is empty; it needs at least services");
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return Optional.empty();
    }
    ConfigNode root = ConfigNode.root(tree, problems, file.getParent());
    Map<String, String> vars = new HashMap<>();
    Path dotEnv = file.resolveSibling(".env");
    if (Files.isRegularFile(dotEnv)) {
      vars.putAll(EnvFile.read(root, dotEnv));
    }
    vars.putAll(env);
    List<String> warnings = new ArrayList<>();
    tree.replaceRoot(interpolate(tree, tree.root(), ConfigPath.ROOT, vars, root, warnings));
    if (root.problemCount() == before) {
      root.checkSchema(SchemaCheck.COMPOSE);
    }
    if (root.problemCount() > before) {
      return Optional.empty();
    }
    ConfigNode services = root.get("services");
    List<ServiceEntry> entries = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Map<String, String> tags = new LinkedHashMap<>();
    for (String name : services.keys()) {
      if (name.equals(MIGRATE)) {
        continue;
      }
      names.add(name);
      ComposeServiceReader.read(services.get(name), defaultImage)
          .ifPresent(
              r -> {
                entries.add(r.entry());
                r.tag().ifPresent(t -> tags.put(name, t));
              });
    }
    Optional<MigrateConfig> migrate = Optional.empty();
    if (services.has(MIGRATE)) {
      migrate = migrate(services.get(MIGRATE), entries, defaultImage);
      entries.replaceAll(ComposeReader::withoutMigrateDependency);
    }
    if (root.problemCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new Read(file, entries, names, migrate, tags, warnings));
  }

  /** Dependencies on {@code migrate} are dropped: it runs before any service is replaced. */
  private static ServiceEntry withoutMigrateDependency(ServiceEntry entry) {
    if (!entry.dependencies().containsKey(MIGRATE)) {
      return entry;
    }
    Map<String, ConfigNode> dependencies = new LinkedHashMap<>(entry.dependencies());
    dependencies.remove(MIGRATE);
    return new ServiceEntry(
        entry.config().withDependsOn(List.copyOf(dependencies.keySet())),
        entry.node(),
        dependencies,
        entry.publicPort());
  }

  private static Optional<MigrateConfig> migrate(
      ConfigNode node, List<ServiceEntry> services, Optional<ImageRef> defaultImage) {
    for (String key : node.keys()) {
      if (!MIGRATE_KEYS.contains(key) && !key.startsWith("x-")) {
        node.get(key)
            .keyProblem(
                "not used for the migrate service: dray runs it once, before traffic moves, with"
                    + " the new image and the environment of the service it shares its image"
                    + " with; it reads image, command, environment and env_file");
      }
    }
    Optional<ComposeServiceReader.Read> read = ComposeServiceReader.read(node, defaultImage);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    ServiceConfig migrate = read.get().entry().config();
    Optional<ServiceEntry> source =
        services.stream().filter(s -> s.config().image().equals(migrate.image())).findFirst();
    if (source.isEmpty()) {
      ConfigNode at = node.get("image").isPresent() ? node.get("image") : node;
      at.keyProblem(
          "the migrate service runs from the new image of a deployed service, and no service has"
              + " image "
              + migrate.image()
              + (services.isEmpty()
                  ? ""
                  : "; images are "
                      + new LinkedHashSet<>(
                          services.stream().map(s -> s.config().image().toString()).toList())));
      return Optional.empty();
    }
    ServiceConfig service = source.get().config();
    boolean envFits =
        migrate.env().entrySet().stream()
                .allMatch(e -> e.getValue().equals(service.env().get(e.getKey())))
            && service.secrets().containsAll(migrate.secrets());
    if (!envFits) {
      ConfigNode at =
          node.get("environment").isPresent() ? node.get("environment") : node.get("env_file");
      at.keyProblem(
          "the migrate service runs with the environment of '"
              + service.name()
              + "', and this sets variables '"
              + service.name()
              + "' does not have (or with other values); move them to '"
              + service.name()
              + "' or remove them here");
      return Optional.empty();
    }
    return Optional.of(new MigrateConfig(service.name(), migrate.command()));
  }

  /** {@code node} with every string value interpolated; problems at the value's position. */
  private static JsonNode interpolate(
      YamlTree tree,
      JsonNode node,
      ConfigPath path,
      Map<String, String> vars,
      ConfigNode root,
      List<String> warnings) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, interpolate(tree, object.get(name), path.key(name), vars, root, warnings));
      }
      return object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, interpolate(tree, array.get(i), path.index(i), vars, root, warnings));
      }
      return array;
    }
    if (!node.isTextual() || !node.asText().contains("$")) {
      return node;
    }
    try {
      Interpolation.Result result = Interpolation.apply(node.asText(), vars);
      Position at = tree.nearest(path);
      for (String name : result.unset()) {
        String warning = "variable " + name + " is not set; using an empty string";
        if (warnings.stream().noneMatch(w -> w.startsWith(warning))) {
          warnings.add(
              warning
                  + " ("
                  + (path.isRoot() ? "" : path + " at ")
                  + tree.file().getFileName()
                  + ":"
                  + at.line()
                  + ":"
                  + at.column()
                  + ")");
        }
      }
      return TextNode.valueOf(result.value());
    } catch (Interpolation.InterpolationException e) {
      root.problemAt(path, tree.nearest(path), e.getMessage());
      return node;
    }
  }
}
