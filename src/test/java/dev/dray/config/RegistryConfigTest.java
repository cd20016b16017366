package dev.dray.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryConfigTest {
  private final RegistryConfig config = new RegistryConfig(List.of("registry.lan:5000"), 3);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "registry.lan:5000, true",
    "REGISTRY.lan:5000, true",
    "registry.lan, false",
    "registry.lan:5001, false",
    "127.0.0.1:5000, true",
    "127.0.0.1, true",
    "127.1.2.3:443, true",
    "localhost:5000, true",
    "[::1]:5000, true",
    "ghcr.io, false",
    "127.0.0.1.nip.io, false",
  })
  void speaksPlainHttpToListedAndLoopbackHostsOnly(String host, boolean insecure) {
    assertThat(config.isInsecure(host)).isEqualTo(insecure);
  }

  @org.junit.jupiter.api.Test
  void rejectsFewerThanOneAttempt() {
    assertThatThrownBy(() -> new RegistryConfig(List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
