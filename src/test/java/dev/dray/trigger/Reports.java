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
        List.of(
            new DeployReport.StepOutcome(
                1, "1. pull " + app + ":" + version, "DONE", Duration.ofSeconds(1))),
        outcome == DeployReport.Outcome.SUCCEEDED ? Optional.empty() : Optional.of("switch"),
        outcome == DeployReport.Outcome.SUCCEEDED ? Optional.empty() : Optional.of("unhealthy"),
        Optional.empty(),
        List.of());
  }

  static DeployReport succeeded(String app, String version) {
    return of(app, "deploy", version, DeployReport.Outcome.SUCCEEDED);
  }

  /** What a port reports when the version already runs: succeeded, without a step. */
  static DeployReport nothingToDo(String app, String version) {
    return new DeployReport(
        "already-running",
        app,
        "deploy",
        version,
        DeployReport.Outcome.SUCCEEDED,
        Instant.parse("2026-11-22T10:00:00Z"),
        Duration.ZERO,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }
}
