package dev.dray.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What a local registry holds, read with plain HTTP GETs as a user would with curl: tag lists and
 * manifest digests, with basic auth where the registry needs it.
 */
final class LocalRegistry {
  static final String OPEN = "127.0.0.1:5000";
  static final String AUTH = "127.0.0.1:5001";
  static final String USER = "dray";
  static final String PASSWORD = "dray-secret";
  private static final String MANIFEST_TYPES =
      String.join(
          ", ",
          "application/vnd.docker.distribution.manifest.v2+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.oci.image.index.v1+json");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String host;
  private final Optional<String> authorization;

  private LocalRegistry(String host, Optional<String> authorization) {
    this.host = host;
    this.authorization = authorization;
  }

  static LocalRegistry open() {
    return new LocalRegistry(OPEN, Optional.empty());
  }

  static LocalRegistry withAuth() {
    String basic =
        Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return new LocalRegistry(AUTH, Optional.of("Basic " + basic));
  }

  /** The repository part of an image name in this registry ({@code host/repo} → {@code repo}). */
  String repository(String image) {
    if (!image.startsWith(host + "/")) {
      throw new IllegalArgumentException(image + " is not in " + host);
    }
    return image.substring(host.length() + 1);
  }

  /** Every tag of {@code image}'s repository; empty when the repository does not exist. */
  List<String> tags(String image) {
    HttpResponse<String> response = get("/v2/" + repository(image) + "/tags/list", "*/*");
    if (response.statusCode() == 404) {
      return List.of();
    }
    requireOk(response);
    List<String> tags = new ArrayList<>();
    try {
      JSON.readTree(response.body()).path("tags").forEach(t -> tags.add(t.asText()));
    } catch (IOException e) {
      throw new AssertionError("unreadable tag list from " + host + ": " + response.body(), e);
    }
    return tags;
  }

  /** The manifest digest {@code image:tag} points at, empty when there is none. */
  Optional<String> digest(String image, String tag) {
    HttpResponse<String> response =
        get("/v2/" + repository(image) + "/manifests/" + tag, MANIFEST_TYPES);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    requireOk(response);
    return response.headers().firstValue("Docker-Content-Digest");
  }

  /** Fails the test with what to run when the registry does not answer {@code GET /v2/}. */
  void requireUp() {
    HttpResponse<String> response;
    try {
      response = send("/v2/", "*/*");
    } catch (IOException e) {
      throw new AssertionError(
          "registry " + host + " is not reachable (" + e + "): run scripts/test-env.sh up", e);
    }
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "registry "
              + host
              + " answered "
              + response.statusCode()
              + " to GET /v2/: run"
              + " scripts/test-env.sh up");
    }
  }

  /** The JSON of a manifest, for checks on its content. */
  JsonNode manifest(String image, String tag) {
    HttpResponse<String> response =
        get("/v2/" + repository(image) + "/manifests/" + tag, MANIFEST_TYPES);
    requireOk(response);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private HttpResponse<String> get(String path, String accept) {
    try {
      return send(path, accept);
    } catch (ConnectException e) {
      throw new AssertionError(
          "registry " + host + " is not reachable: run scripts/test-env.sh up");
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " from " + host + " failed: " + e, e);
    }
  }

  private HttpResponse<String> send(String path, String accept) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://" + host + path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", accept)
            .GET();
    authorization.ifPresent(a -> request.header("Authorization", a));
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private void requireOk(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + response.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
  }
}
