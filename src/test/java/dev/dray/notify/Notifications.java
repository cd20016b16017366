package dev.dray.notify;

import java.time.Duration;
import java.util.Optional;

/** Notifications the tests send. */
final class Notifications {
  private Notifications() {}

  static Notification deployed() {
    return Notification.success("hello", "1.4.2", Duration.ofSeconds(42), "alice");
  }

  static Notification failed() {
    return Notification.failure(
        "hello",
        "1.4.2",
        Duration.ofSeconds(61),
        "alice",
        Optional.of("health check web"),
        Optional.of("container exited with code 1"));
  }

  static Notification rolledBack() {
    return Notification.rollback(
        "hello",
        "1.4.1",
        Duration.ofSeconds(12),
        "alice",
        Optional.of("1.4.2 failed its health check"));
  }
}
