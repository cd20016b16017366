package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dray.image.InvalidReferenceException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BuildQueryTest {

  @Test
  void aMinimalRequestAsksForBuildKitAndCleansUp() {
    String query = BuildQuery.of(BuildRequest.builder(Path.of("ctx")).build()).toString();

    assertThat(query).isEqualTo("?version=2&dockerfile=Dockerfile&rm=1&forcerm=1");
  }

  @Test
  void encodesEveryOption() {
    BuildRequest request =
        BuildRequest.builder(Path.of("ctx"))
            .dockerfile("./docker/app.Dockerfile")
            .target("deps")
            .buildArg("NODE_ENV", "production")
            .buildArg("BUILDKIT_INLINE_CACHE", "1")
            .tag("127.0.0.1:5000/acme/web:1.2")
            .tag("127.0.0.1:5000/acme/web:latest")
            .cacheFrom("127.0.0.1:5000/acme/web:cache-deps")
            .label("org.opencontainers.image.revision", "abc 123")
            .noCache(true)
            .pull(true)
            .platform("linux/arm64")
            .build();

    String decoded = URLDecoder.decode(BuildQuery.of(request).toString(), StandardCharsets.UTF_8);

    assertThat(decoded)
        .isEqualTo(
            "?version=2&dockerfile=docker/app.Dockerfile&rm=1&forcerm=1"
                + "&t=127.0.0.1:5000/acme/web:1.2&t=127.0.0.1:5000/acme/web:latest"
                + "&target=deps"
                + "&buildargs={\"BUILDKIT_INLINE_CACHE\":\"1\",\"NODE_ENV\":\"production\"}"
                + "&labels={\"org.opencontainers.image.revision\":\"abc 123\"}"
                + "&cachefrom=[\"127.0.0.1:5000/acme/web:cache-deps\"]"
                + "&nocache=1&pull=1&platform=linux/arm64");
  }

  @Test
  void rejectsADockerfileOutsideTheContext() {
    assertThatThrownBy(
            () -> BuildRequest.builder(Path.of("ctx")).dockerfile("../Dockerfile").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inside the context");
  }

  @Test
  void rejectsAnInvalidTag() {
    assertThatThrownBy(() -> BuildRequest.builder(Path.of("ctx")).tag("Web:1").build())
        .isInstanceOf(InvalidReferenceException.class);
  }
}
