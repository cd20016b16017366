package dev.dray.config;

import dev.dray.image.ImageRef;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded {@code dray.yml}: the service, its image repository, how it is built, tagged and
 * labelled, how registries are reached, and how it is deployed.
 *
 * @param file the config file, absolute
 * @param service the service name: lowercase letters, digits and {@code -}
 * @param image the image repository, without tag or digest
 * @param build how the image is built
 * @param tagRules docker/metadata-action style tag rules, one per entry; empty when not given
 * @param flavor docker/metadata-action style flavor settings such as {@code latest=auto}
 * @param labels extra image labels, in file order
 * @param registry how registries are reached
 * @param deploy how the app is deployed; {@link DeployConfig#defaults()} (no services) when no
 *     deploy key is set
 * @param compose the Compose file the services were read from, when {@code compose} is set
 * @param autoDeploy what {@code dray server} deploys by itself, when {@code auto_deploy} is set
 */
public record DrayConfig(
    Path file,
    String service,
    ImageRef image,
    BuildConfig build,
    List<String> tagRules,
    List<String> flavor,
    Map<String, String> labels,
    RegistryConfig registry,
    DeployConfig deploy,
    Optional<ComposeFile> compose,
    Optional<AutoDeployConfig> autoDeploy) {

  public DrayConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(deploy, "deploy");
    Objects.requireNonNull(compose, "compose");
    Objects.requireNonNull(autoDeploy, "autoDeploy");
    if (image.tag().isPresent() || image.digest().isPresent()) {
      throw new IllegalArgumentException("image must be a repository without tag: " + image);
    }
    tagRules = List.copyOf(tagRules);
    flavor = List.copyOf(flavor);
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /** A config without {@code auto_deploy}. */
  public DrayConfig(
      Path file,
      String service,
      ImageRef image,
      BuildConfig build,
      List<String> tagRules,
      List<String> flavor,
      Map<String, String> labels,
      RegistryConfig registry,
      DeployConfig deploy,
      Optional<ComposeFile> compose) {
    this(
        file,
        service,
        image,
        build,
        tagRules,
        flavor,
        labels,
        registry,
        deploy,
        compose,
        Optional.empty());
  }

  /**
   * Reads a schema-valid document, checking what the schema cannot; throws every problem.
   *
   * @param env the environment a Compose file named by {@code compose} is interpolated with
   */
  static DrayConfig read(ConfigNode root, Map<String, String> env) {
    String service = root.get("service").text("");
    Optional<ImageRef> image =
        ImageRepository.read(root.get("image"), "tags come from the tags rules");
    BuildConfig build = BuildConfig.read(root.get("build"));
    List<String> tagRules = root.get("tags").linesOrList();
    List<String> flavor = root.get("flavor").linesOrList();
    Map<String, String> labels = root.get("labels").scalarMap();
    RegistryConfig registry = RegistryConfig.read(root.get("registry"));
    Optional<DeploySection.Read> deploy = DeploySection.read(root, image, env);
    Optional<AutoDeployConfig> autoDeploy = AutoDeployConfig.read(root.get("auto_deploy"));
    root.throwProblems();
    return new DrayConfig(
        root.file(),
        service,
        image.orElseThrow(),
        build,
        tagRules,
        flavor,
        labels,
        registry,
        deploy.orElseThrow().deploy(),
        deploy.orElseThrow().compose(),
        autoDeploy);
  }
}
