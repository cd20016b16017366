package dev.dray.proxy;

/** haproxy could not be started or reloaded; carries what it printed. */
public final class ProxyStartException extends ProxyException {
  private static final long serialVersionUID = 1L;

  private final String output;

  public ProxyStartException(String what, String output, String hint) {
    super(output.isBlank() ? what : what + ":\n" + output.strip(), hint);
    this.output = output;
  }

  public ProxyStartException(String what, String hint, Throwable cause) {
    super(what + ": " + cause.getMessage(), hint, cause);
    this.output = "";
  }

  /** What haproxy printed. */
  public String output() {
    return output;
  }
}
