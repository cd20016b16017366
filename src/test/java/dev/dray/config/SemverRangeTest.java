package dev.dray.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Semver ranges in node-semver's syntax: which versions each includes, and which texts fail. */
class SemverRangeTest {

  @ParameterizedTest(name = "{0} includes {1}: {2}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          >=1.2.0 <2.0.0    ; 1.2.0         ; true
          >=1.2.0 <2.0.0    ; 1.9.99        ; true
          >=1.2.0 <2.0.0    ; v1.4.0        ; true
          >=1.2.0 <2.0.0    ; 2.0.0         ; false
          >=1.2.0 <2.0.0    ; 1.1.9         ; false
          >=1.2.0 <2.0.0    ; 1.5.0-beta.1  ; false
          >=1.2.0 <2.0.0    ; latest        ; false
          >=1.2.0 <2.0.0    ; 1.4           ; false
          >= 1.2.0 < 2.0.0  ; 1.3.0         ; true
          >1.2.0            ; 1.2.0         ; false
          >1.2.0            ; 1.2.1         ; true
          <=1.2.0           ; 1.2.0         ; true
          1.2.3             ; 1.2.3         ; true
          1.2.3             ; 1.2.4         ; false
          =1.2.3            ; 1.2.3+build.7 ; true
          ^1.4              ; 1.4.0         ; true
          ^1.4              ; 1.99.0        ; true
          ^1.4              ; 2.0.0         ; false
          ^1.4              ; 1.3.9         ; false
          ^1.4              ; 1.5.0-rc.1    ; false
          ^0.2.3            ; 0.2.9         ; true
          ^0.2.3            ; 0.3.0         ; false
          ^0.0.3            ; 0.0.3         ; true
          ^0.0.3            ; 0.0.4         ; false
          ^0                ; 0.9.0         ; true
          ^0                ; 1.0.0         ; false
          ~1.4.2            ; 1.4.2         ; true
          ~1.4.2            ; 1.4.9         ; true
          ~1.4.2            ; 1.5.0         ; false
          ~1.4.2            ; 1.4.1         ; false
          ~1.4              ; 1.4.0         ; true
          ~1                ; 1.9.0         ; true
          ~1                ; 2.0.0         ; false
          1.x               ; 1.0.0         ; true
          1.x               ; 1.99.3        ; true
          1.x               ; 2.0.0         ; false
          1.x               ; 0.9.0         ; false
          1.2.x             ; 1.2.7         ; true
          1.2.x             ; 1.3.0         ; false
          1.*               ; 1.3.0         ; true
          1                 ; 1.3.0         ; true
          *                 ; 9.9.9         ; true
          *                 ; 9.9.9-rc.1    ; false
          >1.2              ; 1.2.9         ; false
          >1.2              ; 1.3.0         ; true
          <=1.2             ; 1.2.9         ; true
          <=1.2             ; 1.3.0         ; false
          <2                ; 1.99.0        ; true
          <2                ; 2.0.0         ; false
          1.2.3 - 1.4       ; 1.4.9         ; true
          1.2.3 - 1.4       ; 1.5.0         ; false
          1.2.3 - 1.4.0     ; 1.4.1         ; false
          1.2.3 - 1.4.0     ; 1.2.2         ; false
          ^1 || ^3          ; 3.1.0         ; true
          ^1 || ^3          ; 2.1.0         ; false
          >=2.0.0-rc.0      ; 2.0.0-rc.1    ; true
          >=2.0.0-rc.0      ; 2.0.0-beta.1  ; false
          >=2.0.0-rc.0      ; 2.0.0         ; true
          >=2.0.0-rc.0      ; 2.1.0-rc.1    ; false
          >=2.0.0-rc.2      ; 2.0.0-rc.10   ; true
          >=2.0.0-rc.2      ; 2.0.0-rc.1    ; false
          ^1.2.3-beta.2     ; 1.2.3-beta.3  ; true
          ^1.2.3-beta.2     ; 1.2.4-beta.3  ; false
          ^1.2.3-beta.2     ; 1.2.4         ; true
          >=2.0.0-alpha.1   ; 2.0.0-alpha.beta ; true
          >=2.0.0-alpha.1   ; 2.0.0-alpha   ; false
          <*                ; 0.0.0         ; false
          """)
  void includesVersionsAsNodeSemverDoes(String range, String version, boolean included) {
    assertThat(SemverRange.parse(range).includes(version)).isEqualTo(included);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '"',
      textBlock =
          """
          1.x.3          => '1.x.3' has a number after a wildcard; write it like 1.x or 1.2.x
          >=1.2.0 <2.0.a => '2.0.a' is not a version like 1, 1.4 or 1.4.2
          latest         => 'latest' is not a version like 1, 1.4 or 1.4.2
          ^1 ||          => an alternative around || is empty
          1.2-rc.1       => '1.2-rc.1' is not a version like 1, 1.4 or 1.4.2
          01.2.3         => '01.2.3' is not a version like 1, 1.4 or 1.4.2
          """)
  void rejectsTextThatIsNoRangeSayingWhichPart(String range, String reason) {
    assertThatThrownBy(() -> SemverRange.parse(range))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(reason);
  }
}
