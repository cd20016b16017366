package dev.dray.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@code --server} / {@code DRAY_SERVER} and {@code DRAY_SERVER_TOKEN} are read. */
class ServerTargetTest {
  private static final Map<String, String> TOKEN = Map.of("DRAY_SERVER_TOKEN", " tok-en \n");

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:7070, http://127.0.0.1:7070/",
    "127.0.0.1:7070, http://127.0.0.1:7070/",
    "  HTTP://dray.lan:7070/  , http://dray.lan:7070/",
    "https://ops.example.com/dray, https://ops.example.com/dray/",
    "http://[::1]:7070, http://[::1]:7070/",
  })
  void readsTheBaseUrlWithATrailingSlashAndHttpByDefault(String given, String base) {
    ServerTarget t = ServerTarget.of(given, "--server", TOKEN);

    assertThat(t.base()).hasToString(base);
    assertThat(t.token().reveal()).isEqualTo("tok-en");
  }

  @Test
  void keepsAPathPrefixWhenResolvingApiPaths() {
    ServerTarget t = ServerTarget.of("https://ops.example.com/dray", "--server", TOKEN);

    assertThat(t.resolve("api/apps")).hasToString("https://ops.example.com/dray/api/apps");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://127.0.0.1:7070 | only http and https",
        "http://:7070 | no host",
        "http:// | Expected authority",
        "http://127.0.0.1:7070/?token=x | no query",
        "http://exa mple | is not a dray server URL",
      })
  void refusesWhatIsNotAnHttpUrl(String given, String why) {
    assertThatThrownBy(() -> ServerTarget.of(given, "DRAY_SERVER", TOKEN))
        .isInstanceOf(CliInputException.class)
        .hasMessageStartingWith("DRAY_SERVER '" + given + "'")
        .hasMessageContaining(why);
  }

  @Test
  void refusesCredentialsInTheUrlWithoutRepeatingThem() {
    assertThatThrownBy(() -> ServerTarget.of("http://me:s3cret@127.0.0.1:7070", "--server", TOKEN))
        .isInstanceOf(CliInputException.class)
        .hasMessage("--server must not carry credentials in the URL")
        .satisfies(
            e ->
                assertThat(((CliInputException) e).hint())
                    .hasValueSatisfying(
                        h -> assertThat(h).contains("DRAY_SERVER_TOKEN").doesNotContain("s3cret")));
  }

  @Test
  void needsTheTokenFromTheEnvironment() {
    assertThatThrownBy(() -> ServerTarget.of("127.0.0.1:7070", "--server", Map.of()))
        .isInstanceOf(CliInputException.class)
        .hasMessage(
            "dray server at http://127.0.0.1:7070/ (from --server) needs its API token, but"
                + " DRAY_SERVER_TOKEN is not set");
  }

  @Test
  void neverShowsTheToken() {
    ServerTarget t =
        ServerTarget.of("127.0.0.1:7070", "--server", Map.of("DRAY_SERVER_TOKEN", "tok"));

    assertThat(t.toString()).isEqualTo("http://127.0.0.1:7070/");
    assertThat(t.token().toString()).doesNotContain("tok");
  }
}
