package dev.dray.proxy;

/** The runtime API refused or failed a command; carries the command and HAProxy's answer. */
public final class ProxyCommandException extends ProxyException {
  private static final long serialVersionUID = 1L;

  private final String command;
  private final String response;

  public ProxyCommandException(String command, String response) {
    super(
        "the edge proxy refused `" + command + "`: " + response.strip(),
        "the proxy's runtime state differs from what dray expected (another deploy, or a proxy"
            + " restarted meanwhile); run the deploy again, it starts from the proxy's current"
            + " servers");
    this.command = command;
    this.response = response;
  }

  public ProxyCommandException(String command, String response, Throwable cause) {
    super(
        "the edge proxy did not answer `" + command + "`: " + response.strip(),
        "check that haproxy still runs (its pid file and output are in the proxy's state"
            + " directory)",
        cause);
    this.command = command;
    this.response = response;
  }

  public String command() {
    return command;
  }

  public String response() {
    return response;
  }
}
