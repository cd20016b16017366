package dev.dray.notify;

import dev.dray.Suggestions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one URL of {@code notify.urls}: fills {@code ${NAME}} references from the environment,
 * checks the syntax and hands the URL to the parser of its scheme.
 */
final class NotifyUrlParser {
  static final List<String> SCHEMES =
      List.of("telegram", "slack", "smtp", "generic+https", "generic+http");
  static final String FORMS =
      "write one of telegram://<bot token>@telegram?chats=<chat id>, "
          + "slack://<token-a>/<token-b>/<token-c>, "
          + "smtp://[user:password@]host[:port]/?from=<address>&to=<address>, "
          + "generic+https://host/path (see docs/notifications.md)";

  private NotifyUrlParser() {}

  /**
   * @param index the URL's position in {@code notify.urls}, for messages
   * @throws NotifyUrlException naming the part that is wrong, secrets masked
   */
  static NotifyUrl parse(int index, String url, Map<String, String> env) {
    String shown = UrlMask.mask(url);
    try {
      return parse(url, shown, env);
    } catch (UrlProblem p) {
      throw new NotifyUrlException(index, shown, p.part(), p.getMessage(), p.hint());
    }
  }

  private static NotifyUrl parse(String url, String shown, Map<String, String> env)
      throws UrlProblem {
    if (url == null || url.isBlank()) {
      throw new UrlProblem("url", "the URL is empty", FORMS);
    }
    EnvExpansion expansion = EnvExpansion.expand(url.strip(), env);
    URI uri = toUri(expansion.text());
    if (uri.getScheme() == null) {
      throw new UrlProblem("scheme", "the URL has no scheme", FORMS);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.isOpaque()) {
      throw new UrlProblem("scheme", "expected " + scheme + "://… after the scheme", FORMS);
    }
    if (uri.getRawFragment() != null) {
      throw new UrlProblem(
          "fragment", "a notify URL has no #fragment", "percent-encode a # in a value as %23");
    }
    Redaction redaction = Redaction.none().plusIncidental(expansion.values());
    return switch (scheme) {
      case "telegram" -> TelegramUrl.parse(uri, shown, redaction);
      case "slack" -> SlackUrl.parse(uri, shown, redaction);
      case "smtp" -> SmtpUrl.parse(uri, shown, redaction);
      case "generic+http", "generic+https" -> GenericUrl.parse(uri, shown, redaction);
      case "http", "https" ->
          throw new UrlProblem(
              "scheme",
              "a plain " + scheme + ":// URL does not say how to notify",
              "write generic+" + scheme + "://… to POST a JSON document to it");
      case "smtps" ->
          throw new UrlProblem(
              "scheme",
              "smtps:// (implicit TLS) is not supported",
              "use smtp://host:587/?from=…&to=…&starttls=yes");
      default -> throw new UrlProblem("scheme", unknownScheme(scheme), FORMS);
    };
  }

  private static URI toUri(String text) throws UrlProblem {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new UrlProblem(
          "url",
          "not a valid URL: "
              + e.getReason().toLowerCase(Locale.ROOT)
              + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""),
          "percent-encode special characters in tokens and passwords (/ as %2F, @ as %40,"
              + " # as %23, space as %20), or put them in the environment and write ${NAME}");
    }
  }

  private static String unknownScheme(String scheme) {
    Optional<String> closest = Suggestions.closest(scheme, SCHEMES);
    return "unknown scheme '"
        + scheme
        + "'"
        + closest.map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  /** Decodes a %-encoded part, naming the part when the encoding is broken. */
  static String decode(String raw, String part) throws UrlProblem {
    try {
      return PercentCoding.decode(raw);
    } catch (IllegalArgumentException e) {
      throw new UrlProblem(
          part,
          "the " + part + " is badly %-encoded: " + e.getMessage(),
          "write a literal % as %25");
    }
  }

  /** {@code yes}/{@code no} (or {@code true}/{@code false}) as shoutrrr spells booleans. */
  static boolean yesNo(String value, String part) throws UrlProblem {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "yes", "true" -> true;
      case "no", "false" -> false;
      default ->
          throw new UrlProblem(
              part,
              part + " must be yes or no, not '" + value + "'",
              "write " + part + "=yes or " + part + "=no");
    };
  }

  /** A port from 1 to 65535. */
  static int port(String value) throws UrlProblem {
    if (!value.matches("[0-9]{1,5}")
        || Integer.parseInt(value) < 1
        || Integer.parseInt(value) > 65535) {
      throw new UrlProblem(
          "port",
          "the port must be a number from 1 to 65535",
          "write host:port, e.g. mail.example.com:587");
    }
    return Integer.parseInt(value);
  }
}
