package dev.dray.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
  private static final Map<String, String> ENV = Map.of("CI", "true");

  @Test
  void versionPrintsDrayAndAVersion() {
    CliRun run = CliRun.of(ENV, "--version");

    assertThat(run.code()).as(run.transcript()).isZero();
    assertThat(run.outLines()).singleElement().asString().matches("dray \\S+");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void helpListsEveryCommand() {
    CliRun run = CliRun.of(ENV, "--help");

    assertThat(run.code()).as(run.transcript()).isZero();
    assertThat(run.out()).startsWith("Usage: dray");
    assertThat(run.outLines())
        .anySatisfy(l -> assertThat(l).matches("\\s+build\\s+\\S.*"))
        .anySatisfy(l -> assertThat(l).matches("\\s+builds\\s+\\S.*"))
        .anySatisfy(l -> assertThat(l).matches("\\s+tags\\s+\\S.*"))
        .anySatisfy(l -> assertThat(l).matches("\\s+doctor\\s+\\S.*"));
  }

  @Test
  void unknownOptionExitsWithUsageOnStderr() {
    CliRun run = CliRun.of(ENV, "--frobnicate");

    assertThat(run.code()).as(run.transcript()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--frobnicate'").contains("Usage: dray");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void mistypedBuildOptionSuggestsTheRealOne() {
    CliRun run = CliRun.of(ENV, "build", "--pushh");

    assertThat(run.code()).as(run.transcript()).isEqualTo(2);
    assertThat(run.err())
        .contains("Unknown option: '--pushh'")
        .contains("Possible solutions: --push");
    assertThat(run.out()).isEmpty();
  }
}
