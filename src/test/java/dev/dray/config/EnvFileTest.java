package dev.dray.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvFileTest {
  @Test
  void readsKeyValueLinesQuotesCommentsAndExport() {
    EnvFile.Parsed parsed =
        EnvFile.parse(
            """
            # a comment

            PLAIN=value
            SPACED = padded value  # trailing comment
            export EXPORTED=yes
            SINGLE='kept $AS is # here'
            DOUBLE="line\\none \\"quoted\\""
            EMPTY=
            URL=postgresql://u@h/db?x=1#frag
            PLAIN=later wins
            """);

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.values())
        .containsExactly(
            Map.entry("PLAIN", "later wins"),
            Map.entry("SPACED", "padded value"),
            Map.entry("EXPORTED", "yes"),
            Map.entry("SINGLE", "kept $AS is # here"),
            Map.entry("DOUBLE", "line\none \"quoted\""),
            Map.entry("EMPTY", ""),
            Map.entry("URL", "postgresql://u@h/db?x=1#frag"));
  }

  @Test
  void reportsUnreadableLinesWithLineAndColumnButNotTheirText() {
    EnvFile.Parsed parsed =
        EnvFile.parse(
            """
            OK=1
            NO_EQUALS_SIGN
              1BAD=x
            QUOTE="open
            AFTER='x' y
            """);

    assertThat(parsed.values()).containsExactly(Map.entry("OK", "1"));
    assertThat(parsed.errors())
        .containsExactly(
            new EnvFile.Error(2, 1, "expected KEY=VALUE"),
            new EnvFile.Error(
                3,
                3,
                "expected KEY=VALUE with a KEY of letters, digits and _ (not starting with a"
                    + " digit)"),
            new EnvFile.Error(4, 7, "unclosed double quote; values are one line"),
            new EnvFile.Error(5, 7, "unexpected text after the closing quote"));
    assertThat(parsed.errors())
        .extracting(EnvFile.Error::message)
        .noneMatch(m -> m.contains("open"));
  }

  @Test
  void readsNothingFromAnEmptyFile() {
    assertThat(EnvFile.parse("").values()).isEmpty();
    assertThat(EnvFile.parse("\n# only comments\n").errors()).isEqualTo(List.of());
  }
}
