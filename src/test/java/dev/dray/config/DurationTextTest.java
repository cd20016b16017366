package dev.dray.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {
  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of("1s", Duration.ofSeconds(1)),
        Arguments.of("500ms", Duration.ofMillis(500)),
        Arguments.of("2m", Duration.ofMinutes(2)),
        Arguments.of("1h", Duration.ofHours(1)),
        Arguments.of("1m30s", Duration.ofSeconds(90)),
        Arguments.of("1.5s", Duration.ofMillis(1500)),
        Arguments.of("250us", Duration.ofNanos(250_000)),
        Arguments.of("10ns", Duration.ofNanos(10)),
        Arguments.of("0s", Duration.ZERO),
        Arguments.of("0", Duration.ZERO));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("durations")
  void readsGoStyleDurations(String text, Duration expected) {
    assertThat(DurationText.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30", "2 s", "s", "1x", "-1s", "1.s", "1s 2m", "PT1S"})
  void rejectsAnythingElse(String text) {
    assertThat(DurationText.parse(text)).isEqualTo(Optional.empty());
  }
}
