package dev.dray.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One line of the {@link AuditLog}: something done to an app, from which host and when.
 *
 * <p>{@code at} is kept to the millisecond: the constructor truncates it.
 *
 * @param seq the line's position in the log, counting from 1 in the order lines were appended
 * @param host the host it was done from
 * @param app the app it was done to; empty for what concerns no single app
 * @param action what was done, e.g. {@code deploy}, {@code rollback}, {@code lock release}
 * @param detail free text; never a secret value
 */
public record AuditEntry(
    long seq, Instant at, String host, String app, String action, String detail) {

  public AuditEntry {
    if (seq <= 0) {
      throw new IllegalArgumentException("seq must be positive: " + seq);
    }
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(app, "app");
    DeployRecord.requireText(action, "action");
    Objects.requireNonNull(detail, "detail");
  }
}
