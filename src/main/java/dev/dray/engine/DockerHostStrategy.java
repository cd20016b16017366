package dev.dray.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/** Takes the endpoint from {@code DOCKER_HOST}; when set, it is the only endpoint tried. */
public final class DockerHostStrategy implements EndpointStrategy {
  @Override
  public String name() {
    return "DOCKER_HOST";
  }

  @Override
  public Candidate candidate(Map<String, String> env) {
    String value = env.getOrDefault("DOCKER_HOST", "").trim();
    if (value.isEmpty()) {
      return new Skip("not set");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return new Skip("'" + value + "' is not a URI such as unix:///var/run/docker.sock");
    }
    String scheme = String.valueOf(uri.getScheme());
    return switch (scheme) {
      case "unix" -> new Offer(uri, true);
      case "tcp" ->
          "1".equals(env.get("DOCKER_TLS_VERIFY"))
              ? new Skip(value + " with DOCKER_TLS_VERIFY=1: TLS endpoints are not supported yet")
              : new Offer(uri, true);
      default ->
          new Skip("'" + value + "': only unix:// and tcp:// are supported, not " + scheme + "://");
    };
  }
}
