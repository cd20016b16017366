package dev.dray.notify;

import dev.dray.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Telegram bot and the chats it writes to, from {@code telegram://<bot
 * token>@telegram?chats=<chat>[,<chat>…][&notification=yes|no]} (shoutrrr's form).
 *
 * <p>A chat is a chat id ({@code 123456789}, negative for groups: {@code -1001234567890}) or a
 * public channel's name ({@code @mychannel}); {@code channels} is an alias of {@code chats}. {@code
 * notification=no} sends silently. The token may come from the environment: {@code
 * telegram://${TELEGRAM_TOKEN}@telegram?chats=…}.
 */
record TelegramUrl(
    Secret token, List<String> chats, boolean notification, String describe, Redaction redaction)
    implements NotifyUrl {
  static final String HINT =
      "write telegram://<bot token>@telegram?chats=<chat id>[,<chat id>…]"
          + " with the token @BotFather gave you (or ${NAME} to read it from the environment)";
  private static final Pattern TOKEN = Pattern.compile("[0-9]+:[A-Za-z0-9_-]+");
  private static final Pattern CHAT = Pattern.compile("-?[0-9]{1,18}|@[A-Za-z0-9_]+");

  TelegramUrl {
    Objects.requireNonNull(token, "token");
    chats = List.copyOf(chats);
    Objects.requireNonNull(describe, "describe");
    Objects.requireNonNull(redaction, "redaction");
  }

  static TelegramUrl parse(URI uri, String shown, Redaction redaction) throws UrlProblem {
    Authority authority = Authority.parse(uri.getRawAuthority());
    if (authority.rawUserInfo().isEmpty()) {
      throw new UrlProblem("token", "the bot token is missing before @telegram", HINT);
    }
    String token = NotifyUrlParser.decode(authority.rawUserInfo().get(), "token");
    if (!TOKEN.matcher(token).matches()) {
      throw new UrlProblem(
          "token", "the bot token does not look like <bot id>:<secret> from @BotFather", HINT);
    }
    if (!authority.host().equalsIgnoreCase("telegram") || authority.port().isPresent()) {
      throw new UrlProblem("host", "the host must be 'telegram' (with no port)", HINT);
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
      throw new UrlProblem("path", "a telegram URL has no path after @telegram", HINT);
    }
    QueryParams query = QueryParams.parse(uri.getRawQuery());
    query.requireKnown(List.of("chats", "channels", "notification"), HINT);
    String chats =
        query
            .take("chats", "channels")
            .orElseThrow(() -> new UrlProblem("chats", "the chats parameter is missing", HINT));
    List<String> ids = chats(chats);
    boolean notification =
        NotifyUrlParser.yesNo(query.take("notification").orElse("yes"), "notification");
    return new TelegramUrl(
        Secret.of(token), ids, notification, shown, redaction.plus(Set.of(token)));
  }

  private static List<String> chats(String value) throws UrlProblem {
    List<String> ids = new ArrayList<>();
    for (String chat : value.split(",", -1)) {
      String id = chat.strip();
      if (!CHAT.matcher(id).matches()) {
        throw new UrlProblem(
            "chats",
            id.isEmpty()
                ? "chats has an empty entry"
                : "'"
                    + id
                    + "' in chats is not a chat id (a number, negative for groups)"
                    + " or a @channel name",
            HINT);
      }
      ids.add(id);
    }
    return ids;
  }

  @Override
  public String toString() {
    return describe;
  }
}
