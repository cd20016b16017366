package dev.dray.notify;

import dev.dray.Secret;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Mails a notification through the SMTP server of an {@link SmtpUrl} with Angus Mail: subject the
 * notification's title (or the URL's {@code subject}), body its summary, in UTF-8.
 */
final class SmtpNotifier implements Notifier {
  private final SmtpUrl url;
  private final Duration timeout;

  /**
   * @param timeout for connecting and for each read and write
   */
  SmtpNotifier(SmtpUrl url, Duration timeout) {
    this.url = Objects.requireNonNull(url, "url");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public void send(Notification notification) {
    Session session = Session.getInstance(properties());
    try {
      MimeMessage mail = mail(session, notification);
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect(
            url.host(),
            url.port(),
            url.username().orElse(null),
            url.password().map(Secret::reveal).orElse(null));
        transport.sendMessage(mail, mail.getAllRecipients());
      }
    } catch (MessagingException e) {
      throw new NotifySendException(
          describe(), OptionalInt.empty(), reason(e), hint(e), url.redaction().scrub(e));
    }
  }

  private MimeMessage mail(Session session, Notification notification) throws MessagingException {
    MimeMessage mail = new MimeMessage(session);
    mail.setFrom(from());
    for (String to : url.to()) {
      mail.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
    }
    mail.setSubject(url.subject().orElse(NotificationText.title(notification)), "UTF-8");
    mail.setText(NotificationText.message(notification) + "\n", "UTF-8");
    mail.setSentDate(new Date());
    return mail;
  }

  private InternetAddress from() throws MessagingException {
    InternetAddress from = new InternetAddress(url.from(), true);
    if (url.fromName().isPresent()) {
      try {
        from.setPersonal(url.fromName().get(), "UTF-8");
      } catch (UnsupportedEncodingException e) {
        throw new IllegalStateException("UTF-8 is always supported", e);
      }
    }
    return from;
  }

  private Properties properties() {
    String millis = Long.toString(timeout.toMillis());
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", url.host());
    p.setProperty("mail.smtp.port", Integer.toString(url.port()));
    p.setProperty("mail.smtp.connectiontimeout", millis);
    p.setProperty("mail.smtp.timeout", millis);
    p.setProperty("mail.smtp.writetimeout", millis);
    p.setProperty("mail.smtp.auth", Boolean.toString(url.username().isPresent()));
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(url.startTls()));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(url.startTls()));
    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    return p;
  }

  private String reason(MessagingException e) {
    String what =
        switch (e) {
          case AuthenticationFailedException a -> "the SMTP server refused the login";
          case SendFailedException s -> "the SMTP server refused the mail";
          default -> "SMTP with " + url.host() + ":" + url.port() + " failed";
        };
    StringBuilder text = new StringBuilder(what).append(": ").append(url.redaction().describe(e));
    if (e.getCause() != null && e.getCause() != e) {
      text.append(": ").append(url.redaction().describe(e.getCause()));
    }
    return url.redaction().scrub(text.toString());
  }

  private static String hint(MessagingException e) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof AuthenticationFailedException) {
      return "check the user and password in the smtp:// URL";
    }
    if (message.contains("STARTTLS")) {
      return "the server does not offer STARTTLS: use a port that does (587), or add"
          + " starttls=no for a relay on a trusted network";
    }
    if (e instanceof SendFailedException) {
      return "check the from and to addresses, and that the server relays mail for this host";
    }
    return "check the host and port in the smtp:// URL and that this host can reach the server";
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
