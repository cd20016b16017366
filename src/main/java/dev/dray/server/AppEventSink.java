package dev.dray.server;

import dev.dray.deploy.DeployEvent;
import dev.dray.deploy.DeployEvent.DeployStarted;
import dev.dray.events.Event;
import dev.dray.events.EventSink;

/**
 * The event sink of one app's rollouts: publishes each {@link DeployEvent} as a {@code deploy} SSE
 * event stamped with the app and the id of the rollout under way (events such as {@code Switched}
 * do not carry it themselves). Other events (image pulls, …) are not streamed.
 *
 * <p>An app's rollouts run one at a time, so the last {@code DeployStarted} names the rollout.
 */
final class AppEventSink implements EventSink {
  private final String app;
  private final EventHub hub;
  private volatile String deployId;

  AppEventSink(String app, EventHub hub) {
    this.app = app;
    this.hub = hub;
  }

  @Override
  public void emit(Event event) {
    if (!(event instanceof DeployEvent deploy)) {
      return;
    }
    if (deploy instanceof DeployStarted started) {
      deployId = started.deployId();
    }
    try {
      hub.publish(DeployEventJson.message(app, deployIdOf(deploy), deploy));
    } catch (RuntimeException e) {
      // a sink must not throw: a rollout goes on even when its events cannot be streamed
    }
  }

  private String deployIdOf(DeployEvent event) {
    return switch (event) {
      case DeployEvent.DeployStarted e -> e.deployId();
      case DeployEvent.StepStarted e -> e.deployId();
      case DeployEvent.StepFinished e -> e.deployId();
      case DeployEvent.StepFailed e -> e.deployId();
      case DeployEvent.DeployFinished e -> e.report().deployId();
      default -> deployId;
    };
  }
}
