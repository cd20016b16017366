package dev.dray.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelegramNotifierTest {
  private static final String TOKEN = "123456:ABC-def_Secret";
  private static final String PATH = "/bot" + TOKEN + "/sendMessage";
  private static final String OK = "{\"ok\":true,\"result\":{\"message_id\":1}}";

  private final WireMockNotifiers wm = new WireMockNotifiers();

  @AfterEach
  void stop() {
    wm.close();
  }

  @Test
  void postsSendMessageToEachChatWithTheBotToken() {
    wm.server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(OK)));

    wm.notifier("telegram://" + TOKEN + "@telegram?chats=42,-1001234567890,@news")
        .send(Notifications.deployed());

    String text = "✅ hello 1.4.2 deployed in 42s by alice";
    wm.server.verify(3, postRequestedFor(urlEqualTo(PATH)));
    wm.server.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"chat_id\":42,\"text\":\"" + text + "\"}")));
    wm.server.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson("{\"chat_id\":-1001234567890,\"text\":\"" + text + "\"}")));
    wm.server.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(equalToJson("{\"chat_id\":\"@news\",\"text\":\"" + text + "\"}")));
  }

  @Test
  void sendsSilentlyWhenNotificationIsNo() {
    wm.server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(OK)));

    wm.notifier("telegram://" + TOKEN + "@telegram?chats=42&notification=no")
        .send(Notifications.failed());

    wm.server.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    "{\"chat_id\":42,\"disable_notification\":true,\"text\":\"❌ hello 1.4.2 failed"
                        + " at step 'health check web' after 61s (alice): container exited with"
                        + " code 1\"}")));
  }

  @Test
  void retriesOnceAfterAServerError() {
    wm.server.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("recovered"));
    wm.server.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson(OK)));

    wm.notifier("telegram://" + TOKEN + "@telegram?chats=42").send(Notifications.deployed());

    wm.server.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void retriesOnceAfterAConnectionReset() {
    wm.server.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("reset")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("recovered"));
    wm.server.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("reset")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson(OK)));

    wm.notifier("telegram://" + TOKEN + "@telegram?chats=42").send(Notifications.deployed());

    wm.server.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void givesUpAfterTwoServerErrorsNamingTheNotifierWithoutItsToken() {
    wm.server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
    Notifier notifier = wm.notifier("telegram://" + TOKEN + "@telegram?chats=42");

    assertThatThrownBy(() -> notifier.send(Notifications.deployed()))
        .asInstanceOf(type(NotifySendException.class))
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(OptionalInt.of(503));
              assertThat(e.notifier()).isEqualTo("telegram://***@telegram?chats=42");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "could not notify telegram://***@telegram?chats=42:"
                          + " chat 42: Telegram answered HTTP 503")
                  .doesNotContain("ABC-def_Secret");
            });
    wm.server.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void reportsTelegramsDescriptionWithoutRetryingAClientError() {
    wm.server.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));
    Notifier notifier = wm.notifier("telegram://" + TOKEN + "@telegram?chats=42");

    assertThatThrownBy(() -> notifier.send(Notifications.deployed()))
        .asInstanceOf(type(NotifySendException.class))
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo("chat 42: Telegram answered HTTP 401: Unauthorized");
              assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("@BotFather"));
            });
    wm.server.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void triesEveryChatAndNamesTheOnesThatFailed() {
    wm.server.stubFor(
        post(urlEqualTo(PATH))
            .withRequestBody(equalToJson("{\"chat_id\":7}", true, true))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"ok\":false,\"description\":\"Bad Request: chat not found\"}")));
    wm.server.stubFor(
        post(urlEqualTo(PATH))
            .withRequestBody(equalToJson("{\"chat_id\":8}", true, true))
            .willReturn(okJson(OK)));
    Notifier notifier = wm.notifier("telegram://" + TOKEN + "@telegram?chats=7,8");

    assertThatThrownBy(() -> notifier.send(Notifications.deployed()))
        .isInstanceOf(NotifySendException.class)
        .hasMessageEndingWith("chat 7: Telegram answered HTTP 400: Bad Request: chat not found");
    wm.server.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void wipesTheTokenFromAnAnswerThatEchoesIt() {
    wm.server.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"description\":\"no bot " + TOKEN + "\"}")));
    Notifier notifier =
        wm.notifier(
            "telegram://${TG_TOKEN}@telegram?chats=42", java.util.Map.of("TG_TOKEN", TOKEN));

    assertThatThrownBy(() -> notifier.send(Notifications.deployed()))
        .hasMessageEndingWith("Telegram answered HTTP 404: no bot ***")
        .hasMessageNotContaining("ABC-def_Secret");
  }

  @Test
  void givesUpWhenBothAttemptsTimeOut() {
    wm.server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(OK).withFixedDelay(1_500)));
    Notifier notifier =
        Notifiers.fromUrls(
                List.of("telegram://" + TOKEN + "@telegram?chats=42"),
                WireMockNotifiers.HTTP,
                java.util.Map.of(),
                NotifyOptions.standard()
                    .withServicesAt(URI.create(wm.base()))
                    .withTiming(Duration.ofMillis(300), Duration.ofMillis(10)))
            .getFirst();

    assertThatThrownBy(() -> notifier.send(Notifications.deployed()))
        .asInstanceOf(type(NotifySendException.class))
        .satisfies(
            e -> {
              assertThat(e.status()).isEmpty();
              assertThat(e.reason()).contains("timed out");
              assertThat(e.getCause()).isNotNull();
            });
    wm.server.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }
}
