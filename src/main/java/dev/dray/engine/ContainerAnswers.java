package dev.dray.engine;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Translates the engine's container answers (inspection, list entries) into {@link
 * ContainerDetails} and {@link ContainerSummary}.
 */
final class ContainerAnswers {
  private static final List<String> REACHABLE_ON_LOOPBACK = List.of("127.0.0.1", "0.0.0.0", "");

  private ContainerAnswers() {}

  static ContainerDetails details(ContainerDtos.Inspect dto) {
    ContainerDtos.State state =
        Objects.requireNonNullElse(
            dto.state(), new ContainerDtos.State(null, null, null, null, null, null, null, null));
    ContainerDtos.InspectConfig config =
        Objects.requireNonNullElse(dto.config(), new ContainerDtos.InspectConfig(null, null, null));
    Optional<ContainerDtos.Health> health = Optional.ofNullable(state.health());
    return new ContainerDetails(
        dto.id(),
        name(dto.name()),
        Objects.requireNonNullElse(config.image(), ""),
        Objects.requireNonNullElse(dto.image(), ""),
        Objects.requireNonNullElse(config.labels(), Map.of()),
        Objects.requireNonNullElse(state.status(), "unknown"),
        Boolean.TRUE.equals(state.running()),
        Objects.requireNonNullElse(state.exitCode(), 0),
        Boolean.TRUE.equals(state.oomKilled()),
        Objects.requireNonNullElse(state.error(), ""),
        health.map(ContainerDtos.Health::status).filter(s -> !s.isBlank() && !s.equals("none")),
        health.map(ContainerAnswers::probeOutputs).orElse(List.of()),
        instant(state.startedAt()),
        instant(state.finishedAt()),
        Objects.requireNonNullElse(dto.restartCount(), 0),
        dto.networkSettings() == null ? Map.of() : publishedPorts(dto.networkSettings().ports()));
  }

  static ContainerSummary summary(ContainerDtos.Listed dto) {
    List<String> names = Objects.requireNonNullElse(dto.names(), List.of());
    return new ContainerSummary(
        dto.id(),
        names.isEmpty() ? "" : name(names.get(0)),
        Objects.requireNonNullElse(dto.image(), ""),
        Objects.requireNonNullElse(dto.imageId(), ""),
        Objects.requireNonNullElse(dto.labels(), Map.of()),
        Objects.requireNonNullElse(dto.state(), "unknown"),
        Optional.ofNullable(dto.created()).filter(s -> s > 0).map(Instant::ofEpochSecond));
  }

  /** Container port → host port for tcp ports published where 127.0.0.1 reaches them. */
  static Map<Integer, Integer> publishedPorts(Map<String, List<ContainerDtos.PortBinding>> ports) {
    Map<Integer, Integer> published = new HashMap<>();
    if (ports == null) {
      return published;
    }
    ports.forEach(
        (key, bindings) -> {
          if (bindings == null || !key.matches("[0-9]{1,5}/tcp")) {
            return;
          }
          int containerPort = Integer.parseInt(key.substring(0, key.length() - 4));
          for (String ip : REACHABLE_ON_LOOPBACK) {
            Optional<Integer> hostPort =
                bindings.stream()
                    .filter(b -> ip.equals(Objects.requireNonNullElse(b.hostIp(), "")))
                    .map(ContainerDtos.PortBinding::hostPort)
                    .filter(p -> p != null && p.matches("[0-9]+"))
                    .map(Integer::valueOf)
                    .findFirst();
            if (hostPort.isPresent()) {
              published.put(containerPort, hostPort.get());
              return;
            }
          }
        });
    return published;
  }

  private static List<String> probeOutputs(ContainerDtos.Health health) {
    return Objects.requireNonNullElse(health.log(), List.<ContainerDtos.Probe>of()).stream()
        .map(p -> Objects.requireNonNullElse(p.output(), "").strip())
        .toList();
  }

  private static String name(String name) {
    if (name == null) {
      return "";
    }
    return name.startsWith("/") ? name.substring(1) : name;
  }

  /** A timestamp, or empty for the engine's zero time {@code 0001-01-01T00:00:00Z}. */
  static Optional<Instant> instant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text)).filter(t -> t.isAfter(Instant.EPOCH));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
