package dev.dray.deploy;

import dev.dray.events.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a rollout emits while it runs; the CLI draws progress from these, notifiers summarise. */
public sealed interface DeployEvent extends Event {

  /** A rollout (deploy, rollback or recovery) begins. */
  record DeployStarted(
      Instant at, String deployId, String app, String kind, String version, List<String> steps)
      implements DeployEvent {}

  /** A step begins; it is on record before its side effect. */
  record StepStarted(Instant at, String deployId, int seq, String step) implements DeployEvent {}

  /** A step ended well. */
  record StepFinished(
      Instant at, String deployId, int seq, String step, Duration took, String detail)
      implements DeployEvent {}

  /** A step failed. */
  record StepFailed(Instant at, String deployId, int seq, String step, String reason)
      implements DeployEvent {}

  /** One health probe of a new container. */
  record HealthProbe(
      Instant at, String service, String container, int attempt, int of, String result)
      implements DeployEvent {}

  /** The proxy now sends a service's traffic to another container. */
  record Switched(Instant at, String service, String from, String to) implements DeployEvent {}

  /** A change of this rollout was undone. */
  record Undone(Instant at, String what) implements DeployEvent {}

  /** Something worth knowing that does not stop the rollout. */
  record Warning(Instant at, String message) implements DeployEvent {}

  /** The rollout ended. */
  record DeployFinished(Instant at, DeployReport report) implements DeployEvent {}
}
