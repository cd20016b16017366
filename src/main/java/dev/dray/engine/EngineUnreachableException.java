package dev.dray.engine;

import java.util.List;
import java.util.stream.Collectors;

/** No Docker Engine answered at any of the endpoints discovery tried; carries every attempt. */
public final class EngineUnreachableException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final transient List<EndpointAttempt> attempts;

  public EngineUnreachableException(List<EndpointAttempt> attempts) {
    super(
        "cannot reach a Docker Engine; tried:\n"
            + attempts.stream().map(a -> "  - " + a).collect(Collectors.joining("\n")),
        "start dockerd (in this project: scripts/test-env.sh up) or set DOCKER_HOST,"
            + " e.g. DOCKER_HOST=unix:///var/run/docker.sock");
    this.attempts = List.copyOf(attempts);
  }

  public List<EndpointAttempt> attempts() {
    return attempts;
  }
}
