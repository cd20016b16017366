package dev.dray.notify;

/**
 * A parsed notify URL: where and how one notifier delivers. Its {@code toString} is {@link
 * #describe()}, so no token or password shows.
 */
sealed interface NotifyUrl permits TelegramUrl, SlackUrl, SmtpUrl, GenericUrl {
  /** The URL as written, secrets masked. */
  String describe();

  /** The secrets behind this URL, to wipe from answers and exception messages. */
  Redaction redaction();
}
