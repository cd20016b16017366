package dev.dray.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InterpolationTest {
  private static final Map<String, String> VARS =
      Map.of("SET", "value", "EMPTY", "", "IMAGE_TAG", "2024.11.3");

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("plain text", "plain text", List.of()),
        Arguments.of("$SET", "value", List.of()),
        Arguments.of("${SET}", "value", List.of()),
        Arguments.of("a-$SET-b", "a-value-b", List.of()),
        Arguments.of("$SET.x", "value.x", List.of()),
        Arguments.of("${UNSET}", "", List.of("UNSET")),
        Arguments.of("$UNSET/$UNSET", "/", List.of("UNSET")),
        Arguments.of("$$SET", "$SET", List.of()),
        Arguments.of("$${SET}", "${SET}", List.of()),
        Arguments.of("cost: $$5", "cost: $5", List.of()),
        Arguments.of("${UNSET:-default}", "default", List.of()),
        Arguments.of("${EMPTY:-default}", "default", List.of()),
        Arguments.of("${SET:-default}", "value", List.of()),
        Arguments.of("${UNSET-default}", "default", List.of()),
        Arguments.of("${EMPTY-default}", "", List.of()),
        Arguments.of("${SET-default}", "value", List.of()),
        Arguments.of("${UNSET:-}", "", List.of()),
        Arguments.of("${UNSET:-a b:c}", "a b:c", List.of()),
        Arguments.of("${SET:?must be set}", "value", List.of()),
        Arguments.of("${EMPTY?must be set}", "", List.of()),
        Arguments.of("${SET:+other}", "other", List.of()),
        Arguments.of("${EMPTY:+other}", "", List.of()),
        Arguments.of("${EMPTY+other}", "other", List.of()),
        Arguments.of("${UNSET+other}", "", List.of()),
        Arguments.of("${UNSET:-${SET}-x}", "value-x", List.of()),
        Arguments.of("${UNSET:-${ALSO_UNSET:-deep}}", "deep", List.of()),
        Arguments.of("${UNSET:-${ALSO_UNSET}}", "", List.of("ALSO_UNSET")),
        Arguments.of("${SET:-${NOT_NEEDED}}", "value", List.of()),
        Arguments.of("${SET:-${NOT_NEEDED:?never checked}}", "value", List.of()),
        Arguments.of(
            "ghcr.io/acme/tts:${IMAGE_TAG:-latest}", "ghcr.io/acme/tts:2024.11.3", List.of()),
        Arguments.of("ghcr.io/acme/tts:${NO_TAG:-latest}", "ghcr.io/acme/tts:latest", List.of()));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("values")
  void replacesVariablesAsComposeDoes(String text, String expected, List<String> unset) {
    Interpolation.Result result = Interpolation.apply(text, VARS);

    assertThat(result.value()).isEqualTo(expected);
    assertThat(result.unset()).isEqualTo(unset);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(
            "${EMPTY:?set EMPTY in .env}",
            0,
            "required variable EMPTY is empty: set EMPTY in .env"),
        Arguments.of("x ${UNSET:?}", 2, "required variable UNSET is not set"),
        Arguments.of("${UNSET?needed}", 0, "required variable UNSET is not set: needed"),
        Arguments.of(
            "${UNSET:-${INNER:?inner needed}}",
            9,
            "required variable INNER is not set: inner needed"),
        Arguments.of("price$", 5, "a lone $ at the end; write $$ for a literal $"),
        Arguments.of("$1", 0, "invalid variable '$1'; write $$ for a literal $"),
        Arguments.of("a $ b", 2, "invalid variable '$ '; write $$ for a literal $"),
        Arguments.of("${", 0, "expected a variable name after ${ (letters, digits and _)"),
        Arguments.of("${1X}", 0, "expected a variable name after ${ (letters, digits and _)"),
        Arguments.of("${SET", 0, "unclosed ${SET; add a closing }"),
        Arguments.of("${SET:-x", 8, "unclosed ${; add a closing }"),
        Arguments.of(
            "${SET%x}", 5, "unexpected '%' in ${SET…}; expected }, :-, -, :?, ?, :+ or +"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void reportsMalformedOrMissingValuesWithTheirOffset(String text, int offset, String message) {
    assertThatThrownBy(() -> Interpolation.apply(text, VARS))
        .isInstanceOfSatisfying(
            Interpolation.InterpolationException.class,
            e -> assertThat(e.offset()).isEqualTo(offset))
        .hasMessage(message);
  }

  @Test
  void leavesTextWithoutDollarSignsAlone() {
    assertThat(Interpolation.apply("{a} } {", Map.of()).value()).isEqualTo("{a} } {");
  }
}
