package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dray.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerSpecTest {

  @Test
  void toStringShowsSecretNamesButNeverValues() {
    ContainerSpec spec =
        ContainerSpec.builder("hello-web-1-1", "app:1")
            .env("LOG_LEVEL", "info")
            .secretEnv("DB_PASSWORD", Secret.of("s3cr3t-value"))
            .build();

    assertThat(spec.toString())
        .contains("DB_PASSWORD=******", "LOG_LEVEL=info")
        .doesNotContain("s3cr3t-value");
  }

  @Test
  void withNameKeepsEverythingElse() {
    ContainerSpec spec =
        ContainerSpec.builder("hello-web-1-1", "app:1").env("A", "1").publishPort(80).build();

    ContainerSpec renamed = spec.withName("hello-migrate-1-1");

    assertThat(renamed.name()).isEqualTo("hello-migrate-1-1");
    assertThat(renamed.withName("hello-web-1-1")).isEqualTo(spec);
  }

  @Test
  void rejectsAVariableSetBothPlainAndSecretWithoutShowingTheValue() {
    assertThatThrownBy(
            () ->
                ContainerSpec.builder("w-1", "app:1")
                    .env("TOKEN", "plain")
                    .secretEnv("TOKEN", Secret.of("hidden-value"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TOKEN")
        .hasMessageNotContaining("hidden-value");
  }

  @Test
  void rejectsInvalidParts() {
    List<Runnable> invalid =
        List.of(
            () -> ContainerSpec.builder("-bad", "app:1").build(),
            () -> ContainerSpec.builder("a b", "app:1").build(),
            () -> ContainerSpec.builder("w-1", " ").build(),
            () -> ContainerSpec.builder("w-1", "app:1").env("A=B", "x").build(),
            () -> ContainerSpec.builder("w-1", "app:1").publishPort(0).build(),
            () -> ContainerSpec.builder("w-1", "app:1").publishPort(70000).build(),
            () -> ContainerSpec.builder("w-1", "app:1").gpus("some").build(),
            () -> ContainerSpec.builder("w-1", "app:1").gpus("0").build(),
            () -> ContainerSpec.builder("w-1", "app:1").device("snd").build(),
            () -> ContainerSpec.builder("w-1", "app:1").device("/dev/a:/dev/b:xyz").build(),
            () -> ContainerSpec.builder("w-1", "app:1").bind("/data").build(),
            () -> ContainerSpec.builder("w-1", "app:1").bind("data:relative").build(),
            () -> ContainerSpec.builder("w-1", "app:1").restartPolicy("sometimes").build(),
            () -> ContainerSpec.builder("w-1", "app:1").restartPolicy("on-failure:x").build(),
            () ->
                ContainerSpec.builder("w-1", "app:1").stopTimeout(Duration.ofSeconds(-1)).build());

    for (Runnable build : invalid) {
      assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void acceptsTheDockerRunDeviceForms() {
    assertThat(DeviceMapping.parse("/dev/snd"))
        .isEqualTo(new DeviceMapping("/dev/snd", "/dev/snd", "rwm"));
    assertThat(DeviceMapping.parse("/dev/snd:r"))
        .isEqualTo(new DeviceMapping("/dev/snd", "/dev/snd", "r"));
    assertThat(DeviceMapping.parse("/dev/a:/dev/b"))
        .isEqualTo(new DeviceMapping("/dev/a", "/dev/b", "rwm"));
  }

  @Test
  void rejectsHealthChecksTheEngineWouldRefuse() {
    assertThatThrownBy(
            () ->
                new HealthSpec(
                    List.of("curl", "x"), Duration.ZERO, Duration.ZERO, 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CMD, CMD-SHELL or NONE");
    assertThatThrownBy(
            () -> HealthSpec.shell("true", Duration.ofNanos(500), Duration.ZERO, 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1ms");
    assertThatThrownBy(
            () -> HealthSpec.shell("true", Duration.ZERO, Duration.ZERO, -1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
