package dev.dray.registry;

/** The registry answered with an HTTP status dray did not expect for the operation. */
public final class RegistryResponseException extends RegistryException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final int status;
  private final String url;
  private final String bodyExcerpt;

  public RegistryResponseException(String method, int status, String url, String bodyExcerpt) {
    super(message(method, status, url, bodyExcerpt), hint(method, status));
    this.method = method;
    this.status = status;
    this.url = url;
    this.bodyExcerpt = bodyExcerpt;
  }

  public String method() {
    return method;
  }

  public int status() {
    return status;
  }

  public String url() {
    return url;
  }

  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  private static String message(String method, int status, String url, String body) {
    String text = "registry answered HTTP " + status + " to " + method + " " + url;
    return body.isBlank() ? text : text + ": " + body;
  }

  private static String hint(String method, int status) {
    if (status == 405 && method.equals("DELETE")) {
      return "the registry does not allow deletes; enable them (CNCF registry: storage.delete.enabled: true)";
    }
    if (status == 429) {
      return "the registry is rate-limiting this client; wait and retry, or log in for a higher limit";
    }
    if (status >= 500) {
      return "the registry failed while handling the request; retry later or check its logs";
    }
    return "check the reference and the registry's logs; run with --debug for the full exchange";
  }
}
