package dev.dray.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dray.image.Digest;
import dev.dray.image.ImageRef;
import dev.dray.image.InvalidReferenceException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Speaks the OCI distribution API to registries: manifest digests and copies, tag lists, blob
 * checks and uploads, deletes, and the push-access check {@code dray doctor} runs.
 */
public final class RegistryClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCEPT = String.join(", ", Manifest.ACCEPTED);
  private static final int MAX_PAGES = 10_000;

  private final RegistryTransport transport;
  private final RegistryFailures failures;

  public RegistryClient(RegistryTransport transport) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.failures = new RegistryFailures(transport);
  }

  public RegistryTransport transport() {
    return transport;
  }

  /** Checks that {@code host} answers {@code GET /v2/} and accepts dray's credentials. */
  public void ping(String host) {
    String registry = RegistryHosts.normalize(host);
    RegistryRequest request = RegistryRequest.of("GET", transport.apiRoot(registry), registry);
    RegistryResponse response = transport.execute(request);
    if (!response.isSuccessful()) {
      throw failures.of(request, response, "");
    }
  }

  /**
   * The digest the tag (or digest) of {@code ref} points at, from a manifest HEAD; empty when the
   * registry has no such manifest.
   */
  public Optional<Digest> manifestDigest(ImageRef ref) {
    RegistryRequest head = manifestRequest("HEAD", ref, reference(ref), "pull");
    RegistryResponse response = transport.execute(head);
    if (response.status() == 404) {
      return Optional.empty();
    }
    if (!response.isSuccessful()) {
      throw failures.of(head, response, ref.repository());
    }
    Optional<Digest> fromHeader =
        response.header("Docker-Content-Digest").flatMap(RegistryClient::digestOf);
    if (fromHeader.isPresent()) {
      return fromHeader;
    }
    return fetchManifest(ref).map(Manifest::digest);
  }

  /** The manifest {@code ref} points at, bytes untouched. */
  public Manifest getManifest(ImageRef ref) {
    return fetchManifest(ref).orElseThrow(() -> new ManifestNotFoundException(ref));
  }

  /**
   * Stores {@code manifest} under the tag (or digest) of {@code target}; copies a tag within a
   * repository without moving blobs, since they are already there.
   */
  public void putManifest(ImageRef target, Manifest manifest) {
    RegistryRequest put =
        manifestRequest("PUT", target, reference(target), "pull,push")
            .withBody(manifest.bytes(), manifest.mediaType());
    RegistryResponse response = transport.execute(put);
    if (!response.isSuccessful()) {
      throw failures.of(put, response, target.repository());
    }
  }

  /** Every tag of the repository of {@code repo}, following {@code Link} pagination. */
  public List<String> listTags(ImageRef repo) {
    List<String> tags = new ArrayList<>();
    RegistryRequest request = request("GET", repo, "tags/list", "pull");
    for (int page = 0; page < MAX_PAGES; page++) {
      RegistryResponse response = transport.execute(request);
      if (response.status() == 404) {
        return List.of();
      }
      if (!response.isSuccessful()) {
        throw failures.of(request, response, repo.repository());
      }
      readJson(request, response).path("tags").forEach(tag -> tags.add(tag.asText()));
      Optional<URI> next = NextLink.find(response.headers("Link"), request.uri());
      if (next.isEmpty()) {
        return List.copyOf(tags);
      }
      request = retarget(request, next.get());
    }
    throw new RegistryResponseException(
        "GET", 200, request.uri().toString(), "more than " + MAX_PAGES + " pages of tags");
  }

  /** Whether the repository of {@code repo} holds the blob {@code digest}. */
  public boolean blobExists(ImageRef repo, Digest digest) {
    RegistryRequest head = request("HEAD", repo, "blobs/" + digest, "pull");
    RegistryResponse response = transport.execute(head);
    if (response.status() == 404) {
      return false;
    }
    if (!response.isSuccessful()) {
      throw failures.of(head, response, repo.repository());
    }
    return true;
  }

  /**
   * Uploads {@code content} as a blob in one request (POST to open an upload, PUT with the digest),
   * unless the repository already has it; returns its digest.
   */
  public Digest pushBlob(ImageRef repo, byte[] content) {
    Digest digest = Manifest.sha256(content);
    if (blobExists(repo, digest)) {
      return digest;
    }
    URI session = openUpload(repo);
    String separator = session.getRawQuery() == null ? "?" : "&";
    URI target =
        URI.create(
            session
                + separator
                + "digest="
                + URLEncoder.encode(digest.toString(), StandardCharsets.UTF_8));
    RegistryRequest put =
        retarget(request("PUT", repo, "blobs/uploads/", "pull,push"), target)
            .withBody(content, "application/octet-stream");
    RegistryResponse response = transport.execute(put);
    if (!response.isSuccessful()) {
      throw failures.of(put, response, repo.repository());
    }
    return digest;
  }

  /** Deletes the manifest {@code repoAtDigest} points at (and so every tag on it). */
  public void deleteManifest(ImageRef repoAtDigest) {
    Digest digest =
        repoAtDigest
            .digest()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "deleting needs a digest reference (repo@sha256:…), got " + repoAtDigest));
    RegistryRequest delete = manifestRequest("DELETE", repoAtDigest, digest.toString(), "delete");
    RegistryResponse response = transport.execute(delete);
    if (response.status() == 404) {
      throw new ManifestNotFoundException(repoAtDigest);
    }
    if (!response.isSuccessful()) {
      throw failures.of(delete, response, repoAtDigest.repository());
    }
  }

  /**
   * Whether this client may push to the repository of {@code repo}: with bearer auth, asks for a
   * push,pull token and reads what it grants; otherwise opens a blob upload and cancels it.
   */
  public PushAccess checkPushAccess(ImageRef repo) {
    return new PushAccessCheck(this, transport).check(repo);
  }

  /** Opens a blob upload session and returns its location. */
  URI openUpload(ImageRef repo) {
    RegistryRequest post = request("POST", repo, "blobs/uploads/", "pull,push");
    RegistryResponse response = transport.execute(post);
    if (response.status() != 202) {
      throw failures.of(post, response, repo.repository());
    }
    String location =
        response
            .header("Location")
            .orElseThrow(
                () ->
                    new RegistryResponseException(
                        "POST", 202, post.uri().toString(), "upload opened without a Location"));
    return response.uri().resolve(location);
  }

  /** Cancels an upload session; best effort. */
  void cancelUpload(ImageRef repo, URI session) {
    transport.execute(retarget(request("DELETE", repo, "blobs/uploads/", "pull,push"), session));
  }

  RegistryRequest request(String method, ImageRef repo, String path, String actions) {
    String registry = RegistryHosts.normalize(repo.registry());
    URI uri = transport.apiRoot(registry).resolve(repo.repository() + "/" + path);
    return RegistryRequest.of(method, uri, registry)
        .withScope("repository:" + repo.repository() + ":" + actions);
  }

  private Optional<Manifest> fetchManifest(ImageRef ref) {
    RegistryRequest get = manifestRequest("GET", ref, reference(ref), "pull");
    RegistryResponse response = transport.execute(get);
    if (response.status() == 404) {
      return Optional.empty();
    }
    if (!response.isSuccessful()) {
      throw failures.of(get, response, ref.repository());
    }
    byte[] bytes = response.body();
    Manifest manifest = Manifest.of(bytes, mediaType(response, readJson(get, response)));
    if (ref.digest().isPresent() && !ref.digest().get().equals(manifest.digest())) {
      throw new RegistryResponseException(
          "GET",
          response.status(),
          get.uri().toString(),
          "content has digest " + manifest.digest() + ", not the requested " + ref.digest().get());
    }
    return Optional.of(manifest);
  }

  private RegistryRequest manifestRequest(
      String method, ImageRef ref, String reference, String actions) {
    return request(method, ref, "manifests/" + reference, actions).withHeader("Accept", ACCEPT);
  }

  private static String reference(ImageRef ref) {
    return ref.digest().map(Digest::toString).orElseGet(ref::tagOrLatest);
  }

  private static RegistryRequest retarget(RegistryRequest request, URI uri) {
    return new RegistryRequest(
        request.method(),
        uri,
        request.headers(),
        request.body(),
        request.registry(),
        request.scope());
  }

  private static String mediaType(RegistryResponse response, JsonNode json) {
    String contentType =
        response
            .header("Content-Type")
            .map(t -> t.split(";")[0].trim().toLowerCase(Locale.ROOT))
            .orElse("");
    if (!contentType.isEmpty()
        && !contentType.equals("application/json")
        && !contentType.equals("text/plain")) {
      return contentType;
    }
    String declared = json.path("mediaType").asText("");
    if (!declared.isEmpty()) {
      return declared;
    }
    return json.has("manifests") ? Manifest.OCI_INDEX : Manifest.OCI_MANIFEST;
  }

  private static JsonNode readJson(RegistryRequest request, RegistryResponse response) {
    try {
      JsonNode node = JSON.readTree(response.body());
      if (node == null) {
        throw new IOException("empty body");
      }
      return node;
    } catch (IOException e) {
      throw new RegistryResponseException(
          request.method(),
          response.status(),
          request.uri().toString(),
          "not JSON: " + response.bodyExcerpt());
    }
  }

  private static Optional<Digest> digestOf(String header) {
    try {
      return Optional.of(Digest.of(header.trim()));
    } catch (InvalidReferenceException e) {
      return Optional.empty();
    }
  }
}
