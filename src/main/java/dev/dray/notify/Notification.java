package dev.dray.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a deploy notification says: which app and version, how it ended, how long it took, who ran
 * it, and for failures the step and the reason.
 *
 * @param app the app's name ({@code service:} in dray.yml)
 * @param version the version deployed, or for a rollback the version rolled back to
 * @param outcome {@link #SUCCESS}, {@link #FAILURE} or {@link #ROLLBACK}
 * @param duration how long the deploy or rollback ran
 * @param who who ran it (may be blank when unknown)
 * @param failedStep the step that failed
 * @param detail why it failed or rolled back, in one line
 */
public record Notification(
    String app,
    String version,
    String outcome,
    Duration duration,
    String who,
    Optional<String> failedStep,
    Optional<String> detail) {
  public static final String SUCCESS = "success";
  public static final String FAILURE = "failure";
  public static final String ROLLBACK = "rollback";

  /** The outcomes a notification can have, which are also the values of {@code notify.on}. */
  public static final Set<String> OUTCOMES = Set.of(SUCCESS, FAILURE, ROLLBACK);

  public Notification {
    requireText(app, "app");
    requireText(version, "version");
    Objects.requireNonNull(outcome, "outcome");
    if (!OUTCOMES.contains(outcome)) {
      throw new IllegalArgumentException(
          "outcome must be success, failure or rollback, not '" + outcome + "'");
    }
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(failedStep, "failedStep");
    Objects.requireNonNull(detail, "detail");
  }

  /** A deploy of {@code version} that went live. */
  public static Notification success(String app, String version, Duration duration, String who) {
    return new Notification(
        app, version, SUCCESS, duration, who, Optional.empty(), Optional.empty());
  }

  /** A deploy of {@code version} that failed at {@code failedStep} because of {@code detail}. */
  public static Notification failure(
      String app,
      String version,
      Duration duration,
      String who,
      Optional<String> failedStep,
      Optional<String> detail) {
    return new Notification(app, version, FAILURE, duration, who, failedStep, detail);
  }

  /** A rollback to {@code version}, with the reason when there is one. */
  public static Notification rollback(
      String app, String version, Duration duration, String who, Optional<String> detail) {
    return new Notification(app, version, ROLLBACK, duration, who, Optional.empty(), detail);
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
