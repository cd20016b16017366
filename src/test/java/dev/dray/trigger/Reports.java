package dev.dray.trigger;

import dev.dray.deploy.DeployReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Deploy reports for scripted rollout ports. */
final class Reports {
  private Reports() {}

  static DeployReport of(String app, String kind, String version, DeployReport.Outcome outcome) {
    return new DeployReport(
        "deploy-" + app + "-" + version,
        app,
        kind,
        version,
        outcome,
        Instant.parse("2026-11-22T10:00:00Z"),
        Duration.ofSeconds(3),
        List.of(),
        outcome == DeployReport.Outcome.SUCCEEDED ? Optional.empty() : Optional.of("switch"),
        outcome == DeployReport.Outcome.SUCCEEDED ? Optional.empty() : Optional.of("unhealthy"),
        Optional.empty(),
        List.of());
  }

  static DeployReport succeeded(String app, String version) {
    return of(app, "deploy", version, DeployReport.Outcome.SUCCEEDED);
  }
}
