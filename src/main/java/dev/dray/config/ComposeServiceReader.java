package dev.dray.config;

import dev.dray.image.ImageRef;
import dev.dray.image.InvalidReferenceException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one service of a Compose file into a {@link ServiceConfig}: the first port makes it a web
 * service, a GPU reservation becomes {@code gpus}, variables listed without a value become secrets.
 */
final class ComposeServiceReader {
  /** Docker's healthcheck defaults, which Compose files are written against. */
  static final Duration DOCKER_HEALTH_INTERVAL = Duration.ofSeconds(30);

  static final Duration DOCKER_HEALTH_TIMEOUT = Duration.ofSeconds(30);
  static final int DOCKER_HEALTH_RETRIES = 3;

  /** A service read: the entry, and the tag its {@code image} was written with, if any. */
  record Read(ServiceEntry entry, Optional<String> tag) {}

  private ComposeServiceReader() {}

  /**
   * Reads the service at {@code node}; empty when it has a problem (recorded).
   *
   * @param defaultImage dray.yml's {@code image}, for services without one
   */
  static Optional<Read> read(ConfigNode node, Optional<ImageRef> defaultImage) {
    int before = node.problemCount();
    String name = node.name().orElseThrow();
    ServiceSection.checkName(node);
    Optional<String> tag = Optional.empty();
    Optional<ImageRef> image = defaultImage;
    ConfigNode imageNode = node.get("image");
    if (imageNode.isPresent()) {
      try {
        ImageRef ref = ImageRef.parse(imageNode.text(""));
        image = Optional.of(ImageRepository.withoutVersion(ref));
        tag = ref.tag();
      } catch (InvalidReferenceException e) {
        imageNode.problem(e.getMessage());
      }
    }
    Map<String, String> env = new LinkedHashMap<>(EnvFile.readAll(envFiles(node.get("env_file"))));
    List<String> secrets = new ArrayList<>();
    environment(node.get("environment"), env, secrets);
    secrets.forEach(env::remove);
    ConfigNode ports = node.get("ports");
    Optional<Port> port =
        ports.elements().isEmpty() ? Optional.empty() : port(ports.elements().get(0));
    for (ConfigNode extra : ports.elements().stream().skip(1).toList()) {
      extra.problem(
          "dray routes one port per service through its proxy; keep only the port traffic goes to");
    }
    Map<String, ConfigNode> dependencies = new LinkedHashMap<>();
    ConfigNode dependsOn = node.get("depends_on");
    if (dependsOn.isMap()) {
      dependsOn.keys().forEach(d -> dependencies.put(d, dependsOn.get(d)));
    } else {
      dependsOn.elements().forEach(d -> dependencies.putIfAbsent(d.text(""), d));
    }
    Optional<String> gpus = gpus(node);
    Optional<HealthcheckConfig> healthcheck = healthcheck(node.get("healthcheck"));
    List<String> volumes = ServiceSection.volumes(node.get("volumes"));
    List<String> command = node.get("command").words();
    Duration stopTimeout =
        node.get("stop_grace_period").duration(ServiceConfig.DEFAULT_STOP_TIMEOUT);
    if (node.problemCount() > before || image.isEmpty()) {
      return Optional.empty();
    }
    ServiceConfig service =
        new ServiceConfig(
            name,
            port.isPresent() ? Role.WEB : Role.WORKER,
            image.get(),
            command,
            env,
            secrets,
            volumes,
            gpus,
            node.get("devices").strings(),
            healthcheck,
            List.copyOf(dependencies.keySet()),
            port.map(Port::target),
            port.flatMap(Port::published),
            stopTimeout,
            node.get("profiles").strings());
    ConfigNode publicPort = port.isPresent() ? port.get().node() : node.get("ports");
    return Optional.of(new Read(new ServiceEntry(service, node, dependencies, publicPort), tag));
  }

  private static List<ConfigNode> envFiles(ConfigNode envFile) {
    List<ConfigNode> files = new ArrayList<>();
    for (ConfigNode entry : ServiceSection.envFiles(envFile)) {
      if (!entry.isMap()) {
        files.add(entry);
      } else if (entry.get("required").text("true").equals("true")
          || Files.exists(entry.baseDir().resolve(entry.get("path").text("")))) {
        files.add(entry.get("path"));
      }
    }
    return files;
  }

  /** Adds {@code environment} to {@code env}; names without a value go to {@code secrets}. */
  private static void environment(
      ConfigNode environment, Map<String, String> env, List<String> secrets) {
    if (environment.isMap()) {
      for (String key : environment.keys()) {
        ConfigNode value = environment.get(key);
        if (value.isPresent()) {
          env.put(key, value.text(""));
        } else {
          secrets.add(key);
        }
      }
      return;
    }
    for (ConfigNode entry : environment.elements()) {
      String text = entry.text("");
      int eq = text.indexOf('=');
      String key = eq < 0 ? text : text.substring(0, eq);
      if (!EnvFile.KEY.matcher(key).matches()) {
        entry.problem(
            "expected NAME=VALUE, or NAME alone to take the value from dray's environment");
      } else if (eq < 0) {
        secrets.add(key);
      } else {
        env.put(key, text.substring(eq + 1));
      }
    }
  }

  /** A port: the container port, and the public one when published. */
  private record Port(int target, Optional<Integer> published, ConfigNode node) {}

  private static Optional<Port> port(ConfigNode node) {
    if (node.isMap()) {
      if (node.get("host_ip").isPresent()) {
        node.get("host_ip").problem(hostIpMessage());
      }
      protocol(node.get("protocol"), node.get("protocol").text("tcp"));
      Optional<Integer> target = portNumber(node.get("target"), node.get("target").text(""));
      Optional<Integer> published =
          node.get("published").isPresent()
              ? portNumber(node.get("published"), node.get("published").text(""))
              : Optional.empty();
      return target.map(t -> new Port(t, published, node));
    }
    String text = node.text("");
    int slash = text.indexOf('/');
    if (slash >= 0) {
      protocol(node, text.substring(slash + 1));
      text = text.substring(0, slash);
    }
    String[] parts = text.split(":", -1);
    if (text.startsWith("[") || parts.length > 2) {
      node.problem(hostIpMessage());
      return Optional.empty();
    }
    Optional<Integer> target = portNumber(node, parts[parts.length - 1]);
    Optional<Integer> published =
        parts.length == 2 && !parts[0].isEmpty() ? portNumber(node, parts[0]) : Optional.empty();
    return target.map(t -> new Port(t, published, node));
  }

  private static String hostIpMessage() {
    return "a host IP is set once for the proxy in dray.yml (proxy.bind); remove it here";
  }

  private static void protocol(ConfigNode node, String protocol) {
    if (!protocol.equals("tcp")) {
      node.problem("dray's proxy routes tcp only, got protocol '" + protocol + "'");
    }
  }

  private static Optional<Integer> portNumber(ConfigNode node, String text) {
    if (text.contains("-")) {
      node.problem(
          "port ranges are not supported: dray routes one port per service, got '" + text + "'");
      return Optional.empty();
    }
    if (text.matches("[0-9]{1,5}")) {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return Optional.of(port);
      }
    }
    node.problem("expected a port from 1 to 65535, got '" + text + "'");
    return Optional.empty();
  }

  /** {@code gpus}, or a GPU reservation under {@code deploy}: a count or {@code all}. */
  private static Optional<String> gpus(ConfigNode node) {
    ConfigNode devices = node.get("deploy").get("resources").get("reservations").get("devices");
    Optional<String> fromDeploy = Optional.empty();
    List<ConfigNode> requests = devices.elements();
    for (int i = 0; i < requests.size(); i++) {
      ConfigNode request = requests.get(i);
      if (i > 0) {
        request.problem("dray reads one GPU request per service; merge them into one");
        continue;
      }
      if (!request.get("capabilities").strings().contains("gpu")) {
        request
            .get("capabilities")
            .problem("dray reads GPU requests only: capabilities must include gpu");
      }
      String driver = request.get("driver").text("nvidia");
      if (!driver.equals("nvidia")) {
        request
            .get("driver")
            .problem("dray requests GPUs from the nvidia driver, got '" + driver + "'");
      }
      if (request.get("device_ids").isPresent()) {
        request.get("device_ids").keyProblem("device_ids are not supported; request GPUs by count");
      }
      fromDeploy =
          request.get("count").isPresent()
              ? ServiceSection.gpus(request.get("count"))
              : Optional.of("all");
    }
    if (node.get("gpus").isPresent()) {
      if (!requests.isEmpty()) {
        node.get("gpus").keyProblem("GPUs are requested twice, here and under deploy; keep one");
      }
      return ServiceSection.gpus(node.get("gpus"));
    }
    return fromDeploy;
  }

  private static Optional<HealthcheckConfig> healthcheck(ConfigNode check) {
    if (!check.isPresent()) {
      return Optional.empty();
    }
    List<String> test =
        check.get("disable").text("false").equals("true")
            ? List.of("NONE")
            : ServiceSection.test(check.get("test"));
    return Optional.of(
        new HealthcheckConfig(
            Optional.empty(),
            Optional.empty(),
            check.get("interval").duration(DOCKER_HEALTH_INTERVAL),
            check.get("timeout").duration(DOCKER_HEALTH_TIMEOUT),
            check.get("retries").integer().orElse(DOCKER_HEALTH_RETRIES),
            check.get("start_period").duration(Duration.ZERO),
            test));
  }
}
