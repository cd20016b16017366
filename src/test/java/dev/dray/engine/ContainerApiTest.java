package dev.dray.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.dray.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The container calls against a scripted engine, for answers a real one gives only rarely. */
class ContainerApiTest {
  private static final String V = "/v1.41";

  private WireMockServer dockerd;
  private HttpDockerEngine engine;

  @BeforeEach
  void start() {
    dockerd = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    dockerd.start();
    dockerd.stubFor(get("/_ping").willReturn(aResponse().withBody("OK")));
    dockerd.stubFor(
        get("/version")
            .willReturn(
                okJson("{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\",\"Os\":\"linux\"}")));
    engine =
        HttpDockerEngine.connect(
            new EngineEndpoint(URI.create("tcp://127.0.0.1:" + dockerd.port()), "test"));
  }

  @AfterEach
  void stop() {
    engine.close();
    dockerd.stop();
  }

  private static ContainerSpec spec() {
    return ContainerSpec.builder("hello-web-1-1", "app:1")
        .secretEnv("DB_PASSWORD", Secret.of("s3cr3t-value"))
        .build();
  }

  @Test
  void sendsTheSecretOnlyInTheCreateBody() {
    dockerd.stubFor(
        post(urlPathEqualTo(V + "/containers/create"))
            .willReturn(
                aResponse().withStatus(201).withBody("{\"Id\":\"abc123\",\"Warnings\":[]}")));

    assertThat(engine.createContainer(spec())).isEqualTo("abc123");

    dockerd.verify(
        postRequestedFor(urlPathEqualTo(V + "/containers/create"))
            .withQueryParam("name", equalTo("hello-web-1-1"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(containing("\"DB_PASSWORD=s3cr3t-value\"")));
  }

  @Test
  void aCreateErrorThatEchoesASecretShowsItRedacted() {
    dockerd.stubFor(
        post(urlPathEqualTo(V + "/containers/create"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"message\":\"invalid environment DB_PASSWORD=s3cr3t-value\"}")));

    ContainerCreateFailedException e =
        catchThrowableOfType(
            ContainerCreateFailedException.class, () -> engine.createContainer(spec()));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.getMessage()).contains("DB_PASSWORD=******").doesNotContain("s3cr3t-value");
    assertThat(e.engineMessage()).doesNotContain("s3cr3t-value");
    assertThat(e.hint()).isPresent();
  }

  @Test
  void aMissingImageOnCreateSaysToPullFirst() {
    dockerd.stubFor(
        post(urlPathEqualTo(V + "/containers/create"))
            .willReturn(
                aResponse().withStatus(404).withBody("{\"message\":\"No such image: app:1\"}")));

    ImageNotFoundLocallyException e =
        catchThrowableOfType(
            ImageNotFoundLocallyException.class, () -> engine.createContainer(spec()));

    assertThat(e.image()).isEqualTo("app:1");
    assertThat(e.hint()).get().asString().contains("pull");
  }

  @Test
  void stoppingOrRemovingWhatIsGoneOrStoppedIsFine() {
    dockerd.stubFor(
        post(urlPathEqualTo(V + "/containers/stopped/stop"))
            .willReturn(aResponse().withStatus(304)));
    dockerd.stubFor(
        post(urlPathEqualTo(V + "/containers/gone/stop"))
            .willReturn(
                aResponse().withStatus(404).withBody("{\"message\":\"No such container\"}")));
    dockerd.stubFor(
        delete(urlPathEqualTo(V + "/containers/gone"))
            .willReturn(
                aResponse().withStatus(404).withBody("{\"message\":\"No such container\"}")));

    engine.stopContainer("stopped", Duration.ofMillis(1500));
    engine.stopContainer("gone", Duration.ZERO);
    engine.removeContainer("gone", true);

    dockerd.verify(
        postRequestedFor(urlPathEqualTo(V + "/containers/stopped/stop"))
            .withQueryParam("t", equalTo("2")));
  }

  @Test
  void aFailedRemovalIsAnError() {
    dockerd.stubFor(
        delete(urlPathEqualTo(V + "/containers/busy"))
            .willReturn(
                aResponse().withStatus(409).withBody("{\"message\":\"removal in progress\"}")));

    assertThatThrownBy(() -> engine.removeContainer("busy", false))
        .isInstanceOf(EngineApiException.class)
        .hasMessageContaining("removal in progress");
  }

  @Test
  void listsByEveryLabel() {
    dockerd.stubFor(
        get(urlPathEqualTo(V + "/containers/json")).willReturn(okJson(CapturedContainers.LISTED)));

    assertThat(engine.listContainers(Map.of("dray.app", "probe", "dray.role", "web"), true))
        .singleElement()
        .satisfies(c -> assertThat(c.name()).isEqualTo("probe-x2"));

    dockerd.verify(
        getRequestedFor(urlPathEqualTo(V + "/containers/json"))
            .withQueryParam("all", equalTo("1"))
            .withQueryParam(
                "filters", equalTo("{\"label\":[\"dray.app=probe\",\"dray.role=web\"]}")));
  }

  @Test
  void waitingGivesUpAfterTheTimeoutWhileTheAnswerIsPending() {
    dockerd.stubFor(
        post(urlPathEqualTo(V + "/containers/slow/wait"))
            .willReturn(
                okJson(" ".repeat(200) + "{\"StatusCode\":0}")
                    .withChunkedDribbleDelay(100, 20_000)));
    long start = System.nanoTime();

    ContainerWaitTimeoutException e =
        catchThrowableOfType(
            ContainerWaitTimeoutException.class,
            () -> engine.waitContainer("slow", Duration.ofMillis(300)));

    assertThat(e.container()).isEqualTo("slow");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void anErrorWhileWaitingIsReported() {
    dockerd.stubFor(
        post(urlPathEqualTo(V + "/containers/odd/wait"))
            .willReturn(
                okJson("{\"StatusCode\":-1,\"Error\":{\"Message\":\"container vanished\"}}")));

    assertThatThrownBy(() -> engine.waitContainer("odd", Duration.ofSeconds(5)))
        .isInstanceOf(EngineApiException.class)
        .hasMessageContaining("container vanished");
  }

  @Test
  void aStartTheEngineRefusesSaysWhy() {
    dockerd.stubFor(
        post(urlPathEqualTo(V + "/containers/broken/start"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"message\":\"OCI runtime create failed: exec: \\\"nope\\\": executable"
                            + " file not found in $PATH\"}")));

    ContainerStartFailedException e =
        catchThrowableOfType(
            ContainerStartFailedException.class, () -> engine.startContainer("broken"));

    assertThat(e.engineMessage()).contains("executable file not found");
  }
}
