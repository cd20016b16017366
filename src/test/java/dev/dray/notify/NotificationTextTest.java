package dev.dray.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotificationTextTest {
  @Test
  void summarisesASuccessWithVersionDurationAndWho() {
    assertThat(NotificationText.message(Notifications.deployed()))
        .isEqualTo("✅ hello 1.4.2 deployed in 42s by alice");
    assertThat(NotificationText.title(Notifications.deployed()))
        .isEqualTo("✅ hello 1.4.2 deployed");
  }

  @Test
  void summarisesAFailureWithTheStepAndTheDetail() {
    assertThat(NotificationText.message(Notifications.failed()))
        .isEqualTo(
            "❌ hello 1.4.2 failed at step 'health check web' after 61s (alice):"
                + " container exited with code 1");
    assertThat(NotificationText.title(Notifications.failed())).isEqualTo("❌ hello 1.4.2 failed");
  }

  @Test
  void leavesOutWhatAFailureDoesNotKnow() {
    Notification n =
        Notification.failure(
            "hello", "1.4.2", Duration.ofSeconds(3), " ", Optional.empty(), Optional.empty());

    assertThat(NotificationText.message(n)).isEqualTo("❌ hello 1.4.2 failed after 3s");
  }

  @Test
  void summarisesARollbackWithTheVersionRolledBackTo() {
    assertThat(NotificationText.message(Notifications.rolledBack()))
        .isEqualTo("↩️ hello rolled back to 1.4.1 in 12s by alice: 1.4.2 failed its health check");
    assertThat(NotificationText.title(Notifications.rolledBack()))
        .isEqualTo("↩️ hello rolled back to 1.4.1");
  }

  @Test
  void putsTheDetailOnOneShortLine() {
    Notification n =
        Notification.failure(
            "hello",
            "1.4.2",
            Duration.ofSeconds(5),
            "alice",
            Optional.of("migrate"),
            Optional.of("line one\n\tline two\n" + "x".repeat(400)));

    String message = NotificationText.message(n);

    assertThat(message)
        .startsWith("❌ hello 1.4.2 failed at step 'migrate' after 5s (alice): line one line two x")
        .endsWith("x…")
        .doesNotContain("\n");
    assertThat(message.substring(message.indexOf(": ") + 2)).hasSize(NotificationText.MAX_DETAIL);
  }

  @ParameterizedTest
  @CsvSource({
    "0, <1s",
    "499, <1s",
    "500, 1s",
    "42000, 42s",
    "61000, 61s",
    "119400, 119s",
    "120000, 2m 00s",
    "185000, 3m 05s",
    "3720000, 1h 02m"
  })
  void writesDurationsForPeople(long millis, String expected) {
    assertThat(NotificationText.human(Duration.ofMillis(millis))).isEqualTo(expected);
  }

  @Test
  void rejectsAnUnknownOutcome() {
    assertThatThrownBy(
            () ->
                new Notification(
                    "hello",
                    "1.4.2",
                    "deployed",
                    Duration.ZERO,
                    "alice",
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("success, failure or rollback");
  }
}
