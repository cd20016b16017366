package dev.dray.notify;

/**
 * The JSON document a generic webhook receives: the notification's fields ({@code failedStep} and
 * {@code detail} are {@code null} when absent, {@code duration} is ISO-8601 like {@code PT42S} and
 * {@code durationMs} the same in milliseconds) plus the {@code title} and {@code message} texts.
 */
record GenericPayload(
    String app,
    String version,
    String outcome,
    String duration,
    long durationMs,
    String who,
    String failedStep,
    String detail,
    String title,
    String message) {

  static GenericPayload of(Notification n) {
    return new GenericPayload(
        n.app(),
        n.version(),
        n.outcome(),
        n.duration().toString(),
        n.duration().toMillis(),
        n.who(),
        n.failedStep().orElse(null),
        n.detail().orElse(null),
        NotificationText.title(n),
        NotificationText.message(n));
  }
}
