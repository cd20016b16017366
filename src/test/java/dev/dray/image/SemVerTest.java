package dev.dray.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          v1.2.3                     | 1.2.3                 | false
          1.2.3                      | 1.2.3                 | false
          v0.0.0                     | 0.0.0                 | false
          v2.0.8-beta.67             | 2.0.8-beta.67         | true
          v9.5.7-alpha.2+fork.3.1.8  | 9.5.7-alpha.2         | true
          1.0.0+build.5              | 1.0.0                 | false
          v101.12.13                 | 101.12.13             | false
          1.0.0-0.3.7                | 1.0.0-0.3.7           | true
          1.0.0-x-y-z.--             | 1.0.0-x-y-z.--        | true
          """)
  void parsesValidVersions(String text, String version, boolean prerelease) {
    SemVer v = SemVer.parse(text).orElseThrow();
    assertThat(v.version()).isEqualTo(version);
    assertThat(v.isPrerelease()).isEqualTo(prerelease);
    assertThat(v.raw()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.2",
        "v1",
        "01.2.3",
        "1.02.3",
        "1.2.3-01",
        "1.2.3-",
        "1.2.3+",
        "V1.2.3",
        "=1.2.3",
        "vv1.2.3",
        "p1-v1.2.3",
        "release1",
        "20200110-RC2",
        "1.2.3rc2",
        "99999999999999999.0.0"
      })
  void rejectsNonVersions(String text) {
    assertThat(SemVer.parse(text)).isEmpty();
  }
}
