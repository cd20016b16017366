package dev.dray.notify;

import dev.dray.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * POSTs a notification as a JSON document ({@link GenericPayload}) to the URL of a {@link
 * GenericUrl}, with HTTP basic auth when the URL has a user.
 */
final class GenericNotifier implements Notifier {
  private final GenericUrl url;
  private final JsonPoster poster;

  GenericNotifier(GenericUrl url, JsonPoster poster) {
    this.url = Objects.requireNonNull(url, "url");
    this.poster = Objects.requireNonNull(poster, "poster");
  }

  @Override
  public void send(Notification notification) {
    JsonPoster.Answer answer;
    try {
      answer = poster.post(url.target(), GenericPayload.of(notification), headers());
    } catch (IOException e) {
      throw new NotifySendException(
          describe(),
          OptionalInt.empty(),
          url.redaction().describe(e),
          "check that the receiver runs and this host can reach " + url.target().getHost(),
          url.redaction().scrub(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotifySendException(describe(), OptionalInt.empty(), "interrupted", "", null);
    }
    if (!answer.ok()) {
      String body = answer.excerpt().isEmpty() ? "" : ": " + answer.excerpt();
      throw new NotifySendException(
          describe(),
          OptionalInt.of(answer.status()),
          url.redaction().scrub("the webhook answered HTTP " + answer.status() + body),
          answer.status() >= 500
              ? "the receiver failed; check its logs"
              : "the receiver refused the request: check the URL, its credentials and what it"
                  + " expects (dray POSTs JSON, see docs/notifications.md)",
          null);
    }
  }

  private Map<String, String> headers() {
    if (url.username().isEmpty()) {
      return Map.of();
    }
    String pair = url.username().get() + ":" + url.password().map(Secret::reveal).orElse("");
    return Map.of(
        "Authorization",
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public String describe() {
    return url.describe();
  }

  @Override
  public String toString() {
    return describe();
  }
}
