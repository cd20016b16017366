package dev.dray.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackNotifierTest {
  private static final String URL = "slack://T00000000/B00000000/XXXXsecretXXXX";
  private static final String PATH = "/services/T00000000/B00000000/XXXXsecretXXXX";

  private final WireMockNotifiers wm = new WireMockNotifiers();

  @AfterEach
  void stop() {
    wm.close();
  }

  @Test
  void postsTheSummaryToTheIncomingWebhook() {
    wm.server.stubFor(post(urlEqualTo(PATH)).willReturn(ok("ok")));

    wm.notifier(URL).send(Notifications.rolledBack());

    wm.server.verify(
        1,
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"text\":\"↩️ hello rolled back to 1.4.1 in 12s by alice:"
                        + " 1.4.2 failed its health check\"}")));
  }

  @Test
  void reportsARemovedWebhookWithoutItsToken() {
    wm.server.stubFor(
        post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404).withBody("no_service")));
    Notifier notifier = wm.notifier(URL);

    assertThatThrownBy(() -> notifier.send(Notifications.deployed()))
        .asInstanceOf(type(NotifySendException.class))
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(OptionalInt.of(404));
              assertThat(e.getMessage())
                  .isEqualTo(
                      "could not notify slack://T00000000/B00000000/***:"
                          + " Slack answered HTTP 404: no_service");
              assertThat(e.hint())
                  .hasValueSatisfying(h -> assertThat(h).contains("new incoming webhook"));
            });
    wm.server.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void retriesOnceAfterAServerError() {
    wm.server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
    Notifier notifier = wm.notifier(URL);

    assertThatThrownBy(() -> notifier.send(Notifications.deployed()))
        .isInstanceOf(NotifySendException.class)
        .hasMessageEndingWith("Slack answered HTTP 500");
    wm.server.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }
}
