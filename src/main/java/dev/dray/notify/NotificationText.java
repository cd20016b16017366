package dev.dray.notify;

import java.time.Duration;

/**
 * The words of a notification: a short title (mail subject) and a one-line summary such as {@code ✅
 * hello 1.4.2 deployed in 42s by alice}.
 */
final class NotificationText {
  static final int MAX_DETAIL = 300;

  private NotificationText() {}

  /** The title: the outcome without times or reasons, e.g. {@code ❌ hello 1.4.2 failed}. */
  static String title(Notification n) {
    return switch (n.outcome()) {
      case Notification.SUCCESS -> "✅ %s %s deployed".formatted(n.app(), n.version());
      case Notification.FAILURE -> "❌ %s %s failed".formatted(n.app(), n.version());
      default -> "↩️ %s rolled back to %s".formatted(n.app(), n.version());
    };
  }

  /**
   * The summary, e.g. {@code ❌ hello 1.4.2 failed at step 'health check web' after 61s (alice):
   * <detail>}. The detail is put on one line and cut at {@value #MAX_DETAIL} characters.
   */
  static String message(Notification n) {
    String took = human(n.duration());
    String who = n.who().strip();
    StringBuilder text = new StringBuilder();
    switch (n.outcome()) {
      case Notification.SUCCESS -> {
        text.append(title(n)).append(" in ").append(took);
        if (!who.isEmpty()) {
          text.append(" by ").append(who);
        }
      }
      case Notification.FAILURE -> {
        text.append(title(n));
        n.failedStep().ifPresent(step -> text.append(" at step '").append(step).append('\''));
        text.append(" after ").append(took);
        if (!who.isEmpty()) {
          text.append(" (").append(who).append(')');
        }
      }
      default -> {
        text.append(title(n)).append(" in ").append(took);
        if (!who.isEmpty()) {
          text.append(" by ").append(who);
        }
      }
    }
    n.detail()
        .map(NotificationText::oneLine)
        .filter(d -> !d.isEmpty())
        .ifPresent(d -> text.append(": ").append(d));
    return text.toString();
  }

  /**
   * {@code <1s}, {@code 42s}, {@code 61s} up to two minutes, then {@code 3m 05s}, {@code 1h 02m}.
   */
  static String human(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 500) {
      return "<1s";
    }
    long seconds = (millis + 500) / 1000;
    if (seconds < 120) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return "%dm %02ds".formatted(seconds / 60, seconds % 60);
    }
    return "%dh %02dm".formatted(seconds / 3600, seconds % 3600 / 60);
  }

  private static String oneLine(String detail) {
    String line = detail.strip().replaceAll("\\s+", " ");
    return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL - 1) + "…";
  }
}
