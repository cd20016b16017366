package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextStreamTest {
  @TempDir Path tmp;

  @Test
  void streamsTheWholeArchive() throws IOException {
    Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\n");

    try (InputStream in = ContextStream.start(tmp, "Dockerfile")) {
      byte[] tar = in.readAllBytes();

      assertThat(tar.length % 512).isZero();
      assertThat(new String(tar, 0, 10, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("Dockerfile");
    }
  }

  @Test
  void failsInsteadOfEndingWhenTheContextCannotBeWritten() throws IOException {
    ContextStream stream = ContextStream.start(tmp.resolve("gone"), "Dockerfile");

    try (stream) {
      assertThatThrownBy(stream::readAllBytes)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("build context could not be written");
    }
    assertThat(stream.failure()).isPresent();
  }
}
