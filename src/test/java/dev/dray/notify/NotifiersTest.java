package dev.dray.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotifiersTest {
  private static final List<String> SECRETS =
      List.of(
          "TgSecretToken",
          "SlackSecretToken",
          "SmtpSecretPw",
          "HookSecretPw",
          "QuerySecret",
          "EnvSecretValue");

  private final WireMockNotifiers wm = new WireMockNotifiers();

  @AfterEach
  void stop() {
    wm.close();
  }

  @Test
  void makesOneNotifierPerUrlInOrder() {
    List<Notifier> notifiers =
        Notifiers.fromUrls(
            List.of(
                "telegram://1:TgSecretToken@telegram?chats=1",
                "slack://T0/B0/SlackSecretToken",
                "smtp://dray:SmtpSecretPw@mail.example.com:587/?from=a@b.io&to=c@d.io",
                "generic+https://example.com/hook"),
            WireMockNotifiers.HTTP,
            Map.of());

    assertThat(notifiers)
        .extracting(Notifier::describe)
        .containsExactly(
            "telegram://***@telegram?chats=1",
            "slack://T0/B0/***",
            "smtp://dray:***@mail.example.com:587/?from=a@b.io&to=c@d.io",
            "generic+https://example.com/hook");
    assertThat(notifiers).extracting(Object::toString).noneMatch(NotifiersTest::holdsASecret);
  }

  @Test
  void reportsABadUrlByItsPositionBeforeSendingAnything() {
    assertThatThrownBy(
            () ->
                Notifiers.fromUrls(
                    List.of("generic+https://example.com/hook", "slack://T0/B0"),
                    WireMockNotifiers.HTTP,
                    Map.of()))
        .asInstanceOf(type(NotifyUrlException.class))
        .satisfies(
            e -> {
              assertThat(e.index()).isEqualTo(1);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "notify.urls[1] slack://T0/***: expected three tokens separated by /, found 2");
            });
  }

  @Test
  void sendsToEveryNotifierAndReturnsTheFailuresInsteadOfThrowing() {
    wm.server.stubFor(post(urlEqualTo("/first")).willReturn(aResponse().withStatus(404)));
    wm.server.stubFor(post(urlEqualTo("/second")).willReturn(ok()));
    List<Notifier> notifiers =
        Notifiers.fromUrls(
            List.of("generic+" + wm.base() + "/first", "generic+" + wm.base() + "/second"),
            WireMockNotifiers.HTTP,
            Map.of(),
            wm.options());

    List<NotifyFailure> failures = Notifiers.sendAll(notifiers, Notifications.deployed());

    assertThat(failures)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.notifier()).isEqualTo("generic+" + wm.base() + "/first");
              assertThat(f.message()).endsWith("the webhook answered HTTP 404");
              assertThat(f.hint()).isPresent();
            });
    wm.server.verify(1, postRequestedFor(urlEqualTo("/second")));
  }

  @Test
  void neverShowsASecretWhenSendingFails() throws IOException {
    echo("/bot1:TgSecretToken/sendMessage", "1:TgSecretToken");
    echo("/services/T0/B0/SlackSecretToken", "T0/B0/SlackSecretToken");
    echo("/x?key=QuerySecret", "HookSecretPw QuerySecret");
    echo("/EnvSecretValue", "EnvSecretValue");
    wm.server.stubFor(
        post(urlEqualTo("/reset?key=QuerySecret"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    List<Notifier> notifiers =
        Notifiers.fromUrls(
            List.of(
                "telegram://1:TgSecretToken@telegram?chats=1",
                "slack://T0/B0/SlackSecretToken",
                "generic+" + wm.base().replace("//", "//hook:HookSecretPw@") + "/x?key=QuerySecret",
                "generic+" + wm.base() + "/reset?key=QuerySecret",
                "generic+" + wm.base() + "/${HOOK_PATH}",
                "smtp://dray:SmtpSecretPw@127.0.0.1:"
                    + closedPort
                    + "/?from=a@b.io&to=c@d.io&starttls=no"),
            WireMockNotifiers.HTTP,
            Map.of("HOOK_PATH", "EnvSecretValue"),
            wm.options());

    List<NotifyException> errors = new ArrayList<>();
    for (Notifier notifier : notifiers) {
      assertThat(notifier.describe()).matches(d -> !holdsASecret(d));
      try {
        notifier.send(Notifications.deployed());
      } catch (NotifyException e) {
        errors.add(e);
      }
    }

    assertThat(errors).hasSize(notifiers.size());
    for (NotifyException e : errors) {
      assertThat(e.getMessage()).matches(m -> !holdsASecret(m), "no secret in " + e.getMessage());
      assertThat(e.hint().orElse("")).matches(h -> !holdsASecret(h));
      assertThat(SmtpNotifierTest.stackTrace(e))
          .matches(t -> !holdsASecret(t), "no secret in the stack trace");
    }
    assertThat(errors.get(0).getMessage()).endsWith("Telegram answered HTTP 400: echo ***");
    assertThat(errors.get(1).getMessage()).endsWith("Slack answered HTTP 400: echo ***");
    assertThat(errors.get(2).getMessage()).endsWith("HTTP 400: echo *** ***");
    assertThat(errors.get(4).getMessage()).endsWith("HTTP 400: echo ***");
  }

  private void echo(String path, String secrets) {
    wm.server.stubFor(
        post(urlEqualTo(path)).willReturn(aResponse().withStatus(400).withBody("echo " + secrets)));
  }

  private static boolean holdsASecret(String text) {
    return SECRETS.stream().anyMatch(text::contains);
  }
}
