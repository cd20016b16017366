package dev.dray.notify;

/** One destination for deploy notifications, made from one URL in {@code notify.urls}. */
public interface Notifier {
  /**
   * Delivers the notification, retrying once where the service allows.
   *
   * @throws NotifySendException when it could not be delivered; callers record it as a {@link
   *     NotifyFailure} (see {@link Notifiers#sendAll}) rather than fail the deploy
   */
  void send(Notification notification);

  /** The notifier's URL with the token or password replaced by {@code ***}. */
  String describe();
}
