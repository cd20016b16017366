package dev.dray.config;

import dev.dray.image.ImageRef;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One service of an app as deployed: its image repository, how its container runs, and how it is
 * checked and ordered in a rollout. Read from dray.yml's {@code services} or from a Compose file.
 *
 * @param name the service's name: letters, digits, {@code _ . -}, starting with a letter or digit
 * @param role behind the proxy or not
 * @param image the image repository, without tag or digest; the version comes at deploy time
 * @param command the container's command; empty for the image's own
 * @param env environment variables: env_file entries overridden by env, in file order
 * @param secrets names of variables whose values are read from dray's own environment at deploy
 *     time; never stored
 * @param volumes binds in Docker's short syntax {@code SOURCE:TARGET[:MODE]}; relative host paths
 *     are already resolved to absolute ones
 * @param gpus {@code all} or a number of GPUs to request; empty for none
 * @param devices host devices to map, such as {@code /dev/snd}
 * @param healthcheck how a new container is judged healthy; empty for the image's own check
 * @param dependsOn services rolled out before this one
 * @param port the container port the proxy sends to; present exactly for web services
 * @param publicPort the port the proxy listens on for this service; present exactly for web
 *     services once loaded ({@code proxy.port} for the first web service unless set)
 * @param stopTimeout how long a stopping container may take before it is killed
 * @param profiles Compose profiles; the service is active when this is empty or one is enabled
 */
public record ServiceConfig(
    String name,
    Role role,
    ImageRef image,
    List<String> command,
    Map<String, String> env,
    List<String> secrets,
    List<String> volumes,
    Optional<String> gpus,
    List<String> devices,
    Optional<HealthcheckConfig> healthcheck,
    List<String> dependsOn,
    Optional<Integer> port,
    Optional<Integer> publicPort,
    Duration stopTimeout,
    List<String> profiles) {
  /** What a service name looks like (a Docker container name part). */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  /** How long a container may take to stop when {@code stop_timeout} is not set. */
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

  public ServiceConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(gpus, "gpus");
    Objects.requireNonNull(healthcheck, "healthcheck");
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(publicPort, "publicPort");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid service name: " + name);
    }
    if (image.tag().isPresent() || image.digest().isPresent()) {
      throw new IllegalArgumentException("image must be a repository without tag: " + image);
    }
    if (role == Role.WEB && port.isEmpty()) {
      throw new IllegalArgumentException("web service " + name + " needs a port");
    }
    if (role == Role.WORKER && (port.isPresent() || publicPort.isPresent())) {
      throw new IllegalArgumentException("worker " + name + " has no port");
    }
    port.ifPresent(p -> checkPort("port", p));
    publicPort.ifPresent(p -> checkPort("publicPort", p));
    gpus.ifPresent(
        g -> {
          if (!g.equals("all") && !g.matches("[1-9][0-9]*")) {
            throw new IllegalArgumentException("gpus must be all or a positive count: " + g);
          }
        });
    command = List.copyOf(command);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    secrets = List.copyOf(secrets);
    volumes = List.copyOf(volumes);
    devices = List.copyOf(devices);
    dependsOn = List.copyOf(dependsOn);
    profiles = List.copyOf(profiles);
  }

  private static void checkPort(String what, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(what + " must be 1-65535, got " + port);
    }
  }

  /** Whether the service runs when {@code enabled} profiles are enabled. */
  public boolean isActive(Set<String> enabled) {
    return profiles.isEmpty() || profiles.stream().anyMatch(enabled::contains);
  }

  /** This service with {@code publicPort} set. */
  ServiceConfig withPublicPort(int publicPort) {
    return new ServiceConfig(
        name,
        role,
        image,
        command,
        env,
        secrets,
        volumes,
        gpus,
        devices,
        healthcheck,
        dependsOn,
        port,
        Optional.of(publicPort),
        stopTimeout,
        profiles);
  }

  /** This service with {@code dependsOn} replaced. */
  ServiceConfig withDependsOn(List<String> dependsOn) {
    return new ServiceConfig(
        name,
        role,
        image,
        command,
        env,
        secrets,
        volumes,
        gpus,
        devices,
        healthcheck,
        dependsOn,
        port,
        publicPort,
        stopTimeout,
        profiles);
  }

  /** Shows environment variable names only: env files often hold passwords. */
  @Override
  public String toString() {
    return "ServiceConfig[name="
        + name
        + ", role="
        + role
        + ", image="
        + image
        + ", command="
        + command
        + ", env="
        + env.keySet()
        + " (values hidden), secrets="
        + secrets
        + ", volumes="
        + volumes
        + ", gpus="
        + gpus
        + ", devices="
        + devices
        + ", healthcheck="
        + healthcheck
        + ", dependsOn="
        + dependsOn
        + ", port="
        + port
        + ", publicPort="
        + publicPort
        + ", stopTimeout="
        + stopTimeout
        + ", profiles="
        + profiles
        + "]";
  }
}
