package dev.dray.trigger;

import dev.dray.deploy.DeployReport;
import dev.dray.events.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the rollout machinery emits: triggers received, superseded, skipped, started and finished by
 * the {@link RolloutQueue} (each naming the {@code deployId} the queue gave the trigger, which its
 * deploy record has once it runs); webhook requests refused or ignored; watch failures. The server
 * streams them ({@code event: trigger}) and logs them.
 */
public sealed interface TriggerEvent extends Event {

  /** The app concerned, when there is one (refusals happen before an app is known). */
  Optional<String> forApp();

  /** A trigger arrived at the queue and was given {@code deployId}. */
  record Received(Instant at, Trigger trigger, String deployId) implements TriggerEvent {
    @Override
    public Optional<String> forApp() {
      return Optional.of(trigger.app());
    }
  }

  /**
   * A waiting trigger was dropped because a newer one for the same app arrived: its rollout ({@code
   * deployId}) never runs; {@code byDeployId} is the one waiting instead.
   */
  record Superseded(Instant at, Trigger trigger, String deployId, Trigger by, String byDeployId)
      implements TriggerEvent {
    @Override
    public Optional<String> forApp() {
      return Optional.of(trigger.app());
    }

    /** Such as {@code registry 1.4.1 superseded by registry 1.4.2}. */
    public String message() {
      return trigger.describe() + " superseded by " + by.describe();
    }
  }

  /**
   * A trigger was not acted on, such as one for the version already running: its rollout ({@code
   * deployId}) never runs.
   */
  record Skipped(Instant at, Trigger trigger, String deployId, String reason)
      implements TriggerEvent {
    @Override
    public Optional<String> forApp() {
      return Optional.of(trigger.app());
    }
  }

  /** The queue started the rollout a trigger asked for, under {@code deployId}. */
  record Started(Instant at, Trigger trigger, String deployId) implements TriggerEvent {
    @Override
    public Optional<String> forApp() {
      return Optional.of(trigger.app());
    }
  }

  /**
   * The rollout of a trigger ended: with a report, or with the error that stopped it before a
   * report existed.
   */
  record Finished(
      Instant at,
      Trigger trigger,
      String deployId,
      Optional<DeployReport> report,
      Optional<String> failure,
      Duration took)
      implements TriggerEvent {
    @Override
    public Optional<String> forApp() {
      return Optional.of(trigger.app());
    }

    /** Whether the rollout succeeded. */
    public boolean succeeded() {
      return report.map(DeployReport::succeeded).orElse(false);
    }
  }

  /**
   * A webhook request was refused: nothing was submitted.
   *
   * @param source {@code github} or {@code registry}
   * @param status the HTTP status answered
   */
  record Refused(Instant at, String source, int status, String reason, Optional<String> app)
      implements TriggerEvent {
    @Override
    public Optional<String> forApp() {
      return app;
    }
  }

  /** A webhook request was valid but asked for nothing dray follows. */
  record Ignored(Instant at, String source, String reason, Optional<String> app)
      implements TriggerEvent {
    @Override
    public Optional<String> forApp() {
      return app;
    }
  }

  /** Asking the registry for a watched tag's digest failed; the watcher retries after a while. */
  record WatchFailed(Instant at, String app, String image, String reason, Duration retryIn)
      implements TriggerEvent {
    @Override
    public Optional<String> forApp() {
      return Optional.of(app);
    }
  }
}
