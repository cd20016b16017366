package dev.dray.registry;

import dev.dray.Secret;
import java.util.List;
import java.util.Map;

/**
 * Credentials from {@code DRAY_REGISTRY_USERNAME} and {@code DRAY_REGISTRY_PASSWORD}, for every
 * registry or only for {@code DRAY_REGISTRY_HOST} when that is set.
 */
public final class EnvCredentialSource implements CredentialSource {
  public static final String USERNAME = "DRAY_REGISTRY_USERNAME";
  public static final String PASSWORD = "DRAY_REGISTRY_PASSWORD";
  public static final String HOST = "DRAY_REGISTRY_HOST";

  private final Map<String, String> env;

  public EnvCredentialSource(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public String describe() {
    return "env " + USERNAME + "/" + PASSWORD;
  }

  @Override
  public CredentialAttempt attempt(String registryHost) {
    String username = value(USERNAME);
    String password = value(PASSWORD);
    if (username == null && password == null) {
      return CredentialAttempt.missing(List.of(describe() + ": not set"));
    }
    if (username == null || password == null) {
      String missing = username == null ? USERNAME : PASSWORD;
      return CredentialAttempt.missing(List.of(describe() + ": " + missing + " not set"));
    }
    String scope = value(HOST);
    if (scope != null && !RegistryHosts.normalize(scope).equals(registryHost)) {
      return CredentialAttempt.missing(
          List.of(describe() + ": set for " + HOST + "=" + scope + ", not " + registryHost));
    }
    return CredentialAttempt.found(
        new Credential.Basic(username, Secret.of(password)), describe(), List.of());
  }

  private String value(String name) {
    String value = env.get(name);
    return value == null || value.isEmpty() ? null : value;
  }
}
