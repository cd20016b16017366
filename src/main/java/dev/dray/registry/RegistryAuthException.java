package dev.dray.registry;

import java.util.List;

/**
 * The registry refused access (401/403): no credentials were found, or those found were rejected.
 * The message lists every credential source tried; it never contains a secret.
 */
public final class RegistryAuthException extends RegistryException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final String repository;
  private final String reason;
  private final List<String> attempts;

  public RegistryAuthException(
      String host, String repository, String reason, List<String> attempts) {
    super(message(host, repository, reason, attempts), hint(host));
    this.host = host;
    this.repository = repository;
    this.reason = reason;
    this.attempts = List.copyOf(attempts);
  }

  public String host() {
    return host;
  }

  /** The repository the request was for; empty for registry-wide requests such as a ping. */
  public String repository() {
    return repository;
  }

  /** Why access was refused, e.g. "the registry answered 401 to the credentials from …". */
  public String reason() {
    return reason;
  }

  /** What was tried to find credentials, one line per attempt. */
  public List<String> attempts() {
    return attempts;
  }

  private static String message(
      String host, String repository, String reason, List<String> attempts) {
    StringBuilder message = new StringBuilder("registry ").append(host).append(" refused access");
    if (!repository.isEmpty()) {
      message.append(" to ").append(repository);
    }
    message.append(": ").append(reason).append('.');
    message.append(attempts.isEmpty() ? " No credential sources are configured." : " Tried:");
    attempts.forEach(a -> message.append("\n  - ").append(a));
    return message.toString();
  }

  private static String hint(String host) {
    return "run `docker login "
        + host
        + "`, or set "
        + EnvCredentialSource.USERNAME
        + " and "
        + EnvCredentialSource.PASSWORD
        + " (and "
        + EnvCredentialSource.HOST
        + "="
        + host
        + " to use them only there)";
  }
}
