package dev.dray.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VolumeSpecTest {
  private static final Path BASE = Path.of("/srv/app");

  static Stream<Arguments> volumes() {
    return Stream.of(
        Arguments.of("data:/data", "data:/data"),
        Arguments.of("/var/lib/x:/x:ro", "/var/lib/x:/x:ro"),
        Arguments.of("./conf:/etc/app:ro", "/srv/app/conf:/etc/app:ro"),
        Arguments.of("../shared:/shared", "/srv/shared:/shared"),
        Arguments.of(".:/src:rw,z", "/srv/app:/src:rw,z"),
        Arguments.of("/cache", "/cache"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("volumes")
  void resolvesRelativeHostPathsAgainstTheFilesDirectory(String spec, String expected) {
    assertThat(VolumeSpec.resolve(spec, BASE)).isEqualTo(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "data:data", "the container path in 'data:data' must be absolute (start with /)"),
        Arguments.of("cache", "the container path in 'cache' must be absolute (start with /)"),
        Arguments.of("~/x:/x", "~ is not expanded in '~/x:/x'; write the absolute host path"),
        Arguments.of(
            "data:/data:rx", "unknown volume mode 'rx' in 'data:/data:rx'; expected ro or rw"),
        Arguments.of(
            "a:/b:ro:x",
            "expected SOURCE:TARGET[:MODE] such as data:/data or ./conf:/etc/app:ro, got 'a:/b:ro:x'"),
        Arguments.of(
            "my vol:/x",
            "'my vol' in 'my vol:/x' is neither a volume name nor a host path (start those with / or"
                + " ./)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void saysWhatIsWrongWithAVolume(String spec, String message) {
    assertThatThrownBy(() -> VolumeSpec.resolve(spec, BASE)).hasMessage(message);
  }
}
