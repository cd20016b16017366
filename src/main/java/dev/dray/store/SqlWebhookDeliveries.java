package dev.dray.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The {@link WebhookDeliveries} as rows of {@code webhook_deliveries}: the primary key on the
 * delivery id makes "first time" an insert that either adds a row or finds one.
 */
final class SqlWebhookDeliveries implements WebhookDeliveries {
  private final Jdbi writes;
  private final StoreLocation location;

  SqlWebhookDeliveries(Jdbi writes, StoreLocation location) {
    this.writes = writes;
    this.location = location;
  }

  @Override
  public boolean firstTime(String deliveryId, Instant at) {
    DeployRecord.requireText(deliveryId, "deliveryId");
    Objects.requireNonNull(at, "at");
    int inserted =
        access(
            "record webhook delivery " + deliveryId,
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO webhook_deliveries (delivery_id, seen_at_ms)"
                            + " VALUES (:id, :at) ON CONFLICT (delivery_id) DO NOTHING")
                    .bind("id", deliveryId)
                    .bind("at", at.truncatedTo(ChronoUnit.MILLIS).toEpochMilli())
                    .execute());
    return inserted == 1;
  }

  @Override
  public int forgetBefore(Instant before) {
    Objects.requireNonNull(before, "before");
    return access(
        "forget old webhook deliveries",
        handle ->
            handle
                .createUpdate("DELETE FROM webhook_deliveries WHERE seen_at_ms < :before")
                .bind("before", before.toEpochMilli())
                .execute());
  }

  private <T> T access(String action, HandleCallback<T, RuntimeException> callback) {
    try {
      return writes.inTransaction(callback);
    } catch (JdbiException e) {
      throw new StoreAccessException(location, action, e);
    }
  }
}
