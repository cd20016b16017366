package dev.dray.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryHostsTest {
  @ParameterizedTest
  @CsvSource({
    "https://index.docker.io/v1/, docker.io",
    "index.docker.io, docker.io",
    "registry-1.docker.io, docker.io",
    "docker.io, docker.io",
    "https://127.0.0.1:5001, 127.0.0.1:5001",
    "http://registry.example.com:5000/v1/, registry.example.com:5000",
    "Registry.Example.COM, registry.example.com",
    "ghcr.io, ghcr.io",
  })
  void normalisesConfigKeysToBareHosts(String key, String expected) {
    assertThat(RegistryHosts.normalize(key)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1:5000, true",
    "127.0.0.1, true",
    "localhost:5000, true",
    "[::1]:5000, true",
    "registry.example.com, false",
    "10.0.0.1:5000, false",
    "localhost.example.com, false",
  })
  void recognisesLoopbackHosts(String host, boolean loopback) {
    assertThat(RegistryHosts.isLoopback(host)).isEqualTo(loopback);
  }

  @ParameterizedTest
  @CsvSource({
    "docker.io, registry-1.docker.io, https://index.docker.io/v1/",
    "127.0.0.1:5001, 127.0.0.1:5001, 127.0.0.1:5001",
  })
  void mapsDockerHubToItsApiHostAndLegacyServerAddress(
      String host, String apiHost, String serverAddress) {
    assertThat(RegistryHosts.apiHost(host)).isEqualTo(apiHost);
    assertThat(RegistryHosts.serverAddress(host)).isEqualTo(serverAddress);
  }
}
