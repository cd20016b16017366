package dev.dray.trigger;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Deliveries remembered in memory; the store's table does the same across restarts. */
final class InMemoryDeliveryLog implements DeliveryLog {
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  @Override
  public boolean firstTime(String deliveryId, Instant at) {
    return seen.add(deliveryId);
  }
}
