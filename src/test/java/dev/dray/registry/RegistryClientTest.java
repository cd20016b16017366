package dev.dray.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.dray.image.Digest;
import dev.dray.image.ImageRef;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryClientTest {
  private static final String DIGEST =
      "sha256:1111111111111111111111111111111111111111111111111111111111111111";
  private static final String BASIC_DRAY = "Basic ZHJheTpkcmF5LXNlY3JldA==";
  private static final Map<String, String> DRAY_ENV =
      Map.of("DRAY_REGISTRY_USERNAME", "dray", "DRAY_REGISTRY_PASSWORD", "dray-secret");

  @TempDir Path home;

  private WireMockServer registry;
  private String host;
  private final List<Duration> sleeps = new ArrayList<>();
  private final MutableClock clock = new MutableClock();

  @BeforeEach
  void start() {
    registry = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    registry.start();
    host = "127.0.0.1:" + registry.port();
  }

  @AfterEach
  void stop() {
    registry.stop();
  }

  private RegistryClient client(Map<String, String> env, RetryPolicy retries) {
    RegistryTransport transport =
        RegistryTransport.builder()
            .credentials(CredentialResolver.standard(env, home, new SystemProcessRunner()))
            .retryPolicy(retries)
            .sleeper(sleeps::add)
            .clock(clock)
            .userAgent("dray-test/1")
            .build();
    return new RegistryClient(transport);
  }

  private RegistryClient client(Map<String, String> env) {
    return client(env, RetryPolicy.none());
  }

  private ImageRef ref(String rest) {
    return ImageRef.parse(host + "/" + rest);
  }

  private String bearerChallenge(String scope) {
    return "Bearer realm=\"http://%s/token\",service=\"test-registry\",scope=\"%s\""
        .formatted(host, scope);
  }

  private static String jwt(String repository, String... actions) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String claims =
        "{\"access\":[{\"type\":\"repository\",\"name\":\"%s\",\"actions\":[%s]}]}"
            .formatted(
                repository,
                String.join(
                    ",", java.util.Arrays.stream(actions).map(a -> "\"" + a + "\"").toList()));
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".sig";
  }

  // --- bearer auth ---

  @Test
  void answersBearerChallengeWithScopedTokenAndReusesItUntilExpiry() {
    String manifest = "/v2/team/app/manifests/1.0";
    registry.stubFor(
        head(urlEqualTo(manifest))
            .withHeader("Authorization", absent())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("WWW-Authenticate", bearerChallenge("repository:team/app:pull"))));
    registry.stubFor(
        head(urlEqualTo(manifest))
            .withHeader("Authorization", equalTo("Bearer tok-1"))
            .willReturn(aResponse().withStatus(200).withHeader("Docker-Content-Digest", DIGEST)));
    registry.stubFor(
        get(urlPathEqualTo("/token"))
            .withQueryParam("service", equalTo("test-registry"))
            .withQueryParam("scope", equalTo("repository:team/app:pull"))
            .withHeader("Authorization", equalTo(BASIC_DRAY))
            .willReturn(okJson("{\"token\":\"tok-1\",\"expires_in\":300}")));
    RegistryClient client = client(DRAY_ENV);

    assertThat(client.manifestDigest(ref("team/app:1.0"))).contains(Digest.of(DIGEST));
    assertThat(client.manifestDigest(ref("team/app:1.0"))).contains(Digest.of(DIGEST));

    registry.verify(1, getRequestedFor(urlPathEqualTo("/token")));
    registry.verify(
        1, headRequestedFor(urlEqualTo(manifest)).withHeader("Authorization", absent()));
    registry.verify(
        2,
        headRequestedFor(urlEqualTo(manifest))
            .withHeader("Authorization", equalTo("Bearer tok-1")));

    clock.advance(Duration.ofSeconds(301));
    assertThat(client.manifestDigest(ref("team/app:1.0"))).contains(Digest.of(DIGEST));
    registry.verify(2, getRequestedFor(urlPathEqualTo("/token")));
  }

  @Test
  void acceptsAccessTokenFieldAndAssumesSixtySecondsWithoutExpiresIn() {
    registry.stubFor(
        get(urlEqualTo("/v2/"))
            .withHeader("Authorization", absent())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader(
                        "WWW-Authenticate",
                        "Bearer realm=\"http://" + host + "/token\",service=\"test-registry\"")));
    registry.stubFor(
        get(urlEqualTo("/v2/"))
            .withHeader("Authorization", equalTo("Bearer oauth-1"))
            .willReturn(okJson("{}")));
    registry.stubFor(
        get(urlPathEqualTo("/token")).willReturn(okJson("{\"access_token\":\"oauth-1\"}")));
    RegistryClient client = client(Map.of());

    client.ping(host);
    clock.advance(Duration.ofSeconds(30));
    client.ping(host);
    registry.verify(
        1, getRequestedFor(urlPathEqualTo("/token")).withHeader("Authorization", absent()));

    clock.advance(Duration.ofSeconds(31));
    client.ping(host);
    registry.verify(2, getRequestedFor(urlPathEqualTo("/token")));
  }

  @Test
  void requestsOneTokenPerScope() {
    registry.stubFor(
        head(urlEqualTo("/v2/team/app/manifests/1.0"))
            .withHeader("Authorization", absent())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("WWW-Authenticate", bearerChallenge("repository:team/app:pull"))));
    registry.stubFor(
        put(urlEqualTo("/v2/team/app/manifests/1.1"))
            .withHeader("Authorization", absent())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader(
                        "WWW-Authenticate", bearerChallenge("repository:team/app:pull,push"))));
    registry.stubFor(
        get(urlPathEqualTo("/token"))
            .withQueryParam("scope", equalTo("repository:team/app:pull"))
            .willReturn(okJson("{\"token\":\"pull-token\"}")));
    registry.stubFor(
        get(urlPathEqualTo("/token"))
            .withQueryParam("scope", equalTo("repository:team/app:pull,push"))
            .willReturn(okJson("{\"token\":\"push-token\"}")));
    registry.stubFor(
        head(urlEqualTo("/v2/team/app/manifests/1.0"))
            .withHeader("Authorization", equalTo("Bearer pull-token"))
            .willReturn(aResponse().withStatus(200).withHeader("Docker-Content-Digest", DIGEST)));
    registry.stubFor(
        put(urlEqualTo("/v2/team/app/manifests/1.1"))
            .withHeader("Authorization", equalTo("Bearer push-token"))
            .willReturn(aResponse().withStatus(201)));
    RegistryClient client = client(DRAY_ENV);

    client.manifestDigest(ref("team/app:1.0"));
    client.putManifest(
        ref("team/app:1.1"),
        Manifest.of("{}".getBytes(StandardCharsets.UTF_8), Manifest.OCI_MANIFEST));

    registry.verify(
        1,
        getRequestedFor(urlPathEqualTo("/token"))
            .withQueryParam("scope", equalTo("repository:team/app:pull")));
    registry.verify(
        1,
        getRequestedFor(urlPathEqualTo("/token"))
            .withQueryParam("scope", equalTo("repository:team/app:pull,push")));
  }

  @Test
  void exchangesIdentityTokenWithOAuthRefreshGrant() throws Exception {
    java.nio.file.Files.createDirectories(home.resolve(".docker"));
    java.nio.file.Files.writeString(
        home.resolve(".docker/config.json"),
        "{\"auths\":{\"" + host + "\":{\"identitytoken\":\"refresh-xyz\"}}}");
    registry.stubFor(
        get(urlEqualTo("/v2/"))
            .withHeader("Authorization", absent())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("WWW-Authenticate", bearerChallenge("registry:catalog:*"))));
    registry.stubFor(
        post(urlEqualTo("/token"))
            .withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("refresh_token=refresh-xyz"))
            .withRequestBody(containing("service=test-registry"))
            .willReturn(okJson("{\"access_token\":\"at-1\",\"expires_in\":120}")));
    registry.stubFor(
        get(urlEqualTo("/v2/"))
            .withHeader("Authorization", equalTo("Bearer at-1"))
            .willReturn(okJson("{}")));

    client(Map.of()).ping(host);

    registry.verify(postRequestedFor(urlEqualTo("/token")));
  }

  // --- basic auth ---

  @Test
  void answersBasicChallengeAndSendsCredentialsUpFrontAfterwards() {
    registry.stubFor(
        get(urlEqualTo("/v2/"))
            .withHeader("Authorization", absent())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("WWW-Authenticate", "Basic realm=\"test\"")));
    registry.stubFor(
        get(urlEqualTo("/v2/"))
            .withHeader("Authorization", equalTo(BASIC_DRAY))
            .willReturn(okJson("{}")));
    RegistryClient client = client(DRAY_ENV);

    client.ping(host);
    client.ping(host);

    registry.verify(1, getRequestedFor(urlEqualTo("/v2/")).withHeader("Authorization", absent()));
    registry.verify(
        2, getRequestedFor(urlEqualTo("/v2/")).withHeader("Authorization", equalTo(BASIC_DRAY)));
    registry.verify(
        3, getRequestedFor(urlEqualTo("/v2/")).withHeader("User-Agent", equalTo("dray-test/1")));
  }

  @Test
  void authFailureListsEveryCredentialSourceTried() {
    registry.stubFor(
        head(urlEqualTo("/v2/team/app/manifests/latest"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("WWW-Authenticate", "Basic realm=\"test\"")));

    assertThatThrownBy(() -> client(Map.of()).manifestDigest(ref("team/app")))
        .isInstanceOfSatisfying(
            RegistryAuthException.class,
            e -> {
              assertThat(e.host()).isEqualTo(host);
              assertThat(e.repository()).isEqualTo("team/app");
              assertThat(e.attempts())
                  .containsExactly(
                      "env DRAY_REGISTRY_USERNAME/DRAY_REGISTRY_PASSWORD: not set",
                      home.resolve(".docker/config.json") + ": not found");
              assertThat(e.getMessage())
                  .contains("registry " + host + " refused access to team/app")
                  .contains("no credentials were found")
                  .contains("  - env DRAY_REGISTRY_USERNAME/DRAY_REGISTRY_PASSWORD: not set")
                  .contains("  - " + home.resolve(".docker/config.json") + ": not found");
              assertThat(e.hint()).get().asString().contains("docker login " + host);
            });
  }

  @Test
  void rejectedCredentialsAreNamedButNeverShown() {
    registry.stubFor(
        head(urlEqualTo("/v2/team/app/manifests/latest"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("WWW-Authenticate", "Basic realm=\"test\"")));
    var env = Map.of("DRAY_REGISTRY_USERNAME", "dray", "DRAY_REGISTRY_PASSWORD", "hunter2-secret");

    assertThatThrownBy(() -> client(env).manifestDigest(ref("team/app")))
        .isInstanceOf(RegistryAuthException.class)
        .hasMessageContaining(
            "the registry answered 401 to the credentials from env DRAY_REGISTRY_USERNAME/DRAY_REGISTRY_PASSWORD")
        .message()
        .doesNotContain("hunter2-secret");
    registry.verify(2, headRequestedFor(urlEqualTo("/v2/team/app/manifests/latest")));
  }

  // --- retries ---

  @Test
  void retriesServiceUnavailableWithBackoffAndSucceeds() {
    String url = "/v2/team/app/blobs/" + DIGEST;
    registry.stubFor(
        head(urlEqualTo(url))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("second"));
    registry.stubFor(
        head(urlEqualTo(url))
            .inScenario("flaky")
            .whenScenarioStateIs("second")
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("third"));
    registry.stubFor(
        head(urlEqualTo(url))
            .inScenario("flaky")
            .whenScenarioStateIs("third")
            .willReturn(aResponse().withStatus(200)));
    RegistryClient client =
        client(Map.of(), new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(1)));

    assertThat(client.blobExists(ref("team/app"), Digest.of(DIGEST))).isTrue();

    registry.verify(3, headRequestedFor(urlEqualTo(url)));
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void honoursRetryAfterOnTooManyRequests() {
    registry.stubFor(
        get(urlEqualTo("/v2/"))
            .inScenario("limited")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("ok"));
    registry.stubFor(
        get(urlEqualTo("/v2/"))
            .inScenario("limited")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{}")));

    client(Map.of(), new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1))).ping(host);

    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    registry.verify(2, getRequestedFor(urlEqualTo("/v2/")));
  }

  @Test
  void givesUpAfterConfiguredAttempts() {
    registry.stubFor(
        get(urlEqualTo("/v2/team/app/tags/list"))
            .willReturn(aResponse().withStatus(503).withBody("down for maintenance")));
    RegistryClient client =
        client(Map.of(), new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)));

    assertThatThrownBy(() -> client.listTags(ref("team/app")))
        .isInstanceOfSatisfying(
            RegistryResponseException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.url()).endsWith("/v2/team/app/tags/list");
              assertThat(e.bodyExcerpt()).isEqualTo("down for maintenance");
            });
    registry.verify(3, getRequestedFor(urlEqualTo("/v2/team/app/tags/list")));
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void reportsUnreachableAfterRetryingConnectionFailures() {
    registry.stubFor(
        get(urlEqualTo("/v2/")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    RegistryClient client =
        client(Map.of(), new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20)));

    assertThatThrownBy(() -> client.ping(host))
        .isInstanceOfSatisfying(
            RegistryUnreachableException.class,
            e -> {
              assertThat(e.host()).isEqualTo(host);
              assertThat(e.url()).isEqualTo("http://" + host + "/v2/");
              assertThat(e.hint()).get().asString().contains("registry.insecure");
            });
    // three attempts, two waits; java.net.http may itself resend a GET once on a reset connection
    assertThat(sleeps).hasSize(2);
    assertThat(registry.findAll(getRequestedFor(urlEqualTo("/v2/")))).hasSizeBetween(3, 6);
  }

  @Test
  void reportsRefusedConnectionWithTheCause() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String closed = "127.0.0.1:" + closedPort;

    assertThatThrownBy(() -> client(Map.of()).ping(closed))
        .isInstanceOf(RegistryUnreachableException.class)
        .hasMessageContaining("cannot reach registry " + closed + " at http://" + closed + "/v2/")
        .hasMessageContaining("ConnectException");
  }

  // --- operations ---

  @Test
  void followsLinkPaginationAcrossTagPages() {
    registry.stubFor(
        get(urlEqualTo("/v2/team/app/tags/list"))
            .willReturn(
                okJson("{\"name\":\"team/app\",\"tags\":[\"a\",\"b\"]}")
                    .withHeader("Link", "</v2/team/app/tags/list?last=b&n=2>; rel=\"next\"")));
    registry.stubFor(
        get(urlEqualTo("/v2/team/app/tags/list?last=b&n=2"))
            .willReturn(
                okJson("{\"name\":\"team/app\",\"tags\":[\"c\",\"d\"]}")
                    .withHeader(
                        "Link",
                        "<http://" + host + "/v2/team/app/tags/list?last=d&n=2>; rel=\"next\"")));
    registry.stubFor(
        get(urlEqualTo("/v2/team/app/tags/list?last=d&n=2"))
            .willReturn(okJson("{\"name\":\"team/app\",\"tags\":[\"e\"]}")));

    assertThat(client(Map.of()).listTags(ref("team/app"))).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void listsNoTagsForUnknownRepository() {
    registry.stubFor(
        get(urlEqualTo("/v2/team/none/tags/list"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}")));

    assertThat(client(Map.of()).listTags(ref("team/none"))).isEmpty();
  }

  @Test
  void computesDigestFromBodyWhenHeaderIsMissing() {
    byte[] body =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}"
            .getBytes(StandardCharsets.UTF_8);
    registry.stubFor(
        head(urlEqualTo("/v2/team/app/manifests/2.0")).willReturn(aResponse().withStatus(200)));
    registry.stubFor(
        get(urlEqualTo("/v2/team/app/manifests/2.0"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", Manifest.OCI_MANIFEST)
                    .withBody(body)));

    Optional<Digest> digest = client(Map.of()).manifestDigest(ref("team/app:2.0"));

    assertThat(digest).contains(Manifest.sha256(body));
    registry.verify(
        headRequestedFor(urlEqualTo("/v2/team/app/manifests/2.0"))
            .withHeader("Accept", containing(Manifest.OCI_INDEX))
            .withHeader("Accept", containing(Manifest.OCI_MANIFEST))
            .withHeader("Accept", containing(Manifest.DOCKER_MANIFEST))
            .withHeader("Accept", containing(Manifest.DOCKER_MANIFEST_LIST)));
  }

  @Test
  void missingManifestIsEmptyDigestAndNotFoundOnGet() {
    registry.stubFor(
        head(urlEqualTo("/v2/team/app/manifests/gone")).willReturn(aResponse().withStatus(404)));
    registry.stubFor(
        get(urlEqualTo("/v2/team/app/manifests/gone")).willReturn(aResponse().withStatus(404)));
    RegistryClient client = client(Map.of());

    assertThat(client.manifestDigest(ref("team/app:gone"))).isEmpty();
    assertThatThrownBy(() -> client.getManifest(ref("team/app:gone")))
        .isInstanceOfSatisfying(
            ManifestNotFoundException.class,
            e -> assertThat(e.ref()).isEqualTo(ref("team/app:gone")));
  }

  @Test
  void getManifestKeepsRawBytesMediaTypeAndDigest() {
    byte[] body = "{ \"schemaVersion\": 2, \"manifests\": [] }".getBytes(StandardCharsets.UTF_8);
    registry.stubFor(
        get(urlEqualTo("/v2/team/app/manifests/multi"))
            .willReturn(aResponse().withHeader("Content-Type", Manifest.OCI_INDEX).withBody(body)));

    Manifest manifest = client(Map.of()).getManifest(ref("team/app:multi"));

    assertThat(manifest.bytes()).isEqualTo(body);
    assertThat(manifest.mediaType()).isEqualTo(Manifest.OCI_INDEX);
    assertThat(manifest.digest()).isEqualTo(Manifest.sha256(body));
  }

  @Test
  void rejectsManifestWhoseContentDoesNotMatchTheRequestedDigest() {
    registry.stubFor(
        get(urlEqualTo("/v2/team/app/manifests/" + DIGEST))
            .willReturn(
                aResponse().withHeader("Content-Type", Manifest.OCI_MANIFEST).withBody("{}")));

    assertThatThrownBy(() -> client(Map.of()).getManifest(ref("team/app@" + DIGEST)))
        .isInstanceOf(RegistryResponseException.class)
        .hasMessageContaining("not the requested " + DIGEST);
  }

  @Test
  void putManifestSendsRawBytesWithItsMediaType() {
    byte[] bytes = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
    registry.stubFor(
        put(urlEqualTo("/v2/team/app/manifests/copy")).willReturn(aResponse().withStatus(201)));

    client(Map.of())
        .putManifest(ref("team/app:copy"), Manifest.of(bytes, Manifest.DOCKER_MANIFEST));

    registry.verify(
        putRequestedFor(urlEqualTo("/v2/team/app/manifests/copy"))
            .withHeader("Content-Type", equalTo(Manifest.DOCKER_MANIFEST))
            .withRequestBody(WireMock.binaryEqualTo(bytes)));
  }

  @Test
  void deleteNeedsADigestAndExplainsDisabledDeletes() {
    registry.stubFor(
        delete(urlEqualTo("/v2/team/app/manifests/" + DIGEST))
            .willReturn(
                aResponse().withStatus(405).withBody("{\"errors\":[{\"code\":\"UNSUPPORTED\"}]}")));
    RegistryClient client = client(Map.of());

    assertThatThrownBy(() -> client.deleteManifest(ref("team/app:1.0")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.deleteManifest(ref("team/app@" + DIGEST)))
        .isInstanceOfSatisfying(
            RegistryResponseException.class,
            e -> {
              assertThat(e.status()).isEqualTo(405);
              assertThat(e.hint()).get().asString().contains("storage.delete.enabled");
            });
  }

  // --- push access ---

  @Test
  void pushAccessIsOkWhenTokenGrantsPush() {
    registry.stubFor(
        get(urlEqualTo("/v2/"))
            .willReturn(
                aResponse().withStatus(401).withHeader("WWW-Authenticate", bearerChallenge(""))));
    registry.stubFor(
        get(urlPathEqualTo("/token"))
            .withQueryParam("scope", equalTo("repository:team/app:push,pull"))
            .withHeader("Authorization", equalTo(BASIC_DRAY))
            .willReturn(okJson("{\"token\":\"" + jwt("team/app", "pull", "push") + "\"}")));

    PushAccess access = client(DRAY_ENV).checkPushAccess(ref("team/app"));

    assertThat(access).isInstanceOf(PushAccess.Ok.class);
    assertThat(access.detail()).contains("push").contains("env DRAY_REGISTRY_USERNAME");
  }

  @Test
  void pushAccessIsUnauthorizedWhenTokenGrantsOnlyPull() {
    registry.stubFor(
        get(urlEqualTo("/v2/"))
            .willReturn(
                aResponse().withStatus(401).withHeader("WWW-Authenticate", bearerChallenge(""))));
    registry.stubFor(
        get(urlPathEqualTo("/token"))
            .willReturn(okJson("{\"token\":\"" + jwt("team/app", "pull") + "\"}")));

    PushAccess access = client(Map.of()).checkPushAccess(ref("team/app"));

    assertThat(access)
        .isInstanceOfSatisfying(
            PushAccess.Unauthorized.class,
            denied -> {
              assertThat(denied.detail()).contains("[pull]").contains("anonymous");
              assertThat(denied.attempts())
                  .contains("env DRAY_REGISTRY_USERNAME/DRAY_REGISTRY_PASSWORD: not set");
            });
  }

  @Test
  void pushAccessWithBasicAuthOpensAndCancelsAnUpload() {
    registry.stubFor(
        get(urlEqualTo("/v2/"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("WWW-Authenticate", "Basic realm=\"test\"")));
    registry.stubFor(
        post(urlEqualTo("/v2/team/app/blobs/uploads/"))
            .withHeader("Authorization", absent())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("WWW-Authenticate", "Basic realm=\"test\"")));
    registry.stubFor(
        post(urlEqualTo("/v2/team/app/blobs/uploads/"))
            .withHeader("Authorization", equalTo(BASIC_DRAY))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Location", "/v2/team/app/blobs/uploads/u-1?_state=x")));
    registry.stubFor(
        delete(urlEqualTo("/v2/team/app/blobs/uploads/u-1?_state=x"))
            .willReturn(aResponse().withStatus(204)));

    PushAccess access = client(DRAY_ENV).checkPushAccess(ref("team/app"));

    assertThat(access).isInstanceOf(PushAccess.Ok.class);
    registry.verify(
        deleteRequestedFor(urlEqualTo("/v2/team/app/blobs/uploads/u-1?_state=x"))
            .withHeader("Authorization", equalTo(BASIC_DRAY)));
  }

  @Test
  void pushAccessIsUnreachableWhenNothingListens() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    PushAccess access =
        client(Map.of()).checkPushAccess(ImageRef.parse("127.0.0.1:" + closedPort + "/team/app"));

    assertThat(access).isInstanceOf(PushAccess.Unreachable.class);
    assertThat(access.detail()).contains("cannot reach registry");
  }
}
