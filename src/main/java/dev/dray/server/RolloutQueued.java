package dev.dray.server;

import java.util.Optional;

/**
 * The answer (202) to {@code POST /api/apps/{app}/deploy} and {@code …/rollback}: the rollout was
 * queued; its events follow on the event stream.
 *
 * @param deployId the rollout's id when already known, else null (the deployer makes it when the
 *     rollout starts; its {@code DeployStarted} event names it)
 * @param queued always true
 * @param kind {@code deploy} or {@code rollback}
 * @param version the version asked for; null for a rollback to the previous release
 */
public record RolloutQueued(
    String deployId, boolean queued, String app, String kind, String version) {

  public static RolloutQueued of(
      Optional<String> deployId, String app, String kind, Optional<String> version) {
    return new RolloutQueued(deployId.orElse(null), true, app, kind, version.orElse(null));
  }
}
