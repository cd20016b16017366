package dev.dray.build;

import java.util.List;

/** The registry refused a push or pull for lack of credentials; says which sources were tried. */
public final class PushUnauthorizedException extends BuildException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final List<String> attempts;

  public PushUnauthorizedException(
      String operation, String reference, String host, List<String> attempts, Throwable cause) {
    super(
        "registry "
            + host
            + " refused to "
            + operation
            + " "
            + reference
            + ": unauthorized. Credential sources tried:\n  - "
            + String.join("\n  - ", attempts),
        "run 'docker login " + host + "', or set DRAY_REGISTRY_USERNAME and DRAY_REGISTRY_PASSWORD",
        cause);
    this.host = host;
    this.attempts = List.copyOf(attempts);
  }

  public String host() {
    return host;
  }

  public List<String> attempts() {
    return attempts;
  }
}
