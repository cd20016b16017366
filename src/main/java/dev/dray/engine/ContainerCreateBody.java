package dev.dray.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dray.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Translates a {@link ContainerSpec} into the body of {@code POST /containers/create}; the only
 * place where secret environment values are revealed.
 */
final class ContainerCreateBody {
  static final String LOOPBACK = "127.0.0.1";

  private ContainerCreateBody() {}

  /** The body as JSON bytes, ready to send. */
  static byte[] json(ContainerSpec spec) {
    try {
      return EngineHttp.JSON.writeValueAsBytes(of(spec));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the create body of " + spec.name(), e);
    }
  }

  static ContainerDtos.Create of(ContainerSpec spec) {
    Map<String, String> env = new TreeMap<>(spec.env());
    spec.secretEnv().forEach((key, secret) -> env.put(key, secret.reveal()));
    String port = spec.publishPort().map(p -> p + "/tcp").orElse(null);
    return new ContainerDtos.Create(
        spec.image(),
        spec.command().isEmpty() ? null : spec.command(),
        env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(),
        new TreeMap<>(spec.labels()),
        port == null ? null : Map.of(port, Map.of()),
        spec.healthcheck().map(ContainerCreateBody::healthcheck).orElse(null),
        spec.stopTimeout().map(ContainerCreateBody::seconds).orElse(null),
        new ContainerDtos.HostConfig(
            spec.binds().isEmpty() ? null : spec.binds(),
            port == null
                ? null
                : Map.of(port, List.of(new ContainerDtos.PortBinding(LOOPBACK, ""))),
            spec.gpus().map(ContainerCreateBody::gpus).orElse(null),
            spec.devices().isEmpty()
                ? null
                : spec.devices().stream().map(ContainerCreateBody::device).toList(),
            restartPolicy(spec.restartPolicy()),
            // an init process as PID 1 forwards SIGTERM, so apps that never installed a handler
            // (a shell, busybox httpd) stop at once instead of after the whole stop timeout
            Boolean.TRUE));
  }

  /** The revealed secret values of a spec, only to scrub them out of the engine's messages. */
  static List<String> secretValues(ContainerSpec spec) {
    return spec.secretEnv().values().stream()
        .map(Secret::reveal)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  private static ContainerDtos.Healthcheck healthcheck(HealthSpec health) {
    return new ContainerDtos.Healthcheck(
        health.test(),
        health.interval().toNanos(),
        health.timeout().toNanos(),
        health.retries(),
        health.startPeriod().toNanos());
  }

  /** A timeout in whole seconds, rounded up, as the engine takes stop timeouts. */
  static long seconds(Duration timeout) {
    if (timeout.isNegative()) {
      return 0;
    }
    long millis = timeout.toMillis();
    return millis / 1000 + (millis % 1000 == 0 ? 0 : 1);
  }

  private static List<ContainerDtos.DeviceRequest> gpus(String gpus) {
    int count = gpus.equals("all") ? -1 : Integer.parseInt(gpus);
    return List.of(new ContainerDtos.DeviceRequest("nvidia", count, List.of(List.of("gpu"))));
  }

  private static ContainerDtos.Device device(String text) {
    DeviceMapping device = DeviceMapping.parse(text);
    return new ContainerDtos.Device(
        device.pathOnHost(), device.pathInContainer(), device.permissions());
  }

  private static ContainerDtos.RestartPolicy restartPolicy(String policy) {
    if (policy.startsWith("on-failure:")) {
      return new ContainerDtos.RestartPolicy(
          "on-failure", Integer.parseInt(policy.substring("on-failure:".length())));
    }
    return new ContainerDtos.RestartPolicy(policy, 0);
  }
}
