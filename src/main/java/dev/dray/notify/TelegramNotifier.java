package dev.dray.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Sends a notification to each chat of a {@link TelegramUrl} through the Bot API's {@code POST
 * <api>/bot<token>/sendMessage} with {@code {"chat_id":…,"text":…}}.
 */
final class TelegramNotifier implements Notifier {
  private final TelegramUrl url;
  private final JsonPoster poster;
  private final URI api;

  /**
   * @param api the Bot API's base URL, {@code https://api.telegram.org} (another one in tests)
   */
  TelegramNotifier(TelegramUrl url, JsonPoster poster, URI api) {
    this.url = Objects.requireNonNull(url, "url");
    this.poster = Objects.requireNonNull(poster, "poster");
    this.api = Objects.requireNonNull(api, "api");
  }

  @Override
  public void send(Notification notification) {
    String text = NotificationText.message(notification);
    URI endpoint = URI.create(Endpoints.base(api) + "bot" + url.token().reveal() + "/sendMessage");
    List<String> failures = new ArrayList<>();
    OptionalInt status = OptionalInt.empty();
    Throwable cause = null;
    String hint = null;
    for (String chat : url.chats()) {
      try {
        JsonPoster.Answer answer =
            poster.post(endpoint, TelegramMessage.of(chat, text, url.notification()), Map.of());
        if (!answer.ok()) {
          failures.add(
              "chat " + chat + ": Telegram answered HTTP " + answer.status() + describe(answer));
          status = status.isPresent() ? status : OptionalInt.of(answer.status());
          hint = hint != null ? hint : hint(answer.status());
        }
      } catch (IOException e) {
        failures.add("chat " + chat + ": " + url.redaction().describe(e));
        cause = cause != null ? cause : url.redaction().scrub(e);
        hint =
            hint != null ? hint : "check that this host can reach " + api.getHost() + " over HTTPS";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NotifySendException(describe(), status, "interrupted", "", null);
      }
    }
    if (!failures.isEmpty()) {
      throw new NotifySendException(
          describe(), status, url.redaction().scrub(String.join("; ", failures)), hint, cause);
    }
  }

  private String describe(JsonPoster.Answer answer) {
    try {
      JsonNode description = JsonPoster.MAPPER.readTree(answer.body()).path("description");
      if (description.isTextual()) {
        return ": " + description.asText();
      }
    } catch (IOException e) {
      // not JSON: show the excerpt
    }
    return answer.excerpt().isEmpty() ? "" : ": " + answer.excerpt();
  }

  private static String hint(int status) {
    return switch (status) {
      case 401, 404 -> "the bot token is wrong or revoked: copy it again from @BotFather";
      case 400, 403 ->
          "check the chat ids in chats=… and that the bot is a member of each chat"
              + " (a group's id starts with -)";
      case 429 ->
          "Telegram is limiting how often the bot may send; later notifications will go out";
      default -> "Telegram failed; later notifications may go through";
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
