package dev.dray.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of the Telegram Bot API's {@code sendMessage}: a chat (a number, or a {@code @channel}
 * name) and plain text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TelegramMessage(
    @JsonProperty("chat_id") Object chatId,
    @JsonProperty("text") String text,
    @JsonProperty("disable_notification") Boolean disableNotification) {

  static TelegramMessage of(String chat, String text, boolean notification) {
    Object id = chat.startsWith("@") ? chat : (Object) Long.parseLong(chat);
    return new TelegramMessage(id, text, notification ? null : Boolean.TRUE);
  }
}
