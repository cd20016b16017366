package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionTest {

  @ParameterizedTest(name = "server {0}..{1} -> {2}")
  @CsvSource({
    "1.12, 1.41, 1.41", // Debian's Docker 20.10
    "1.24, 1.47, 1.47", // Docker 27
    "1.44, 1.52, 1.52", // Docker 29 refuses anything below 1.44
    "1.44, 1.60, 1.52", // a future engine: dray speaks the newest it knows
    "1.12, 1.39, 1.39",
  })
  void speaksTheServersNewestVersionUpToTheNewestKnown(String min, String max, String chosen) {
    assertThat(ApiVersion.negotiate(ApiVersion.parse(min), ApiVersion.parse(max)))
        .isEqualTo(ApiVersion.parse(chosen));
  }

  @Test
  void refusesAnEngineTooOldForBuildKit() {
    assertThatThrownBy(
            () -> ApiVersion.negotiate(ApiVersion.parse("1.12"), ApiVersion.parse("1.38")))
        .isInstanceOf(EngineVersionException.class)
        .hasMessageContaining("1.12 to 1.38")
        .satisfies(
            e ->
                assertThat(((EngineVersionException) e).hint())
                    .hasValueSatisfying(h -> assertThat(h).contains("18.09")));
  }

  @Test
  void refusesAnEngineThatNoLongerSpeaksTheNewestKnown() {
    assertThatThrownBy(
            () -> ApiVersion.negotiate(ApiVersion.parse("1.60"), ApiVersion.parse("1.70")))
        .isInstanceOf(EngineVersionException.class);
  }

  @Test
  void comparesNumericallyNotAlphabetically() {
    assertThat(ApiVersion.parse("1.9")).isLessThan(ApiVersion.parse("1.41"));
    assertThat(ApiVersion.parse("1.41").toString()).isEqualTo("1.41");
  }

  @Test
  void rejectsGarbage() {
    assertThatThrownBy(() -> ApiVersion.parse("v1")).isInstanceOf(IllegalArgumentException.class);
  }
}
