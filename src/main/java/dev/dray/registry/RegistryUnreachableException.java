package dev.dray.registry;

/**
 * The registry (or its token service) could not be reached at all: refused, timed out, TLS failed.
 */
public final class RegistryUnreachableException extends RegistryException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final String url;
  private final String causeText;

  public RegistryUnreachableException(String host, String url, String causeText) {
    this(host, url, causeText, null);
  }

  public RegistryUnreachableException(String host, String url, String causeText, Throwable cause) {
    super(
        "cannot reach registry " + host + " at " + url + ": " + causeText,
        "is the registry running and reachable from here? If "
            + host
            + " speaks plain http (not https), add it to registry.insecure in dray.yml",
        cause);
    this.host = host;
    this.url = url;
    this.causeText = causeText;
  }

  public String host() {
    return host;
  }

  public String url() {
    return url;
  }

  public String causeText() {
    return causeText;
  }
}
