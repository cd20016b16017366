package dev.dray.trigger;

/** Takes triggers to act on; {@link RolloutQueue} is the real one. Must not block for long. */
@FunctionalInterface
public interface TriggerSink {
  void submit(Trigger trigger);
}
