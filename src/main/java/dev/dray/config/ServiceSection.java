package dev.dray.config;

import dev.dray.image.ImageRef;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one service of dray.yml's {@code services} mapping. */
final class ServiceSection {
  private ServiceSection() {}

  /**
   * Reads the service at {@code node}; empty when it has a problem (recorded).
   *
   * @param defaultImage the top-level {@code image}; empty when that is invalid
   */
  static Optional<ServiceEntry> read(ConfigNode node, Optional<ImageRef> defaultImage) {
    int before = node.problemCount();
    String name = node.name().orElseThrow();
    checkName(node);
    Optional<ImageRef> image =
        node.get("image").isPresent()
            ? ImageRepository.read(node.get("image"), "the version is chosen at deploy time")
            : defaultImage;
    Optional<Integer> port = boxed(node.get("port"));
    Role role = role(node, port.isPresent());
    if (role == Role.WORKER && port.isPresent()) {
      node.get("port")
          .problem("port is for web services behind the proxy; remove it or set role: web");
    }
    ConfigNode publicPortNode = node.get("public_port");
    Optional<Integer> publicPort = boxed(publicPortNode);
    if (role == Role.WORKER && publicPort.isPresent()) {
      publicPortNode.problem("public_port is for web services behind the proxy; remove it");
    }
    Map<String, String> env = new LinkedHashMap<>(EnvFile.readAll(envFiles(node.get("env_file"))));
    env.putAll(node.get("env").scalarMap());
    List<String> secrets = node.get("secrets").strings();
    for (ConfigNode secret : node.get("secrets").elements()) {
      if (node.get("env").has(secret.text(""))) {
        secret.problem(
            "'"
                + secret.text("")
                + "' is also set in env; a secret's value comes from dray's environment, so"
                + " remove one");
      }
    }
    List<String> volumes = volumes(node.get("volumes"));
    Optional<String> gpus = gpus(node.get("gpus"));
    Optional<HealthcheckConfig> healthcheck = healthcheck(node.get("healthcheck"), port);
    Map<String, ConfigNode> dependencies = new LinkedHashMap<>();
    node.get("depends_on").elements().forEach(d -> dependencies.putIfAbsent(d.text(""), d));
    List<String> command = node.get("command").words();
    Duration stopTimeout = node.get("stop_timeout").duration(ServiceConfig.DEFAULT_STOP_TIMEOUT);
    if (node.problemCount() > before || image.isEmpty()) {
      return Optional.empty();
    }
    ServiceConfig service =
        new ServiceConfig(
            name,
            role,
            image.get(),
            command,
            env,
            secrets,
            volumes,
            gpus,
            node.get("devices").strings(),
            healthcheck,
            List.copyOf(dependencies.keySet()),
            role == Role.WEB ? port : Optional.empty(),
            role == Role.WEB ? publicPort : Optional.empty(),
            stopTimeout,
            node.get("profiles").strings());
    return Optional.of(new ServiceEntry(service, node, dependencies, publicPortNode));
  }

  /** Records a problem when the key naming {@code node} is no valid service name. */
  static void checkName(ConfigNode node) {
    String name = node.name().orElseThrow();
    if (!ServiceConfig.NAME.matcher(name).matches()) {
      node.keyProblem(
          "expected a service name of letters, digits, _ . and -, starting with a letter or"
              + " digit, got '"
              + name
              + "'");
    }
  }

  private static Role role(ConfigNode node, boolean hasPort) {
    ConfigNode role = node.get("role");
    if (!role.isPresent()) {
      return hasPort ? Role.WEB : Role.WORKER;
    }
    if (role.text("").equals("web")) {
      if (!hasPort) {
        role.problem("a web service needs port: the container port the proxy sends traffic to");
      }
      return Role.WEB;
    }
    return Role.WORKER;
  }

  static List<ConfigNode> envFiles(ConfigNode envFile) {
    return envFile.isText() ? List.of(envFile) : envFile.elements();
  }

  static Optional<Integer> boxed(ConfigNode node) {
    return node.integer().isPresent() ? Optional.of(node.integer().getAsInt()) : Optional.empty();
  }

  static List<String> volumes(ConfigNode volumes) {
    return volumes.elements().stream()
        .map(
            v -> {
              try {
                return VolumeSpec.resolve(v.text(""), v.baseDir());
              } catch (IllegalArgumentException e) {
                v.problem(e.getMessage());
                return v.text("");
              }
            })
        .toList();
  }

  /** {@code all} or a positive count, as text; a problem for anything else. */
  static Optional<String> gpus(ConfigNode gpus) {
    if (!gpus.isPresent()) {
      return Optional.empty();
    }
    String text = gpus.text("");
    if (text.equals("all") || text.matches("[1-9][0-9]{0,3}")) {
      return Optional.of(text);
    }
    gpus.problem(
        "expected all or a positive number of GPUs, got "
            + (gpus.isText() ? "'" + text + "'" : text.isEmpty() ? "a " + kind(gpus) : text));
    return Optional.empty();
  }

  private static String kind(ConfigNode node) {
    return node.isList() ? "list" : node.isMap() ? "mapping" : "value";
  }

  private static Optional<HealthcheckConfig> healthcheck(
      ConfigNode check, Optional<Integer> servicePort) {
    if (!check.isPresent()) {
      return Optional.empty();
    }
    Optional<String> path = check.get("path").text();
    Optional<Integer> port = boxed(check.get("port"));
    List<String> test = test(check.get("test"));
    if (path.isPresent() && !test.isEmpty()) {
      check.get("test").problem("set path (an HTTP check) or test (a command), not both");
    }
    if (path.isPresent() && port.isEmpty()) {
      port = servicePort;
      if (port.isEmpty()) {
        check
            .get("path")
            .problem("an HTTP check needs a port: set healthcheck.port (this service has no port)");
      }
    }
    if (path.isEmpty() && port.isPresent()) {
      check
          .get("port")
          .problem("port is only used with path (an HTTP check); add path or remove it");
    }
    Duration interval = check.get("interval").duration(HealthcheckConfig.DEFAULT_INTERVAL);
    Duration timeout = check.get("timeout").duration(HealthcheckConfig.DEFAULT_TIMEOUT);
    Duration startPeriod = check.get("start_period").duration(Duration.ZERO);
    int retries = check.get("retries").integer().orElse(HealthcheckConfig.DEFAULT_RETRIES);
    if ((path.isPresent() && (port.isEmpty() || !test.isEmpty())) || retries < 1) {
      return Optional.empty();
    }
    return Optional.of(
        new HealthcheckConfig(
            path,
            path.isPresent() ? port : Optional.empty(),
            interval,
            timeout,
            retries,
            startPeriod,
            test));
  }

  /**
   * A Docker health command: a string runs in the shell ({@code [CMD-SHELL, string]}); a list must
   * start with {@code CMD}, {@code CMD-SHELL} or {@code NONE}. Empty when absent.
   */
  static List<String> test(ConfigNode test) {
    if (!test.isPresent()) {
      return List.of();
    }
    if (test.isText()) {
      return List.of("CMD-SHELL", test.text(""));
    }
    List<String> words = test.strings();
    String kind = words.isEmpty() ? "" : words.get(0);
    boolean valid =
        switch (kind) {
          case "CMD" -> words.size() > 1;
          case "CMD-SHELL" -> words.size() == 2;
          case "NONE" -> words.size() == 1;
          default -> false;
        };
    if (!valid) {
      test.problem(
          "expected a command string, or a list [CMD, program, arg…], [CMD-SHELL, command] or"
              + " [NONE]");
      return List.of();
    }
    return words;
  }
}
