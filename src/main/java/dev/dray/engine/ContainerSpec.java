package dev.dray.engine;

import dev.dray.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What container to create: its name, image, command, environment (plain and secret), labels,
 * volumes, one container port published on {@code 127.0.0.1}, GPUs, devices, a health check
 * override, restart policy and stop timeout.
 *
 * <p>Secret values are sent to the engine only in the create request; {@link #toString()} shows
 * their names, never their values.
 */
public record ContainerSpec(
    String name,
    String image,
    List<String> command,
    Map<String, String> env,
    Map<String, Secret> secretEnv,
    Map<String, String> labels,
    List<String> binds,
    Optional<Integer> publishPort,
    Optional<String> gpus,
    List<String> devices,
    Optional<HealthSpec> healthcheck,
    String restartPolicy,
    Optional<Duration> stopTimeout) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final Pattern ENV_NAME = Pattern.compile("[^=\\s]+");
  private static final Pattern GPU_COUNT = Pattern.compile("[1-9][0-9]{0,3}");
  private static final Set<String> RESTART_POLICIES =
      Set.of("no", "always", "unless-stopped", "on-failure");

  public ContainerSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid container name '" + name + "': use letters, digits, '_', '.' and '-'");
    }
    if (image.isBlank()) {
      throw new IllegalArgumentException("container " + name + " needs an image");
    }
    command = List.copyOf(command);
    env = Map.copyOf(env);
    secretEnv = Map.copyOf(secretEnv);
    labels = Map.copyOf(labels);
    binds = List.copyOf(binds);
    devices = List.copyOf(devices);
    Objects.requireNonNull(publishPort, "publishPort");
    Objects.requireNonNull(healthcheck, "healthcheck");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    gpus = gpus.filter(g -> !g.isBlank());
    env.keySet().forEach(ContainerSpec::requireEnvName);
    secretEnv.keySet().forEach(ContainerSpec::requireEnvName);
    for (String key : secretEnv.keySet()) {
      if (env.containsKey(key)) {
        throw new IllegalArgumentException(key + " is set both as plain and as secret variable");
      }
    }
    publishPort.ifPresent(ContainerSpec::requirePort);
    gpus.ifPresent(ContainerSpec::requireGpus);
    devices.forEach(DeviceMapping::parse);
    binds.forEach(ContainerSpec::requireBind);
    requireRestartPolicy(restartPolicy);
    stopTimeout.ifPresent(
        t -> {
          if (t.isNegative()) {
            throw new IllegalArgumentException("stop timeout must not be negative: " + t);
          }
        });
  }

  /** Starts a spec for a container {@code name} running {@code image} and nothing else set. */
  public static Builder builder(String name, String image) {
    return new Builder(name, image);
  }

  /** The same spec with another name, such as for a one-off container of the same service. */
  public ContainerSpec withName(String newName) {
    return new ContainerSpec(
        newName,
        image,
        command,
        env,
        secretEnv,
        labels,
        binds,
        publishPort,
        gpus,
        devices,
        healthcheck,
        restartPolicy,
        stopTimeout);
  }

  @Override
  public String toString() {
    return "ContainerSpec[name="
        + name
        + ", image="
        + image
        + ", command="
        + command
        + ", env="
        + env
        + ", secretEnv="
        + secretEnv.keySet().stream().sorted().map(k -> k + "=******").toList()
        + ", labels="
        + labels
        + ", binds="
        + binds
        + ", publishPort="
        + publishPort
        + ", gpus="
        + gpus
        + ", devices="
        + devices
        + ", healthcheck="
        + healthcheck
        + ", restartPolicy="
        + restartPolicy
        + ", stopTimeout="
        + stopTimeout
        + "]";
  }

  private static void requireEnvName(String key) {
    if (!ENV_NAME.matcher(key).matches()) {
      throw new IllegalArgumentException("invalid environment variable name '" + key + "'");
    }
  }

  private static void requirePort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("container port must be 1-65535, not " + port);
    }
  }

  private static void requireGpus(String gpus) {
    if (!gpus.equals("all") && !GPU_COUNT.matcher(gpus).matches()) {
      throw new IllegalArgumentException("gpus must be 'all' or a count, not '" + gpus + "'");
    }
  }

  private static void requireBind(String bind) {
    String[] parts = bind.split(":", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || !parts[1].startsWith("/")) {
      throw new IllegalArgumentException(
          "a volume is SOURCE:/container/path[:OPTIONS], not '" + bind + "'");
    }
  }

  private static void requireRestartPolicy(String policy) {
    Objects.requireNonNull(policy, "restartPolicy");
    String base = policy.startsWith("on-failure:") ? "on-failure" : policy;
    if (!RESTART_POLICIES.contains(base)
        || policy.startsWith("on-failure:") && !policy.substring(11).matches("[0-9]{1,6}")) {
      throw new IllegalArgumentException(
          "restart policy must be no, always, unless-stopped or on-failure[:N], not '"
              + policy
              + "'");
    }
  }

  /** Collects a {@link ContainerSpec}'s optional parts; by default restart policy {@code no}. */
  public static final class Builder {
    private final String name;
    private final String image;
    private final List<String> command = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, Secret> secretEnv = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<String> binds = new ArrayList<>();
    private Integer publishPort;
    private String gpus;
    private final List<String> devices = new ArrayList<>();
    private HealthSpec healthcheck;
    private String restartPolicy = "no";
    private Duration stopTimeout;

    private Builder(String name, String image) {
      this.name = name;
      this.image = image;
    }

    /** The command replacing the image's {@code CMD}; empty keeps the image's. */
    public Builder command(List<String> argv) {
      command.clear();
      command.addAll(argv);
      return this;
    }

    public Builder command(String... argv) {
      return command(List.of(argv));
    }

    public Builder env(String key, String value) {
      env.put(key, value);
      return this;
    }

    public Builder env(Map<String, String> values) {
      env.putAll(values);
      return this;
    }

    public Builder secretEnv(String key, Secret value) {
      secretEnv.put(key, value);
      return this;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder labels(Map<String, String> values) {
      labels.putAll(values);
      return this;
    }

    /** A volume or bind mount, {@code name:/path}, {@code /host:/path[:ro]}. */
    public Builder bind(String bind) {
      binds.add(bind);
      return this;
    }

    /** Publishes {@code containerPort}/tcp on {@code 127.0.0.1} at a port the engine picks. */
    public Builder publishPort(int containerPort) {
      this.publishPort = containerPort;
      return this;
    }

    /** {@code all} or a count of NVIDIA GPUs. */
    public Builder gpus(String value) {
      this.gpus = value;
      return this;
    }

    /** A host device, {@code /dev/x} or {@code /dev/x:/dev/y[:rwm]}. */
    public Builder device(String device) {
      devices.add(device);
      return this;
    }

    public Builder healthcheck(HealthSpec value) {
      this.healthcheck = value;
      return this;
    }

    /** {@code no}, {@code always}, {@code unless-stopped} or {@code on-failure[:N]}. */
    public Builder restartPolicy(String value) {
      this.restartPolicy = value;
      return this;
    }

    /** How long the engine waits after SIGTERM before it kills the container. */
    public Builder stopTimeout(Duration value) {
      this.stopTimeout = value;
      return this;
    }

    public ContainerSpec build() {
      return new ContainerSpec(
          name,
          image,
          command,
          env,
          secretEnv,
          labels,
          binds,
          Optional.ofNullable(publishPort),
          Optional.ofNullable(gpus),
          devices,
          Optional.ofNullable(healthcheck),
          restartPolicy,
          Optional.ofNullable(stopTimeout));
    }
  }
}
