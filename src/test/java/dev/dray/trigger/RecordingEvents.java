package dev.dray.trigger;

import dev.dray.events.Event;
import dev.dray.events.EventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An event sink that keeps what it receives, for assertions. */
final class RecordingEvents implements EventSink {
  private final List<Event> events = new CopyOnWriteArrayList<>();

  @Override
  public void emit(Event event) {
    events.add(event);
  }

  List<Event> all() {
    return List.copyOf(events);
  }

  <T extends Event> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
