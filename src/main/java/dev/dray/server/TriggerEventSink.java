package dev.dray.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dray.deploy.DeployEvent;
import dev.dray.events.Event;
import dev.dray.events.EventSink;
import dev.dray.trigger.Trigger;
import dev.dray.trigger.TriggerEvent;
import java.util.Map;

/**
 * The event sink for auto-deploy triggers (registry watcher, webhooks, rollout queue): publishes
 * each event as a {@code trigger} SSE event whose JSON has {@code type} (the event's simple class
 * name) and {@code at}, followed by the event's own record components. A trigger in it ({@code
 * trigger}, {@code by}) also has its {@code source} and {@code version}, which not every trigger
 * type holds as a record component.
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
        if (event instanceof TriggerEvent e) {
          triggers(e).forEach((name, trigger) -> describe(node.get(name), trigger));
        }
      }
    } catch (IllegalArgumentException e) {
      // not a bean Jackson can read: type and time are still worth sending
    }
    return ServerJson.write(node);
  }

  /** The triggers {@code event} holds, by field name. */
  private static Map<String, Trigger> triggers(TriggerEvent event) {
    return switch (event) {
      case TriggerEvent.Received r -> Map.of("trigger", r.trigger());
      case TriggerEvent.Superseded s -> Map.of("trigger", s.trigger(), "by", s.by());
      case TriggerEvent.Skipped s -> Map.of("trigger", s.trigger());
      case TriggerEvent.Started s -> Map.of("trigger", s.trigger());
      case TriggerEvent.Finished f -> Map.of("trigger", f.trigger());
      case TriggerEvent.Refused r -> Map.of();
      case TriggerEvent.Ignored i -> Map.of();
      case TriggerEvent.WatchFailed w -> Map.of();
    };
  }

  private static void describe(JsonNode json, Trigger trigger) {
    if (json instanceof ObjectNode object) {
      object.put("source", trigger.source());
      object.put("version", trigger.version());
    }
  }
}
