package dev.dray.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a service's new container is judged healthy before it takes over: an HTTP GET of {@code
 * path}, a Docker health command ({@code test}), or, with neither, the image's own {@code
 * HEALTHCHECK}.
 *
 * @param path the path to GET, starting with {@code /}; empty when the check is not HTTP
 * @param port the container port the GET goes to; present whenever {@code path} is (the service's
 *     {@code port} unless set)
 * @param interval time between checks
 * @param timeout how long one check may take
 * @param retries consecutive failures before the container counts as unhealthy, at least 1
 * @param startPeriod time after start during which failures do not count
 * @param test a Docker health command in the Engine's form: {@code [CMD, arg…]}, {@code [CMD-SHELL,
 *     command]} or {@code [NONE]} (no check, not even the image's); empty when not set
 */
public record HealthcheckConfig(
    Optional<String> path,
    Optional<Integer> port,
    Duration interval,
    Duration timeout,
    int retries,
    Duration startPeriod,
    List<String> test) {
  /** Defaults of a dray.yml healthcheck: 30 checks 2 s apart, as the users' deploy scripts did. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  public static final int DEFAULT_RETRIES = 30;

  private static final Set<String> TEST_KINDS = Set.of("CMD", "CMD-SHELL", "NONE");

  public HealthcheckConfig {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(startPeriod, "startPeriod");
    test = List.copyOf(test);
    path.ifPresent(
        p -> {
          if (!p.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + p);
          }
        });
    if (path.isPresent() && port.isEmpty()) {
      throw new IllegalArgumentException("an HTTP check needs a port");
    }
    if (path.isPresent() && !test.isEmpty()) {
      throw new IllegalArgumentException("a healthcheck has a path or a test, not both");
    }
    if (!test.isEmpty() && !TEST_KINDS.contains(test.get(0))) {
      throw new IllegalArgumentException("test must start with CMD, CMD-SHELL or NONE: " + test);
    }
    if (retries < 1) {
      throw new IllegalArgumentException("retries must be at least 1, got " + retries);
    }
  }
}
