package dev.dray.deploy;

import dev.dray.config.HealthcheckConfig;
import dev.dray.deploy.DeployEvent.HealthProbe;
import dev.dray.engine.ContainerDetails;
import dev.dray.engine.DockerEngine;
import dev.dray.events.EventSink;
import dev.dray.registry.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits until a new container is healthy: by HTTP GET of the configured path through its published
 * port, else by the image's HEALTHCHECK, else by staying up. A container that exits fails at once,
 * with its exit code, OOM flag and last log lines.
 */
final class HealthGate {
  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  private static final int DEFAULT_RETRIES = 30;
  private static final int LOG_LINES = 20;

  private final DockerEngine engine;
  private final HttpProbe http;
  private final Sleeper sleeper;
  private final Clock clock;
  private final EventSink events;

  HealthGate(DockerEngine engine, HttpProbe http, Sleeper sleeper, Clock clock, EventSink events) {
    this.engine = engine;
    this.http = http;
    this.sleeper = sleeper;
    this.clock = clock;
    this.events = events;
  }

  /** Returns when healthy; throws {@link UnhealthyException} otherwise. */
  void await(
      String service, String container, Optional<Integer> port, Optional<HealthcheckConfig> check)
      throws InterruptedException {
    Duration interval = check.map(HealthcheckConfig::interval).orElse(DEFAULT_INTERVAL);
    Duration timeout = check.map(HealthcheckConfig::timeout).orElse(DEFAULT_TIMEOUT);
    int retries = check.map(HealthcheckConfig::retries).orElse(DEFAULT_RETRIES);
    Duration startPeriod = check.map(HealthcheckConfig::startPeriod).orElse(Duration.ZERO);
    Optional<String> path = check.flatMap(HealthcheckConfig::path);
    Optional<Integer> checkPort = check.flatMap(HealthcheckConfig::port).or(() -> port);
    Instant graceEnds = clock.instant().plus(startPeriod);
    String last = "no probe yet";
    int failures = 0;
    for (int attempt = 1; ; attempt++) {
      ContainerDetails d =
          engine
              .inspectContainer(container)
              .orElseThrow(() -> failed(service, container, "the container vanished"));
      if (!d.running()) {
        throw failed(service, container, "the container stopped");
      }
      Verdict verdict;
      if (path.isPresent() && checkPort.isPresent()) {
        verdict = probeHttp(d, checkPort.get(), path.get(), timeout);
      } else if (d.health().isPresent()) {
        verdict = imageHealth(d);
      } else {
        verdict = attempt >= 2 ? Verdict.healthy("running") : Verdict.pending("running, watching");
      }
      last = verdict.detail();
      events.emit(new HealthProbe(clock.instant(), service, container, attempt, retries, last));
      if (verdict.healthy()) {
        return;
      }
      if (verdict.fatal()) {
        throw failed(service, container, last);
      }
      if (clock.instant().isAfter(graceEnds) && ++failures >= retries) {
        throw failed(service, container, "still failing after " + retries + " probes: " + last);
      }
      sleeper.sleep(interval);
    }
  }

  private Verdict probeHttp(ContainerDetails d, int port, String path, Duration timeout)
      throws InterruptedException {
    Integer hostPort = d.publishedPorts().get(port);
    if (hostPort == null) {
      return Verdict.fatal("port " + port + " is not published; is services.<name>.port right?");
    }
    URI uri =
        URI.create("http://127.0.0.1:" + hostPort + (path.startsWith("/") ? path : "/" + path));
    try {
      int status = http.get(uri, timeout);
      return status >= 200 && status < 400
          ? Verdict.healthy("GET " + path + " → " + status)
          : Verdict.pending("GET " + path + " → " + status);
    } catch (IOException e) {
      return Verdict.pending("GET " + path + " → " + e.getClass().getSimpleName());
    }
  }

  private static Verdict imageHealth(ContainerDetails d) {
    String status = d.health().orElse("");
    return switch (status) {
      case "healthy" -> Verdict.healthy("HEALTHCHECK healthy");
      case "unhealthy" ->
          Verdict.fatal(
              "HEALTHCHECK unhealthy"
                  + (d.healthLog().isEmpty()
                      ? ""
                      : ": " + d.healthLog().get(d.healthLog().size() - 1).strip()));
      default -> Verdict.pending("HEALTHCHECK " + status);
    };
  }

  private UnhealthyException failed(String service, String container, String why) {
    return new UnhealthyException(service, why, Failures.of(engine, container, LOG_LINES));
  }

  /** The outcome of one probe. */
  private record Verdict(boolean healthy, boolean fatal, String detail) {
    static Verdict healthy(String detail) {
      return new Verdict(true, false, detail);
    }

    static Verdict pending(String detail) {
      return new Verdict(false, false, detail);
    }

    static Verdict fatal(String detail) {
      return new Verdict(false, true, detail);
    }
  }
}
