package dev.dray.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the HTTP services live and how long to wait for them: the real endpoints in production,
 * local stand-ins in tests. Not configurable from dray.yml.
 *
 * @param telegramApi the Telegram Bot API, {@code https://api.telegram.org}
 * @param slackHooks the base of Slack's incoming webhooks, {@code https://hooks.slack.com}
 * @param timeout per HTTP attempt, and per SMTP connect, read and write
 * @param retryDelay the pause before the one retry of an HTTP request
 */
public record NotifyOptions(
    URI telegramApi, URI slackHooks, Duration timeout, Duration retryDelay) {
  public NotifyOptions {
    Objects.requireNonNull(telegramApi, "telegramApi");
    Objects.requireNonNull(slackHooks, "slackHooks");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retryDelay, "retryDelay");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (retryDelay.isNegative()) {
      throw new IllegalArgumentException("retryDelay must not be negative: " + retryDelay);
    }
  }

  /** The real services, a 10 s timeout and a 1 s pause before the retry. */
  public static NotifyOptions standard() {
    return new NotifyOptions(
        URI.create("https://api.telegram.org"),
        URI.create("https://hooks.slack.com"),
        Duration.ofSeconds(10),
        Duration.ofSeconds(1));
  }

  /** These options with Telegram and Slack at {@code base} (a local stand-in such as WireMock). */
  public NotifyOptions withServicesAt(URI base) {
    return new NotifyOptions(base, base, timeout, retryDelay);
  }

  /** These options with another timeout and retry pause. */
  public NotifyOptions withTiming(Duration timeout, Duration retryDelay) {
    return new NotifyOptions(telegramApi, slackHooks, timeout, retryDelay);
  }
}
