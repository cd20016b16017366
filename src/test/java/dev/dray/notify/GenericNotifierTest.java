package dev.dray.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GenericNotifierTest {
  private final WireMockNotifiers wm = new WireMockNotifiers();

  @AfterEach
  void stop() {
    wm.close();
  }

  private String url(String pathAndQuery) {
    return "generic+" + wm.base() + pathAndQuery;
  }

  @Test
  void postsTheNotificationAsJsonWithTitleAndMessage() {
    wm.server.stubFor(post(urlEqualTo("/hooks/deploy?source=dray")).willReturn(ok()));

    wm.notifier(url("/hooks/deploy?source=dray")).send(Notifications.failed());

    wm.server.verify(
        1,
        postRequestedFor(urlEqualTo("/hooks/deploy?source=dray"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Authorization", absent())
            .withRequestBody(
                equalToJson(
                    """
                    {"app": "hello", "version": "1.4.2", "outcome": "failure",
                     "duration": "PT1M1S", "durationMs": 61000, "who": "alice",
                     "failedStep": "health check web", "detail": "container exited with code 1",
                     "title": "❌ hello 1.4.2 failed",
                     "message": "❌ hello 1.4.2 failed at step 'health check web' after 61s (alice): container exited with code 1"}
                    """)));
  }

  @Test
  void sendsAbsentFieldsAsNull() {
    wm.server.stubFor(post(urlEqualTo("/hook")).willReturn(ok()));

    wm.notifier(url("/hook")).send(Notifications.deployed());

    wm.server.verify(
        postRequestedFor(urlEqualTo("/hook"))
            .withRequestBody(
                equalToJson(
                    """
                    {"app": "hello", "version": "1.4.2", "outcome": "success",
                     "duration": "PT42S", "durationMs": 42000, "who": "alice",
                     "failedStep": null, "detail": null,
                     "title": "✅ hello 1.4.2 deployed",
                     "message": "✅ hello 1.4.2 deployed in 42s by alice"}
                    """)));
  }

  @Test
  void sendsTheUrlsUserAndPasswordAsBasicAuth() {
    wm.server.stubFor(post(urlEqualTo("/hook")).willReturn(ok()));
    String url = "generic+http://dray:${HOOK_PASSWORD}@127.0.0.1:" + wm.server.port() + "/hook";

    Notifier notifier = wm.notifier(url, Map.of("HOOK_PASSWORD", "s3cret:pw"));
    notifier.send(Notifications.deployed());

    wm.server.verify(
        postRequestedFor(urlEqualTo("/hook"))
            .withHeader("Authorization", equalTo("Basic ZHJheTpzM2NyZXQ6cHc=")));
    assertThat(notifier.describe())
        .isEqualTo("generic+http://dray:***@127.0.0.1:" + wm.server.port() + "/hook");
  }

  @Test
  void reportsARefusalWithTheAnswerWithoutRetrying() {
    wm.server.stubFor(
        post(urlEqualTo("/hook?key=abcdef"))
            .willReturn(aResponse().withStatus(403).withBody("bad key abcdef")));
    Notifier notifier = wm.notifier(url("/hook?key=abcdef"));

    assertThatThrownBy(() -> notifier.send(Notifications.deployed()))
        .asInstanceOf(type(NotifySendException.class))
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(OptionalInt.of(403));
              assertThat(e.getMessage())
                  .isEqualTo(
                      "could not notify generic+http://127.0.0.1:"
                          + wm.server.port()
                          + "/hook?key=***: the webhook answered HTTP 403: bad key ***");
            });
    wm.server.verify(1, postRequestedFor(urlEqualTo("/hook?key=abcdef")));
  }

  @Test
  void retriesOnceAfterAServerError() {
    wm.server.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(500)));
    Notifier notifier = wm.notifier(url("/hook"));

    assertThatThrownBy(() -> notifier.send(Notifications.deployed()))
        .asInstanceOf(type(NotifySendException.class))
        .satisfies(e -> assertThat(e.status()).isEqualTo(OptionalInt.of(500)));
    wm.server.verify(2, postRequestedFor(urlEqualTo("/hook")));
  }

  @Test
  void reportsAReceiverThatCannotBeReached() throws java.io.IOException {
    int closedPort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    Notifier notifier = wm.notifier("generic+http://127.0.0.1:" + closedPort + "/hook");

    assertThatThrownBy(() -> notifier.send(Notifications.deployed()))
        .asInstanceOf(type(NotifySendException.class))
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo("connection refused (ConnectException)");
              assertThat(e.status()).isEmpty();
              assertThat(e.hint())
                  .contains("check that the receiver runs and this host can reach 127.0.0.1");
            });
  }
}
