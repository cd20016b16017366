package dev.dray.registry;

/** Turns an unexpected registry response into the matching typed {@link RegistryException}. */
final class RegistryFailures {
  private final RegistryTransport transport;

  RegistryFailures(RegistryTransport transport) {
    this.transport = transport;
  }

  /** The exception for {@code response} to {@code request} on {@code repository} ("" if none). */
  RegistryException of(RegistryRequest request, RegistryResponse response, String repository) {
    int status = response.status();
    if (status == 401 || status == 403) {
      return new RegistryAuthException(
          request.registry(),
          repository,
          reason(request, response),
          transport.credentials(request.registry()).attempts());
    }
    return new RegistryResponseException(
        request.method(), status, request.uri().toString(), response.bodyExcerpt());
  }

  private String reason(RegistryRequest request, RegistryResponse response) {
    if (response.status() == 403) {
      String body = response.bodyExcerpt();
      return "the registry answered 403 (forbidden)" + (body.isEmpty() ? "" : ": " + body);
    }
    return transport
        .lastAuthRefusal(request.registry())
        .orElse("the registry answered 401 to " + request.method() + " " + request.uri().getPath());
  }
}
