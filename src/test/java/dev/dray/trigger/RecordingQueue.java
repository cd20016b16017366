package dev.dray.trigger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A trigger sink that keeps what is submitted, with the time it arrived. */
final class RecordingQueue implements TriggerSink {
  /** A submitted trigger and when it arrived ({@link System#nanoTime()}). */
  record Arrival(Trigger trigger, long nanoTime) {}

  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

  @Override
  public void submit(Trigger trigger) {
    arrivals.add(new Arrival(trigger, System.nanoTime()));
  }

  List<Trigger> submitted() {
    return arrivals.stream().map(Arrival::trigger).toList();
  }

  List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }
}
