package dev.dray.notify;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Sends a notification to a Slack incoming webhook: {@code POST <hooks>/services/<a>/<b>/<c>} with
 * {@code {"text":…}}.
 */
final class SlackNotifier implements Notifier {
  private final SlackUrl url;
  private final JsonPoster poster;
  private final URI hooks;

  /**
   * @param hooks the webhooks' base URL, {@code https://hooks.slack.com} (another one in tests)
   */
  SlackNotifier(SlackUrl url, JsonPoster poster, URI hooks) {
    this.url = Objects.requireNonNull(url, "url");
    this.poster = Objects.requireNonNull(poster, "poster");
    this.hooks = Objects.requireNonNull(hooks, "hooks");
  }

  /** The JSON an incoming webhook takes. */
  record SlackMessage(String text) {}

  @Override
  public void send(Notification notification) {
    URI endpoint = URI.create(Endpoints.base(hooks) + url.webhookPath());
    JsonPoster.Answer answer;
    try {
      answer =
          poster.post(endpoint, new SlackMessage(NotificationText.message(notification)), Map.of());
    } catch (IOException e) {
      throw new NotifySendException(
          describe(),
          OptionalInt.empty(),
          url.redaction().describe(e),
          "check that this host can reach " + hooks.getHost() + " over HTTPS",
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
          url.redaction().scrub("Slack answered HTTP " + answer.status() + body),
          hint(answer.status()),
          null);
    }
  }

  private static String hint(int status) {
    return switch (status) {
      case 403, 404, 410 ->
          "the webhook was removed or its channel archived: create a new incoming webhook in"
              + " Slack and put its tokens into the slack:// URL";
      case 429 ->
          "Slack is limiting how often the webhook may post; later notifications will go out";
      default -> "Slack failed; later notifications may go through";
    };
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
