package dev.dray.config;

import dev.dray.image.ImageRef;
import dev.dray.image.InvalidReferenceException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded {@code dray.yml}: the service, its image repository, how it is built, tagged and
 * labelled, and how registries are reached.
 *
 * @param file the config file, absolute
 * @param service the service name: lowercase letters, digits and {@code -}
 * @param image the image repository, without tag or digest
 * @param build how the image is built
 * @param tagRules docker/metadata-action style tag rules, one per entry; empty when not given
 * @param flavor docker/metadata-action style flavor settings such as {@code latest=auto}
 * @param labels extra image labels, in file order
 * @param registry how registries are reached
 */
public record DrayConfig(
    Path file,
    String service,
    ImageRef image,
    BuildConfig build,
    List<String> tagRules,
    List<String> flavor,
    Map<String, String> labels,
    RegistryConfig registry) {

  public DrayConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(registry, "registry");
    if (image.tag().isPresent() || image.digest().isPresent()) {
      throw new IllegalArgumentException("image must be a repository without tag: " + image);
    }
    tagRules = List.copyOf(tagRules);
    flavor = List.copyOf(flavor);
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /** Reads a schema-valid document, checking what the schema cannot; throws every problem. */
  static DrayConfig read(ConfigNode root) {
    String service = root.get("service").text("");
    ImageRef image = repository(root.get("image"));
    BuildConfig build = BuildConfig.read(root.get("build"));
    List<String> tagRules = root.get("tags").linesOrList();
    List<String> flavor = root.get("flavor").linesOrList();
    Map<String, String> labels = root.get("labels").scalarMap();
    RegistryConfig registry = RegistryConfig.read(root.get("registry"));
    root.throwProblems();
    return new DrayConfig(root.file(), service, image, build, tagRules, flavor, labels, registry);
  }

  private static ImageRef repository(ConfigNode node) {
    String text = node.text("");
    ImageRef ref;
    try {
      ref = ImageRef.parse(text);
    } catch (InvalidReferenceException e) {
      node.problem(e.getMessage());
      return null;
    }
    if (ref.digest().isPresent()) {
      node.problem("expected a repository without a digest, got '" + text + "'");
      return null;
    }
    if (ref.tag().isPresent()) {
      node.problem(
          "expected a repository without a tag, got tag '"
              + ref.tag().get()
              + "'; tags come from the tags rules");
      return null;
    }
    return ref;
  }
}
