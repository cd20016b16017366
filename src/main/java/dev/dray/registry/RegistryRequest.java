package dev.dray.registry;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to a registry or its token service, as it travels through the interceptor chain.
 *
 * @param registry the registry host whose credentials apply (normalised, e.g. {@code docker.io})
 * @param scope the token scope this request needs, e.g. {@code repository:team/app:pull}; lets the
 *     auth link send a cached token before the registry asks
 */
public record RegistryRequest(
    String method,
    URI uri,
    HttpHeaderMap headers,
    byte[] body,
    String registry,
    Optional<String> scope) {
  public RegistryRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(scope, "scope");
    body = body == null ? new byte[0] : body;
  }

  /** A request without body, headers or scope. */
  public static RegistryRequest of(String method, URI uri, String registry) {
    return new RegistryRequest(
        method, uri, HttpHeaderMap.EMPTY, new byte[0], registry, Optional.empty());
  }

  public Optional<String> header(String name) {
    return headers.first(name);
  }

  public RegistryRequest withHeader(String name, String value) {
    return new RegistryRequest(method, uri, headers.with(name, value), body, registry, scope);
  }

  public RegistryRequest withoutHeader(String name) {
    return new RegistryRequest(method, uri, headers.without(name), body, registry, scope);
  }

  public RegistryRequest withBody(byte[] content, String contentType) {
    return new RegistryRequest(
        method, uri, headers.with("Content-Type", contentType), content.clone(), registry, scope);
  }

  public RegistryRequest withScope(String newScope) {
    return new RegistryRequest(method, uri, headers, body, registry, Optional.of(newScope));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegistryRequest r
        && r.method.equals(method)
        && r.uri.equals(uri)
        && r.headers.equals(headers)
        && java.util.Arrays.equals(r.body, body)
        && r.registry.equals(registry)
        && r.scope.equals(scope);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, uri, headers, java.util.Arrays.hashCode(body), registry, scope);
  }

  @Override
  public String toString() {
    return method + " " + uri + " " + headers + " (" + body.length + " bytes)";
  }
}
