package dev.dray.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dray.deploy.DeployEvent;
import dev.dray.events.Event;
import dev.dray.events.EventSink;

/**
 * The event sink for auto-deploy triggers (registry watcher, webhooks, rollout queue): publishes
 * each event as a {@code trigger} SSE event whose JSON has {@code type} (the event's simple class
 * name) and {@code at}, followed by the event's own record components.
 */
final class TriggerEventSink implements EventSink {
  private final EventHub hub;

  TriggerEventSink(EventHub hub) {
    this.hub = hub;
  }

  @Override
  public void emit(Event event) {
    try {
      if (event instanceof DeployEvent deploy) {
        hub.publish(DeployEventJson.message(null, null, deploy));
        return;
      }
      hub.publish(new SseMessage(SseMessage.TRIGGER, json(event)));
    } catch (RuntimeException e) {
      // a sink must not throw
    }
  }

  static String json(Event event) {
    ObjectNode node = ServerJson.mapper().createObjectNode();
    node.put("type", event.getClass().getSimpleName());
    node.put("at", event.at().toString());
    try {
      if (ServerJson.mapper().valueToTree(event) instanceof ObjectNode fields) {
        fields.remove("at");
        node.setAll(fields);
      }
    } catch (IllegalArgumentException e) {
      // not a bean Jackson can read: type and time are still worth sending
    }
    return ServerJson.write(node);
  }
}
