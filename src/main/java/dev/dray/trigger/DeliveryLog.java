package dev.dray.trigger;

import java.time.Instant;

/**
 * Remembers the webhook deliveries seen, so a replayed one is refused; the store keeps them in
 * {@code webhook_deliveries}, so they are remembered across restarts.
 */
@FunctionalInterface
public interface DeliveryLog {
  /**
   * Records {@code deliveryId} and says whether this is the first time it was seen; atomic, so two
   * concurrent deliveries of one id cannot both be first.
   */
  boolean firstTime(String deliveryId, Instant at);
}
