package dev.dray.events;

import java.util.List;

/** Receives events. Implementations must be thread-safe and must not throw. */
@FunctionalInterface
public interface EventSink {
  void emit(Event event);

  /** A sink that drops everything. */
  static EventSink none() {
    return event -> {};
  }

  /** A sink that forwards each event to all the given sinks in order. */
  static EventSink all(List<EventSink> sinks) {
    List<EventSink> copy = List.copyOf(sinks);
    return event -> copy.forEach(s -> s.emit(event));
  }
}
