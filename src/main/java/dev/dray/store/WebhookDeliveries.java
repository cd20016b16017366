package dev.dray.store;

import java.time.Instant;

/**
 * The webhook deliveries {@code dray server} has seen, by delivery id, so that a delivery sent
 * again (a replay) is recognised.
 */
public interface WebhookDeliveries {

  /**
   * Records {@code deliveryId} as seen at {@code at}, atomically across processes.
   *
   * @return true the first time an id is recorded, false for every later time
   */
  boolean firstTime(String deliveryId, Instant at);

  /** Forgets the deliveries seen before {@code before}; returns how many were forgotten. */
  int forgetBefore(Instant before);
}
