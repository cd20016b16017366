package dev.dray.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRefTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          busybox                          | docker.io      | library/busybox | latest | busybox
          acme/app:1.2                     | docker.io      | acme/app        | 1.2    | acme/app
          127.0.0.1:5000/dray/busybox:1    | 127.0.0.1:5000 | dray/busybox    | 1      | 127.0.0.1:5000/dray/busybox
          localhost/app                    | localhost      | app             | latest | localhost/app
          ghcr.io/user/app                 | ghcr.io        | user/app        | latest | ghcr.io/user/app
          """)
  void parsesReferences(String text, String registry, String repository, String tag, String name) {
    ImageRef ref = ImageRef.parse(text);
    assertThat(ref.registry()).isEqualTo(registry);
    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.tagOrLatest()).isEqualTo(tag);
    assertThat(ref.name()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"latest", "v1.2.3", "sha-90dd603", "_x", "A.b-C_d"})
  void acceptsValidTags(String tag) {
    assertThat(ImageRef.isValidTag(tag)).isTrue();
    assertThat(ImageRef.isValidTag("a".repeat(128))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-90dd603", ".hidden", "a/b", "a+b", "ü"})
  void rejectsInvalidTags(String tag) {
    assertThat(ImageRef.isValidTag(tag)).isFalse();
    assertThat(ImageRef.isValidTag("a".repeat(129))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Acme/App", "acme/app:-x", "", "acme//app"})
  void rejectsInvalidReferences(String text) {
    assertThatThrownBy(() -> ImageRef.parse(text)).isInstanceOf(InvalidReferenceException.class);
  }
}
