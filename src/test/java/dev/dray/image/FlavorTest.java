package dev.dray.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlavorTest {

  @Test
  void defaultsToLatestAutoWithoutAffixes() {
    assertThat(Flavor.parse(List.of())).isEqualTo(Flavor.DEFAULT);
    assertThat(Flavor.DEFAULT.latest()).isEqualTo(Flavor.Latest.AUTO);
  }

  @Test
  void parsesEveryKeyAndOnLatestBindsToThePrecedingAffix() {
    Flavor flavor =
        Flavor.parse(List.of("latest=false", "prefix=app-,onlatest=true", "suffix=-slim", "# x"));
    assertThat(flavor).isEqualTo(new Flavor(Flavor.Latest.FALSE, "app-", true, "-slim", false));
    assertThat(Flavor.parse(List.of("suffix=-slim,onlatest=true")).suffixOnLatest()).isTrue();
    assertThat(Flavor.parse(List.of("latest=true")).latest()).isEqualTo(Flavor.Latest.TRUE);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          latest=maybe               | latest='maybe' is not auto, true or false
          latest=TRUE                | latest='TRUE' is not auto, true or false
          colour=red                 | unknown key 'colour'
          prefix                     | 'prefix' is not key=value
          onlatest=true              | onlatest must follow prefix= or suffix=
          prefix=a,onlatest=yes      | onlatest='yes' is not true or false
          """)
  void rejectsInvalidEntries(String entry, String problem) {
    assertThatThrownBy(() -> Flavor.parse(List.of("latest=auto", entry)))
        .isInstanceOfSatisfying(
            TagRuleException.class,
            e -> {
              assertThat(e.getMessage()).startsWith("flavor entry 2 '" + entry + "': ");
              assertThat(e.problem()).startsWith(problem);
            });
  }
}
