package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryAuthHeaderTest {

  @Test
  void sendsAnEmptyObjectWithoutCredentials() {
    assertThat(RegistryAuthHeader.value(Optional.empty())).isEqualTo("e30=");
  }

  @Test
  void encodesTheAuthJsonAsBase64Url() {
    String json = "{\"username\":\"dray\",\"password\":\"??>>secret\"}";

    String header = RegistryAuthHeader.value(Optional.of(Secret.of(json)));

    assertThat(header).doesNotContain("+", "/");
    assertThat(new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8))
        .isEqualTo(json);
  }
}
