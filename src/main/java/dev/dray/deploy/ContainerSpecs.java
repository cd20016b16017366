package dev.dray.deploy;

import dev.dray.Secret;
import dev.dray.config.ServiceConfig;
import dev.dray.engine.ContainerSpec;
import dev.dray.engine.HealthSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a service's settings into the container that runs it. */
final class ContainerSpecs {
  private ContainerSpecs() {}

  /** The long-running container of {@code service}. */
  static ContainerSpec service(
      RolloutInputs in, ServiceConfig service, String name, List<String> command, String role) {
    return new ContainerSpec(
        name,
        in.images().get(service.name()),
        command,
        service.env(),
        secrets(in, service),
        labels(in, service.name(), role),
        binds(in.app(), in.configDir(), service.volumes()),
        role.equals("web") ? service.port() : Optional.empty(),
        service.gpus(),
        service.devices(),
        role.equals("oneoff") ? Optional.empty() : imageStyleCheck(service),
        role.equals("oneoff") ? "no" : "unless-stopped",
        Optional.of(service.stopTimeout()));
  }

  /** A Compose-style {@code test} becomes the container's own HEALTHCHECK. */
  private static Optional<HealthSpec> imageStyleCheck(ServiceConfig service) {
    return service
        .healthcheck()
        .filter(h -> !h.test().isEmpty())
        .map(
            h -> {
              List<String> test =
                  List.of("CMD", "CMD-SHELL", "NONE").contains(h.test().get(0))
                      ? h.test()
                      : List.of("CMD-SHELL", String.join(" ", h.test()));
              return new HealthSpec(test, h.interval(), h.timeout(), h.retries(), h.startPeriod());
            });
  }

  static Map<String, String> labels(RolloutInputs in, String service, String role) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(ContainerNames.APP, in.app());
    labels.put(ContainerNames.SERVICE, service);
    labels.put(ContainerNames.VERSION, in.version());
    labels.put(ContainerNames.DEPLOY, in.deployId());
    labels.put(ContainerNames.ROLE, role);
    return labels;
  }

  private static Map<String, Secret> secrets(RolloutInputs in, ServiceConfig service) {
    Map<String, Secret> out = new LinkedHashMap<>();
    for (String name : service.secrets()) {
      Secret value = in.secrets().get(name);
      if (value == null) {
        throw new DeployException(
            "secret "
                + name
                + " of service "
                + service.name()
                + " is not set in dray's environment",
            "export "
                + name
                + "=… before running dray (its value is passed to the container, never"
                + " logged or stored)");
      }
      out.put(name, value);
    }
    return out;
  }

  /** Bind mounts: paths are resolved against dray.yml's directory, names become app volumes. */
  static List<String> binds(String app, Path configDir, List<String> volumes) {
    return volumes.stream()
        .map(
            v -> {
              int colon = v.indexOf(':');
              if (colon <= 0) {
                return v;
              }
              String source = v.substring(0, colon);
              String rest = v.substring(colon);
              if (source.startsWith(".") || source.startsWith("~")) {
                return configDir.resolve(source).normalize() + rest;
              }
              return source.startsWith("/") ? v : app + "_" + source + rest;
            })
        .toList();
  }
}
