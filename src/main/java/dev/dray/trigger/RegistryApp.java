package dev.dray.trigger;

import dev.dray.Secret;
import dev.dray.config.AutoDeployConfig;
import dev.dray.config.DrayConfig;
import dev.dray.config.ServiceConfig;
import dev.dray.image.ImageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An app as registry notifications see it: the repositories its images live in, what it follows,
 * and the secret the registry presents.
 *
 * @param repositories repository paths such as {@code acme/app} (no host: a registry names itself
 *     in many ways, so events are matched by path)
 */
public record RegistryApp(
    String app, List<String> repositories, DeployPolicy policy, Secret secret) {
  public RegistryApp {
    Objects.requireNonNull(app, "app");
    repositories = List.copyOf(repositories);
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(secret, "secret");
    if (repositories.isEmpty()) {
      throw new IllegalArgumentException("app " + app + " has no repository");
    }
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("app " + app + " has an empty registry secret");
    }
  }

  /**
   * The app {@code config} describes when its {@code auto_deploy} names a {@code
   * registry_secret_env}: the top-level image and every service's image, the secret read from
   * {@code env}.
   *
   * @throws MissingWebhookSecretException when the variable is not set in {@code env}
   */
  public static Optional<RegistryApp> fromConfig(DrayConfig config, Map<String, String> env) {
    Optional<AutoDeployConfig> auto = config.autoDeploy();
    if (auto.isEmpty() || auto.get().registrySecretEnv().isEmpty()) {
      return Optional.empty();
    }
    String variable = auto.get().registrySecretEnv().get();
    String value = env.get(variable);
    if (value == null || value.isEmpty()) {
      throw new MissingWebhookSecretException(config.service(), variable, "registry_secret_env");
    }
    List<String> repositories = new ArrayList<>();
    repositories.add(config.image().repository());
    for (ServiceConfig service : config.deploy().services()) {
      ImageRef image = service.image();
      if (!repositories.contains(image.repository())) {
        repositories.add(image.repository());
      }
    }
    return Optional.of(
        new RegistryApp(
            config.service(),
            repositories,
            DeployPolicy.of(config.service(), auto.get()),
            Secret.of(value)));
  }
}
