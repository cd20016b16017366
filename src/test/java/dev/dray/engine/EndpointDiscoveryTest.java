package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointDiscoveryTest {
  private final List<URI> probed = new ArrayList<>();

  private EndpointDiscovery discovery(Set<String> answering) {
    return new EndpointDiscovery(
        List.of(
            new DockerHostStrategy(), new DefaultSocketStrategy(), new RootlessSocketStrategy()),
        uri -> {
          probed.add(uri);
          return answering.contains(uri.toString())
              ? Optional.empty()
              : Optional.of("connection refused");
        });
  }

  @Test
  void usesDockerHostWhenSet() {
    EngineEndpoint endpoint =
        discovery(Set.of("tcp://127.0.0.1:2375"))
            .discover(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"));

    assertThat(endpoint)
        .isEqualTo(new EngineEndpoint(URI.create("tcp://127.0.0.1:2375"), "DOCKER_HOST"));
  }

  @Test
  void anUnreachableDockerHostIsNotSilentlyReplacedByTheLocalSocket() {
    EngineUnreachableException e =
        catchThrowableOfType(
            EngineUnreachableException.class,
            () ->
                discovery(Set.of("unix:///var/run/docker.sock"))
                    .discover(Map.of("DOCKER_HOST", "unix:///tmp/elsewhere.sock")));

    assertThat(probed).containsExactly(URI.create("unix:///tmp/elsewhere.sock"));
    assertThat(e.attempts())
        .containsExactly(
            new EndpointAttempt(
                "DOCKER_HOST",
                Optional.of(URI.create("unix:///tmp/elsewhere.sock")),
                "connection refused"));
  }

  @Test
  void fallsBackToTheDefaultSocket() {
    EngineEndpoint endpoint = discovery(Set.of("unix:///var/run/docker.sock")).discover(Map.of());

    assertThat(endpoint).isEqualTo(EngineEndpoint.defaultSocket());
  }

  @Test
  void triesTheRootlessSocketLast() {
    EngineEndpoint endpoint =
        discovery(Set.of("unix:///run/user/1000/docker.sock"))
            .discover(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"));

    assertThat(endpoint.source()).isEqualTo("rootless socket");
    assertThat(probed)
        .containsExactly(
            URI.create("unix:///var/run/docker.sock"),
            URI.create("unix:///run/user/1000/docker.sock"));
  }

  @Test
  void listsEveryAttemptAndSuggestsWhatToDo() {
    EngineUnreachableException e =
        catchThrowableOfType(
            EngineUnreachableException.class, () -> discovery(Set.of()).discover(Map.of()));

    assertThat(e.attempts())
        .extracting(EndpointAttempt::toString)
        .containsExactly(
            "DOCKER_HOST: not set",
            "default socket unix:///var/run/docker.sock: connection refused",
            "rootless socket: XDG_RUNTIME_DIR not set");
    assertThat(e.getMessage()).contains("default socket unix:///var/run/docker.sock");
    assertThat(e.hint())
        .hasValueSatisfying(h -> assertThat(h).contains("scripts/test-env.sh up", "DOCKER_HOST"));
  }

  @Test
  void explainsUnsupportedDockerHostValues() {
    DockerHostStrategy strategy = new DockerHostStrategy();

    assertThat(strategy.candidate(Map.of("DOCKER_HOST", "ssh://me@host")))
        .isEqualTo(
            new EndpointStrategy.Skip(
                "'ssh://me@host': only unix:// and tcp:// are supported, not ssh://"));
    assertThat(strategy.candidate(Map.of("DOCKER_HOST", "tcp://h:2376", "DOCKER_TLS_VERIFY", "1")))
        .isInstanceOf(EndpointStrategy.Skip.class);
  }

  @Test
  void theRealProbeReportsAMissingSocket() {
    assertThat(new PingProbe().failure(URI.create("unix:///nonexistent/docker.sock")))
        .contains("no socket at /nonexistent/docker.sock");
  }
}
