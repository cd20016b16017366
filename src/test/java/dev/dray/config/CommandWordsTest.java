package dev.dray.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandWordsTest {
  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("httpd -f -p 80", List.of("httpd", "-f", "-p", "80")),
        Arguments.of("  spaced   out  ", List.of("spaced", "out")),
        Arguments.of("sh -c 'echo $HOME && ls'", List.of("sh", "-c", "echo $HOME && ls")),
        Arguments.of("echo \"a \\\"b\\\" c\"", List.of("echo", "a \"b\" c")),
        Arguments.of("echo \"keep \\n\"", List.of("echo", "keep \\n")),
        Arguments.of("a\\ b c", List.of("a b", "c")),
        Arguments.of("x='' y", List.of("x=", "y")),
        Arguments.of("''", List.of("")),
        Arguments.of("", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void splitsAsComposeDoes(String command, List<String> words) {
    assertThat(CommandWords.split(command)).isEqualTo(words);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unbalanced")
  void rejectsUnbalancedQuotes(String command, String message) {
    assertThatThrownBy(() -> CommandWords.split(command)).hasMessage(message);
  }

  static Stream<Arguments> unbalanced() {
    return Stream.of(
        Arguments.of("sh -c 'echo", "the command has an unclosed single quote"),
        Arguments.of("echo \"a", "the command has an unclosed double quote"),
        Arguments.of("echo \\", "the command ends with a lone backslash"));
  }
}
