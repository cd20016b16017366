package dev.dray.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.dray.server.AppStatus;
import dev.dray.store.DeployRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI's API client against a scripted server, for answers a real one gives only rarely. */
class ServerApiTest {
  private WireMockServer server;
  private ServerApi api;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    api =
        new ServerApi(
            ServerTarget.of(
                "http://127.0.0.1:" + server.port() + "/dray",
                "--server",
                Map.of("DRAY_SERVER_TOKEN", "the-token")));
  }

  @AfterEach
  void stop() {
    api.close();
    server.stop();
  }

  @Test
  void sendsTheTokenAsBearerUnderThePathPrefixAndReadsTheApps() {
    server.stubFor(
        get("/dray/api/apps")
            .willReturn(
                okJson(
                    """
                    [{"app": "hello", "services": [{"name": "web", "role": "web",
                      "version": "1.4.2", "image": "r/hello@sha256:%s", "health": null,
                      "state": "running", "since": "2026-11-22T10:00:00Z", "restarts": 2,
                      "added": "later"}], "proxy": {"running": true}}]
                    """
                        .formatted("a".repeat(64)))));

    List<AppStatus> apps = api.apps();

    server.verify(
        getRequestedFor(urlEqualTo("/dray/api/apps"))
            .withHeader("Authorization", equalTo("Bearer the-token")));
    assertThat(apps).hasSize(1);
    AppStatus.Service web = apps.get(0).services().get(0);
    assertThat(web.version()).isEqualTo("1.4.2");
    assertThat(web.since()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    assertThat(web.restarts()).isEqualTo(2);
    assertThat(apps.get(0).proxy().running()).isTrue();
  }

  @Test
  void readsReleasesWithEmptyOptionalsAsNull() {
    server.stubFor(
        get("/dray/api/apps/hello/releases?limit=5")
            .willReturn(
                okJson(
                    """
                    [{"id": "d1", "app": "hello", "kind": "deploy", "version": "1.4.2",
                      "images": {"web": "r/hello@sha256:1"}, "who": "ann@ci",
                      "startedAt": "2026-11-22T10:00:00.123Z", "finishedAt": null,
                      "outcome": "RUNNING", "failedStep": null, "failure": null}]
                    """)));

    List<DeployRecord> records = api.releases("hello", 5);

    assertThat(records).hasSize(1);
    assertThat(records.get(0).finishedAt()).isEmpty();
    assertThat(records.get(0).running()).isTrue();
    assertThat(records.get(0).images()).containsEntry("web", "r/hello@sha256:1");
  }

  @Test
  void passesOnTheServersErrorAndHint() {
    server.stubFor(
        get("/dray/api/apps")
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withBody("{\"error\":\"store unavailable\",\"hint\":\"start PostgreSQL\"}")));

    ServerApiException e = catchThrowableOfType(ServerApiException.class, api::apps);

    assertThat(e.reason()).isEqualTo(ServerApiException.Reason.FAILED);
    assertThat(e.status()).hasValue(503);
    assertThat(e.getMessage())
        .isEqualTo(
            "dray server at http://127.0.0.1:"
                + server.port()
                + "/dray/ answered 503 to GET /api/apps: store unavailable");
    assertThat(e.hint()).hasValue("start PostgreSQL");
  }

  @Test
  void saysWhenTheAddressIsNotDrayServer() {
    server.stubFor(
        get("/dray/api/apps").willReturn(aResponse().withStatus(200).withBody("<html>hi</html>")));

    ServerApiException e = catchThrowableOfType(ServerApiException.class, api::apps);

    assertThat(e.getMessage()).contains("with something that is not dray server's API");
    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("check the URL"));
  }

  @Test
  void doesNotFollowARedirectWithTheToken() {
    server.stubFor(
        get("/dray/api/apps")
            .willReturn(aResponse().withStatus(302).withHeader("Location", "http://elsewhere/")));

    ServerApiException e = catchThrowableOfType(ServerApiException.class, api::apps);

    assertThat(e.status()).hasValue(302);
  }

  @Test
  void aJournalIdMatchingSeveralDeploysIsAnInputError() {
    server.stubFor(
        get("/dray/api/deploys/ab")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":\"deploy id 'ab' is ambiguous: it starts abc1, abd2\"}")));

    CliInputException e = catchThrowableOfType(CliInputException.class, () -> api.journal("ab"));

    assertThat(e.getMessage()).isEqualTo("deploy id 'ab' is ambiguous: it starts abc1, abd2");
    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("more characters"));
  }

  @Test
  void anUnknownJournalIdIsEmpty() {
    server.stubFor(
        get("/dray/api/deploys/zz%20top")
            .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"no deploy\"}")));

    assertThat(api.journal("zz top")).isEmpty();
  }
}
