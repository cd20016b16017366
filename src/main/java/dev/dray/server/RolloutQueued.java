package dev.dray.server;

import java.util.Optional;

/**
 * The answer (202) to {@code POST /api/apps/{app}/deploy} and {@code …/rollback}: the rollout was
 * queued; its events follow on the event stream.
 *
 * @param deployId the id the rollout's deploy record will have ({@code GET /api/deploys/{id}} once
 *     it runs; its {@code trigger} and {@code deploy} events name it, a {@code Superseded} or
 *     {@code Skipped} one if it never runs)
 * @param queued always true
 * @param kind {@code deploy} or {@code rollback}
 * @param version the version asked for; null for a rollback to the previous release
 */
public record RolloutQueued(
    String deployId, boolean queued, String app, String kind, String version) {

  public static RolloutQueued of(
      String deployId, String app, String kind, Optional<String> version) {
    return new RolloutQueued(deployId, true, app, kind, version.orElse(null));
  }
}
