package dev.dray.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dray.image.Digest;
import dev.dray.image.ImageRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the client against the real CNCF registries of scripts/test-env.sh: 127.0.0.1:5000 without
 * auth and 127.0.0.1:5001 with htpasswd (dray / dray-secret). Images are pushed through the API.
 */
class RegistryClientIT {
  private static final String OPEN = "127.0.0.1:5000";
  private static final String LOCKED = "127.0.0.1:5001";
  private static final Map<String, String> DRAY_ENV =
      Map.of("DRAY_REGISTRY_USERNAME", "dray", "DRAY_REGISTRY_PASSWORD", "dray-secret");

  @TempDir Path home;

  @BeforeAll
  static void registriesAreRunning() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    for (String host : new String[] {OPEN, LOCKED}) {
      try {
        int status =
            http.send(
                    HttpRequest.newBuilder(URI.create("http://" + host + "/v2/")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 200 && status != 401) {
          fail(
              "registry on "
                  + host
                  + " answered HTTP "
                  + status
                  + " to GET /v2/; restart it with scripts/test-env.sh up");
        }
      } catch (IOException | InterruptedException e) {
        fail(
            "no registry answers on "
                + host
                + " ("
                + e
                + "). These tests need the test environment: run scripts/test-env.sh up");
      }
    }
  }

  private RegistryClient client(Map<String, String> env) {
    return new RegistryClient(
        RegistryTransport.builder()
            .credentials(CredentialResolver.standard(env, home, new SystemProcessRunner()))
            .retryPolicy(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(200)))
            .userAgent("dray-it")
            .build());
  }

  private static ImageRef uniqueRepo(String host) {
    byte[] random = new byte[4];
    ThreadLocalRandom.current().nextBytes(random);
    return ImageRef.parse(host + "/it-registry/app-" + HexFormat.of().formatHex(random));
  }

  /** A pushed image: its manifest and the digests of its blobs. */
  private record Pushed(Manifest manifest, Digest config, Digest layer) {}

  /** Pushes a config blob, a layer blob and an OCI manifest tagged {@code tag}. */
  private static Pushed pushImage(RegistryClient client, ImageRef repo, String tag)
      throws IOException {
    byte[] content = ("hello from " + repo + "\n").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(content);
    }
    byte[] layer = gz.toByteArray();
    byte[] config =
        """
        {"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["%s"]}}
        """
            .formatted(Manifest.sha256(content))
            .strip()
            .getBytes(StandardCharsets.UTF_8);
    Digest configDigest = client.pushBlob(repo, config);
    Digest layerDigest = client.pushBlob(repo, layer);
    byte[] manifestJson =
        """
        {"schemaVersion":2,"mediaType":"%s",\
        "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},\
        "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"%s","size":%d}]}
        """
            .formatted(
                Manifest.OCI_MANIFEST, configDigest, config.length, layerDigest, layer.length)
            .strip()
            .getBytes(StandardCharsets.UTF_8);
    Manifest manifest = Manifest.of(manifestJson, Manifest.OCI_MANIFEST);
    client.putManifest(repo.withTag(tag), manifest);
    return new Pushed(manifest, configDigest, layerDigest);
  }

  // --- 127.0.0.1:5000, no auth ---

  @Test
  void pushedManifestIsFoundByTagWithItsDigest() throws IOException {
    RegistryClient client = client(Map.of());
    ImageRef repo = uniqueRepo(OPEN);
    Pushed pushed = pushImage(client, repo, "1.0");

    assertThat(client.manifestDigest(repo.withTag("1.0"))).contains(pushed.manifest().digest());
    Manifest fetched = client.getManifest(repo.withTag("1.0"));
    assertThat(fetched.bytes()).isEqualTo(pushed.manifest().bytes());
    assertThat(fetched.mediaType()).isEqualTo(Manifest.OCI_MANIFEST);
    assertThat(client.getManifest(repo.withDigest(pushed.manifest().digest())).digest())
        .isEqualTo(pushed.manifest().digest());
    assertThat(client.manifestDigest(repo.withTag("missing"))).isEmpty();
  }

  @Test
  void copiesATagWithPutManifestAndListsBothTags() throws IOException {
    RegistryClient client = client(Map.of());
    ImageRef repo = uniqueRepo(OPEN);
    Pushed pushed = pushImage(client, repo, "1.0");

    client.putManifest(repo.withTag("stable"), client.getManifest(repo.withTag("1.0")));

    assertThat(client.listTags(repo)).containsExactlyInAnyOrder("1.0", "stable");
    assertThat(client.manifestDigest(repo.withTag("stable"))).contains(pushed.manifest().digest());
  }

  @Test
  void blobExistsOnlyForPushedBlobs() throws IOException {
    RegistryClient client = client(Map.of());
    ImageRef repo = uniqueRepo(OPEN);
    Pushed pushed = pushImage(client, repo, "1.0");

    assertThat(client.blobExists(repo, pushed.config())).isTrue();
    assertThat(client.blobExists(repo, pushed.layer())).isTrue();
    assertThat(
            client.blobExists(
                repo, Manifest.sha256("never pushed".getBytes(StandardCharsets.UTF_8))))
        .isFalse();
  }

  @Test
  void deleteManifestRemovesEveryTagOnIt() throws IOException {
    RegistryClient client = client(Map.of());
    ImageRef repo = uniqueRepo(OPEN);
    Pushed pushed = pushImage(client, repo, "1.0");
    client.putManifest(repo.withTag("also"), pushed.manifest());

    client.deleteManifest(repo.withDigest(pushed.manifest().digest()));

    assertThat(client.manifestDigest(repo.withTag("1.0"))).isEmpty();
    assertThat(client.manifestDigest(repo.withTag("also"))).isEmpty();
    assertThatThrownBy(() -> client.deleteManifest(repo.withDigest(pushed.manifest().digest())))
        .isInstanceOf(ManifestNotFoundException.class);
  }

  @Test
  void unknownRepositoryHasNoTags() {
    assertThat(client(Map.of()).listTags(uniqueRepo(OPEN))).isEmpty();
  }

  @Test
  void anonymousClientMayPushToOpenRegistry() {
    PushAccess access = client(Map.of()).checkPushAccess(uniqueRepo(OPEN));

    assertThat(access).isInstanceOf(PushAccess.Ok.class);
    assertThat(access.detail()).contains("anonymous");
  }

  // --- 127.0.0.1:5001, htpasswd ---

  @Test
  void fullRoundTripWithCredentialsFromEnvironment() throws IOException {
    RegistryClient client = client(DRAY_ENV);
    ImageRef repo = uniqueRepo(LOCKED);
    client.ping(LOCKED);

    Pushed pushed = pushImage(client, repo, "1.0");
    client.putManifest(repo.withTag("latest"), client.getManifest(repo.withTag("1.0")));

    assertThat(client.manifestDigest(repo.withTag("latest"))).contains(pushed.manifest().digest());
    assertThat(client.listTags(repo)).containsExactlyInAnyOrder("1.0", "latest");
    assertThat(client.blobExists(repo, pushed.layer())).isTrue();
    client.deleteManifest(repo.withDigest(pushed.manifest().digest()));
    assertThat(client.manifestDigest(repo.withTag("1.0"))).isEmpty();
  }

  @Test
  void pushAccessIsOkWithCredentials() {
    PushAccess access = client(DRAY_ENV).checkPushAccess(uniqueRepo(LOCKED));

    assertThat(access).isInstanceOf(PushAccess.Ok.class);
    assertThat(access.detail()).contains("env DRAY_REGISTRY_USERNAME/DRAY_REGISTRY_PASSWORD");
  }

  @Test
  void pushAccessIsUnauthorizedWithoutCredentialsAndListsAttempts() {
    PushAccess access = client(Map.of()).checkPushAccess(uniqueRepo(LOCKED));

    assertThat(access)
        .isInstanceOfSatisfying(
            PushAccess.Unauthorized.class,
            denied ->
                assertThat(denied.attempts())
                    .containsExactly(
                        "env DRAY_REGISTRY_USERNAME/DRAY_REGISTRY_PASSWORD: not set",
                        home.resolve(".docker/config.json") + ": not found"));
  }

  @Test
  void readWithoutCredentialsFailsListingEverySourceTried() {
    ImageRef repo = uniqueRepo(LOCKED);

    assertThatThrownBy(() -> client(Map.of()).manifestDigest(repo.withTag("1.0")))
        .isInstanceOf(RegistryAuthException.class)
        .hasMessageContaining("registry " + LOCKED + " refused access to " + repo.repository())
        .hasMessageContaining("env DRAY_REGISTRY_USERNAME/DRAY_REGISTRY_PASSWORD: not set")
        .hasMessageContaining(home.resolve(".docker/config.json") + ": not found");
  }

  @Test
  void wrongPasswordIsReportedWithoutRevealingIt() {
    var env =
        Map.of("DRAY_REGISTRY_USERNAME", "dray", "DRAY_REGISTRY_PASSWORD", "not-the-password");

    assertThatThrownBy(() -> client(env).ping(LOCKED))
        .isInstanceOf(RegistryAuthException.class)
        .hasMessageContaining("answered 401 to the credentials from env")
        .message()
        .doesNotContain("not-the-password");
  }

  @Test
  void usesCredentialsFromDockerConfigAuths() throws IOException {
    Files.createDirectories(home.resolve(".docker"));
    String auth =
        Base64.getEncoder().encodeToString("dray:dray-secret".getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        home.resolve(".docker/config.json"),
        "{\"auths\":{\"http://" + LOCKED + "\":{\"auth\":\"" + auth + "\"}}}");
    RegistryClient client = client(Map.of());

    client.ping(LOCKED);

    assertThat(client.transport().credentials(LOCKED).source())
        .isEqualTo(home.resolve(".docker/config.json") + " auths[" + LOCKED + "]");
  }

  @Test
  void usesCredentialsFromACredentialHelperOnPath() throws IOException {
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path helper = bin.resolve("docker-credential-it");
    Files.writeString(
        helper,
        """
        #!/bin/sh
        read server
        [ "$1" = get ] && [ "$server" = "%s" ] || { echo "credentials not found in native keychain"; exit 1; }
        echo '{"ServerURL":"%s","Username":"dray","Secret":"dray-secret"}'
        """
            .formatted(LOCKED, LOCKED));
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(
        home.resolve(".docker/config.json"), "{\"credHelpers\":{\"" + LOCKED + "\":\"it\"}}");
    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin + ":/usr/bin:/bin");
    RegistryClient client = client(env);

    PushAccess access = client.checkPushAccess(uniqueRepo(LOCKED));

    assertThat(access).isInstanceOf(PushAccess.Ok.class);
    assertThat(access.detail()).contains("credential helper docker-credential-it");
  }
}
