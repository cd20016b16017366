package dev.dray.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {
  @Test
  void parsesBearerWithQuotedCommasInScope() {
    List<AuthChallenge> parsed =
        AuthChallenge.parse(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:samalba/my-app:pull,push\"");

    assertThat(parsed)
        .containsExactly(
            new AuthChallenge.Bearer(
                "https://auth.docker.io/token",
                Optional.of("registry.docker.io"),
                Optional.of("repository:samalba/my-app:pull,push")));
  }

  @Test
  void parsesBasicWithCaseInsensitiveSchemeAndSpaces() {
    assertThat(AuthChallenge.parse("basic  realm = \"dray-test\""))
        .containsExactly(new AuthChallenge.Basic("dray-test"));
  }

  @Test
  void parsesBearerWithoutScopeOrService() {
    assertThat(AuthChallenge.parse("Bearer realm=\"http://h/token\""))
        .containsExactly(
            new AuthChallenge.Bearer("http://h/token", Optional.empty(), Optional.empty()));
  }

  @Test
  void parsesSeveralChallengesInOneHeader() {
    assertThat(AuthChallenge.parse("Basic realm=\"a\", Bearer realm=\"b\",service=\"s\""))
        .containsExactly(
            new AuthChallenge.Basic("a"),
            new AuthChallenge.Bearer("b", Optional.of("s"), Optional.empty()));
  }

  @Test
  void prefersBearerOverBasicAndUnknown() {
    assertThat(
            AuthChallenge.select(List.of("Negotiate", "Basic realm=\"a\"", "Bearer realm=\"b\"")))
        .contains(new AuthChallenge.Bearer("b", Optional.empty(), Optional.empty()));
    assertThat(AuthChallenge.select(List.of("Negotiate")))
        .contains(new AuthChallenge.Unknown("Negotiate"));
    assertThat(AuthChallenge.select(List.of())).isEmpty();
  }

  @Test
  void unescapesBackslashesInQuotedValues() {
    assertThat(AuthChallenge.parse("Basic realm=\"say \\\"hi\\\"\""))
        .containsExactly(new AuthChallenge.Basic("say \"hi\""));
  }
}
