package dev.dray.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dray.config.AutoDeployConfig;
import dev.dray.config.SemverRange;
import dev.dray.config.WatchConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which image tags, branches and Git tags a deploy policy follows, and the versions they give. */
class DeployPolicyTest {

  private static DeployPolicy policy(String tag, String range) {
    return new DeployPolicy(
        "hello",
        Optional.ofNullable(tag),
        Optional.ofNullable(range),
        List.of("main", "release/*", "hotfix/**"),
        List.of("v*", "release-?"));
  }

  @ParameterizedTest(name = "tag {0}, range {1}: accepts {2} = {3}")
  @CsvSource(
      delimiter = ';',
      nullValues = "-",
      textBlock =
          """
          latest ; -               ; latest       ; true
          latest ; -               ; main         ; false
          latest ; -               ; 1.4.2        ; false
          -      ; >=1.2.0 <2.0.0  ; 1.4.2        ; true
          -      ; >=1.2.0 <2.0.0  ; v1.4.2       ; true
          -      ; >=1.2.0 <2.0.0  ; 2.0.0        ; false
          -      ; >=1.2.0 <2.0.0  ; 1.5.0-rc.1   ; false
          -      ; >=1.2.0 <2.0.0  ; latest       ; false
          -      ; ^1.4            ; 1.4.0        ; true
          -      ; ~1.4.2          ; 1.5.0        ; false
          -      ; 1.x             ; 1.0.1        ; true
          -      ; >=2.0.0-rc.0    ; 2.0.0-rc.2   ; true
          main   ; ^1              ; main         ; true
          main   ; ^1              ; 1.9.0        ; true
          -      ; -               ; latest       ; false
          """)
  void acceptsTheFollowedTagAndTagsInTheRange(
      String tag, String range, String version, boolean accepted) {
    assertThat(policy(tag, range).accepts(version)).isEqualTo(accepted);
  }

  @ParameterizedTest(name = "branch {0}: {1}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          main            ; true
          main2           ; false
          release/1.4     ; true
          release/1.4/fix ; false
          hotfix/a/b      ; true
          feature/main    ; false
          """)
  void followsBranchesByGlob(String branch, boolean followed) {
    assertThat(policy(null, null).followsBranch(branch)).isEqualTo(followed);
  }

  @ParameterizedTest(name = "git tag {0} with range {1}: {2}")
  @CsvSource(
      delimiter = ';',
      nullValues = "-",
      textBlock =
          """
          v1.4.2      ; -        ; v1.4.2
          v1.4.2      ; ^1.4     ; 1.4.2
          1.4.2       ; -        ; -
          release-7   ; -        ; release-7
          release-77  ; -        ; -
          v2.0.0      ; ^1.4     ; -
          v1.5.0-rc.1 ; ^1.4     ; -
          vnext       ; ^1.4     ; -
          vnext       ; -        ; vnext
          """)
  void givesTheVersionOfAFollowedGitTag(String gitTag, String range, String version) {
    assertThat(policy(null, range).versionOfGitTag(gitTag)).isEqualTo(Optional.ofNullable(version));
  }

  @Test
  void isBuiltFromAutoDeployConfig() {
    AutoDeployConfig config =
        new AutoDeployConfig(
            Optional.of(new WatchConfig("edge", Duration.ofSeconds(30), 0.1)),
            Optional.empty(),
            Optional.of(SemverRange.parse("^1.4")),
            List.of("main"),
            List.of("v*"),
            Optional.empty(),
            Optional.of("GH"),
            Optional.empty());

    assertThat(DeployPolicy.of("hello", config))
        .isEqualTo(
            new DeployPolicy(
                "hello", Optional.of("edge"), Optional.of("^1.4"), List.of("main"), List.of("v*")));
  }

  @Test
  void rejectsAnInvalidRange() {
    assertThatThrownBy(() -> policy(null, "^1.x.3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'1.x.3' has a number after a wildcard");
  }
}
