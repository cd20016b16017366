package dev.dray.registry;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One HTTP response from a registry or its token service, with its body read into memory. */
public record RegistryResponse(int status, URI uri, HttpHeaderMap headers, byte[] body) {
  private static final int EXCERPT = 300;

  public RegistryResponse {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(headers, "headers");
    body = body == null ? new byte[0] : body;
  }

  public Optional<String> header(String name) {
    return headers.first(name);
  }

  public List<String> headers(String name) {
    return headers.all(name);
  }

  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The start of the body on one line, for error messages. */
  public String bodyExcerpt() {
    String text = bodyText().replaceAll("\\s+", " ").strip();
    return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegistryResponse r
        && r.status == status
        && r.uri.equals(uri)
        && r.headers.equals(headers)
        && java.util.Arrays.equals(r.body, body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, uri, headers, java.util.Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return status + " " + uri + " (" + body.length + " bytes)";
  }
}
