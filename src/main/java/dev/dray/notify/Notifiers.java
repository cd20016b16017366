package dev.dray.notify;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes the notifiers of {@code notify.urls} and sends a notification to all of them. URLs are
 * parsed up front, so a bad one is reported when the configuration is read, not after a deploy.
 *
 * <p>Supported URLs (shoutrrr's forms; see docs/notifications.md):
 *
 * <ul>
 *   <li>{@code telegram://<bot token>@telegram?chats=<chat>[,<chat>…][&notification=no]}
 *   <li>{@code slack://<token-a>/<token-b>/<token-c>}
 *   <li>{@code smtp://[user:password@]host[:port]/?from=<address>&to=<address>[,…][&subject=…]
 *       [&fromname=…][&starttls=yes|no]}
 *   <li>{@code generic+https://[user:password@]host[:port]/path[?query]} and {@code
 *       generic+http://…}
 * </ul>
 *
 * {@code ${NAME}} anywhere in a URL is replaced by the percent-encoded value of the environment
 * variable {@code NAME}, so secrets can stay out of dray.yml.
 */
public final class Notifiers {
  private Notifiers() {}

  /**
   * The notifiers of {@code urls}, in order, talking to the real services.
   *
   * @param http the client HTTP notifiers send with
   * @param env the environment {@code ${NAME}} references are read from
   * @throws NotifyUrlException for the first URL that cannot be used, naming the wrong part
   */
  public static List<Notifier> fromUrls(
      List<String> urls, HttpClient http, Map<String, String> env) {
    return fromUrls(urls, http, env, NotifyOptions.standard());
  }

  /**
   * As {@link #fromUrls(List, HttpClient, Map)}, with the services and timing of {@code options}.
   */
  public static List<Notifier> fromUrls(
      List<String> urls, HttpClient http, Map<String, String> env, NotifyOptions options) {
    Objects.requireNonNull(urls, "urls");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(options, "options");
    JsonPoster poster = new JsonPoster(http, options.timeout(), options.retryDelay());
    List<Notifier> notifiers = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      notifiers.add(
          switch (NotifyUrlParser.parse(i, urls.get(i), env)) {
            case TelegramUrl t -> new TelegramNotifier(t, poster, options.telegramApi());
            case SlackUrl s -> new SlackNotifier(s, poster, options.slackHooks());
            case SmtpUrl m -> new SmtpNotifier(m, options.timeout());
            case GenericUrl g -> new GenericNotifier(g, poster);
          });
    }
    return List.copyOf(notifiers);
  }

  /**
   * Sends {@code notification} to every notifier in turn and returns the ones that failed; a
   * failure never stops the others and is never thrown.
   */
  public static List<NotifyFailure> sendAll(List<Notifier> notifiers, Notification notification) {
    List<NotifyFailure> failures = new ArrayList<>();
    for (Notifier notifier : notifiers) {
      try {
        notifier.send(notification);
      } catch (NotifyException e) {
        failures.add(NotifyFailure.of(notifier, e));
      }
    }
    return List.copyOf(failures);
  }
}
