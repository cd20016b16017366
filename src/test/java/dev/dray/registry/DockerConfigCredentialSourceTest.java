package dev.dray.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.Secret;
import dev.dray.registry.CredentialSource.CredentialAttempt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialSourceTest {
  @TempDir Path home;
  @TempDir Path bin;

  private final Map<String, String> env = new HashMap<>();

  private DockerConfigCredentialSource source() {
    return new DockerConfigCredentialSource(env, home, new SystemProcessRunner());
  }

  private Path writeConfig(String json) throws IOException {
    Path file = home.resolve(".docker/config.json");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, json);
  }

  private static String auth(String user, String password) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A fake docker-credential-<name> that answers for one server address. */
  private void writeHelper(String name, String serverAddress, String username, String secret)
      throws IOException {
    Path script = bin.resolve("docker-credential-" + name);
    Files.writeString(
        script,
        """
        #!/bin/sh
        [ "$1" = get ] || { echo "unexpected action $1" >&2; exit 2; }
        read server
        if [ "$server" = "%s" ]; then
          printf '{"ServerURL":"%%s","Username":"%s","Secret":"%s"}' "$server"
          exit 0
        fi
        echo "credentials not found in native keychain"
        exit 1
        """
            .formatted(serverAddress, username, secret));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    env.put("PATH", bin + ":/usr/bin:/bin");
  }

  @Test
  void reportsMissingConfigFileWithItsPath() {
    CredentialAttempt attempt = source().attempt("127.0.0.1:5001");

    assertThat(attempt.credential()).isEmpty();
    assertThat(attempt.lines())
        .containsExactly(home.resolve(".docker/config.json") + ": not found");
  }

  @Test
  void readsAuthsEntryWrittenWithSchemePrefix() throws IOException {
    Path config =
        writeConfig(
            """
            {"auths": {"https://127.0.0.1:5001": {"auth": "%s"}}}
            """
                .formatted(auth("dray", "dray-secret")));

    CredentialAttempt attempt = source().attempt("127.0.0.1:5001");

    assertThat(attempt.credential())
        .contains(new Credential.Basic("dray", Secret.of("dray-secret")));
    assertThat(attempt.origin()).isEqualTo(config + " auths[127.0.0.1:5001]");
  }

  @Test
  void matchesDockerHubUnderItsLegacyKey() throws IOException {
    writeConfig(
        """
        {"auths": {"https://index.docker.io/v1/": {"auth": "%s"}}}
        """
            .formatted(auth("hubuser", "hubpass")));

    assertThat(source().lookup("docker.io"))
        .contains(new Credential.Basic("hubuser", Secret.of("hubpass")));
  }

  @Test
  void prefersIdentityTokenInAuthsEntry() throws IOException {
    writeConfig(
        """
        {"auths": {"ghcr.io": {"auth": "%s", "identitytoken": "refresh-1"}}}
        """
            .formatted(auth("u", "p")));

    assertThat(source().lookup("ghcr.io"))
        .contains(new Credential.IdentityToken(Secret.of("refresh-1")));
  }

  @Test
  void readsConfigFromDockerConfigDirectory() throws IOException {
    Path dir = Files.createDirectories(home.resolve("elsewhere"));
    Files.writeString(
        dir.resolve("config.json"),
        "{\"auths\": {\"ghcr.io\": {\"auth\": \"%s\"}}}".formatted(auth("a", "b")));
    env.put("DOCKER_CONFIG", dir.toString());

    assertThat(source().configFile()).isEqualTo(dir.resolve("config.json"));
    assertThat(source().lookup("ghcr.io")).contains(new Credential.Basic("a", Secret.of("b")));
  }

  @Test
  void saysNotFoundForHostWithoutEntry() throws IOException {
    Path config =
        writeConfig("{\"auths\": {\"ghcr.io\": {\"auth\": \"%s\"}}}".formatted(auth("a", "b")));

    CredentialAttempt attempt = source().attempt("127.0.0.1:5001");

    assertThat(attempt.credential()).isEmpty();
    assertThat(attempt.lines()).containsExactly(config + " auths[127.0.0.1:5001]: not found");
  }

  @Test
  void reportsMalformedConfigWithPositionButNotContent() throws IOException {
    writeConfig("{\"auths\": {\"ghcr.io\": {\"auth\": TOPSECRET}}}");

    CredentialAttempt attempt = source().attempt("ghcr.io");

    assertThat(attempt.credential()).isEmpty();
    assertThat(attempt.lines())
        .singleElement()
        .asString()
        .contains("not valid JSON at line 1")
        .doesNotContain("TOPSECRET");
  }

  @Test
  void asksCredHelperForHostWithServerAddressOnStdin() throws IOException {
    writeHelper("fake", "127.0.0.1:5001", "dray", "from-helper");
    writeConfig("{\"credHelpers\": {\"127.0.0.1:5001\": \"fake\"}}");

    CredentialAttempt attempt = source().attempt("127.0.0.1:5001");

    assertThat(attempt.credential())
        .contains(new Credential.Basic("dray", Secret.of("from-helper")));
    assertThat(attempt.origin())
        .isEqualTo("credential helper docker-credential-fake for 127.0.0.1:5001");
  }

  @Test
  void treatsTokenUsernameFromHelperAsIdentityToken() throws IOException {
    writeHelper("fake", "https://index.docker.io/v1/", "<token>", "refresh-9");
    writeConfig("{\"credsStore\": \"fake\"}");

    assertThat(source().lookup("docker.io"))
        .contains(new Credential.IdentityToken(Secret.of("refresh-9")));
  }

  @Test
  void fallsBackFromHelperWithoutCredentialsToAuths() throws IOException {
    writeHelper("fake", "other.example.com", "x", "y");
    Path config =
        writeConfig(
            """
            {"credsStore": "fake", "auths": {"127.0.0.1:5001": {"auth": "%s"}}}
            """
                .formatted(auth("dray", "dray-secret")));

    CredentialAttempt attempt = source().attempt("127.0.0.1:5001");

    assertThat(attempt.credential())
        .contains(new Credential.Basic("dray", Secret.of("dray-secret")));
    assertThat(attempt.lines())
        .containsExactly(
            "credential helper docker-credential-fake: no credentials for 127.0.0.1:5001",
            config + " auths[127.0.0.1:5001]: found");
  }

  @Test
  void reportsHelperNotInstalled() throws IOException {
    env.put("PATH", bin.toString());
    Path config = writeConfig("{\"credsStore\": \"pass\"}");

    CredentialAttempt attempt = source().attempt("127.0.0.1:5001");

    assertThat(attempt.credential()).isEmpty();
    assertThat(attempt.lines())
        .containsExactly(
            "credential helper docker-credential-pass: not installed (not on PATH)",
            config + " auths[127.0.0.1:5001]: not found");
  }

  @Test
  void reportsFailingHelperWithExitCodeAndMessage() throws IOException {
    Path script = bin.resolve("docker-credential-broken");
    Files.writeString(script, "#!/bin/sh\necho 'gpg: decryption failed' >&2\nexit 3\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    env.put("PATH", bin.toString());
    writeConfig("{\"credHelpers\": {\"ghcr.io\": \"broken\"}}");

    CredentialAttempt attempt = source().attempt("ghcr.io");

    assertThat(attempt.lines())
        .first()
        .isEqualTo(
            "credential helper docker-credential-broken: failed (exit 3): gpg: decryption failed");
  }
}
