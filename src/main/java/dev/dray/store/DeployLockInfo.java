package dev.dray.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Who holds an app's deploy lock, from where and since when.
 *
 * <p>{@code since} is kept to the millisecond: the constructor truncates it.
 *
 * @param holder who holds it, e.g. {@code alice@build-1 pid 4242}
 * @param hostname the host the holding process runs on
 * @param pid the holding process's id on that host
 * @param message why it is held, e.g. {@code deploy 1.4.2}; may be empty
 */
public record DeployLockInfo(
    String app, String holder, String hostname, long pid, Instant since, String message) {

  public DeployLockInfo {
    DeployRecord.requireText(app, "app");
    DeployRecord.requireText(holder, "holder");
    DeployRecord.requireText(hostname, "hostname");
    if (pid <= 0) {
      throw new IllegalArgumentException("pid must be positive: " + pid);
    }
    since = Objects.requireNonNull(since, "since").truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(message, "message");
  }
}
