package dev.dray.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpNotifierTest {
  private SmtpTestServer server;

  @BeforeEach
  void start() throws IOException {
    server = new SmtpTestServer();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private Notifier notifier(String url) {
    return Notifiers.fromUrls(
            List.of(url), WireMockNotifiers.HTTP, Map.of("SMTP_PASSWORD", "s3cret-pw"))
        .getFirst();
  }

  private static MimeMessage parse(SmtpTestServer.Received mail) throws Exception {
    return new MimeMessage(
        Session.getInstance(new Properties()),
        new ByteArrayInputStream(mail.data().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void mailsTheSummaryFromAndToTheUrlsAddressesAfterLoggingIn() throws Exception {
    notifier(
            "smtp://dray:${SMTP_PASSWORD}@127.0.0.1:"
                + server.port()
                + "/?from=dray@example.com&to=ops@example.com,dev@example.com&starttls=no")
        .send(Notifications.failed());

    assertThat(server.mails()).hasSize(1);
    SmtpTestServer.Received received = server.mails().getFirst();
    assertThat(received.login()).isEqualTo("dray:s3cret-pw");
    assertThat(received.mailFrom()).isEqualTo("dray@example.com");
    assertThat(received.rcptTo()).containsExactly("ops@example.com", "dev@example.com");
    MimeMessage mail = parse(received);
    assertThat(mail.getFrom()).containsExactly(new InternetAddress("dray@example.com"));
    assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
        .containsExactly("ops@example.com", "dev@example.com");
    assertThat(mail.getSubject()).isEqualTo("❌ hello 1.4.2 failed");
    assertThat(mail.getContent().toString().strip())
        .isEqualTo(
            "❌ hello 1.4.2 failed at step 'health check web' after 61s (alice):"
                + " container exited with code 1");
  }

  @Test
  void usesTheUrlsSubjectAndSenderNameWithoutLoginWhenNoUserIsGiven() throws Exception {
    notifier(
            "smtp://127.0.0.1:"
                + server.port()
                + "/?from=dray@example.com&fromname=dray%20bot&to=ops@example.com"
                + "&subject=Deploy%20news&starttls=no")
        .send(Notifications.deployed());

    SmtpTestServer.Received received = server.mails().getFirst();
    assertThat(received.login()).isNull();
    assertThat(server.commands()).noneMatch(c -> c.toUpperCase().startsWith("AUTH"));
    MimeMessage mail = parse(received);
    assertThat(mail.getSubject()).isEqualTo("Deploy news");
    assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("dray bot");
    assertThat(mail.getContent().toString().strip())
        .isEqualTo("✅ hello 1.4.2 deployed in 42s by alice");
  }

  @Test
  void refusesToSendWhenStartTlsIsRequiredButNotOffered() {
    Notifier notifier =
        notifier(
            "smtp://dray:${SMTP_PASSWORD}@127.0.0.1:"
                + server.port()
                + "/?from=dray@example.com&to=ops@example.com");

    assertThatThrownBy(() -> notifier.send(Notifications.deployed()))
        .asInstanceOf(type(NotifySendException.class))
        .satisfies(
            e -> {
              assertThat(e.getMessage()).contains("STARTTLS");
              assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("starttls=no"));
            });
    assertThat(server.commands()).noneMatch(c -> c.startsWith("AUTH") || c.startsWith("MAIL"));
    assertThat(server.mails()).isEmpty();
  }

  @Test
  void reportsARefusedLoginWithoutThePassword() {
    server.refuseLogin();
    Notifier notifier =
        notifier(
            "smtp://dray:${SMTP_PASSWORD}@127.0.0.1:"
                + server.port()
                + "/?from=dray@example.com&to=ops@example.com&starttls=no");

    assertThatThrownBy(() -> notifier.send(Notifications.deployed()))
        .asInstanceOf(type(NotifySendException.class))
        .satisfies(
            e -> {
              assertThat(e.reason()).startsWith("the SMTP server refused the login");
              assertThat(e.hint()).contains("check the user and password in the smtp:// URL");
              assertThat(e.notifier())
                  .isEqualTo(
                      "smtp://dray:***@127.0.0.1:"
                          + server.port()
                          + "/?from=dray@example.com&to=ops@example.com&starttls=no");
              assertThat(stackTrace(e)).doesNotContain("s3cret-pw");
            });
  }

  @Test
  void reportsARefusedRecipient() {
    server.refuseRecipients();
    Notifier notifier =
        notifier(
            "smtp://127.0.0.1:"
                + server.port()
                + "/?from=dray@example.com&to=nobody@example.com&starttls=no");

    assertThatThrownBy(() -> notifier.send(Notifications.deployed()))
        .asInstanceOf(type(NotifySendException.class))
        .satisfies(e -> assertThat(e.reason()).startsWith("the SMTP server refused the mail"));
    assertThat(server.mails()).isEmpty();
  }

  @Test
  void reportsAServerThatCannotBeReached() throws IOException {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    Notifier notifier =
        notifier(
            "smtp://127.0.0.1:"
                + closedPort
                + "/?from=dray@example.com&to=ops@example.com&starttls=no");

    assertThatThrownBy(() -> notifier.send(Notifications.deployed()))
        .asInstanceOf(type(NotifySendException.class))
        .satisfies(
            e -> {
              assertThat(e.reason()).startsWith("SMTP with 127.0.0.1:" + closedPort + " failed");
              assertThat(e.status()).isEmpty();
            });
  }

  static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
