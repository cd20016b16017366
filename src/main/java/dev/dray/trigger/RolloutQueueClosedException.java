package dev.dray.trigger;

/** A rollout was asked for while the {@link RolloutQueue} was closing: it was not queued. */
public final class RolloutQueueClosedException extends TriggerException {
  private static final long serialVersionUID = 1L;

  private final String app;

  public RolloutQueueClosedException(String app) {
    super(
        "the rollout of " + app + " was not queued: dray server is stopping",
        "ask again once the server runs");
    this.app = app;
  }

  /** The app whose rollout was refused. */
  public String app() {
    return app;
  }
}
