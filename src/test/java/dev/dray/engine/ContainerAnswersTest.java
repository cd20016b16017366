package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerAnswersTest {
  private static final String ID =
      "53682e847100c4bc36d5beb78b1d009d1950bdc42de189be0c90362ffdee3f03";
  private static final String IMAGE_ID =
      "sha256:1839dd839f3583500e4582308ec30a9ae3184967f7bec7c285f55283f49b0317";

  private static ContainerDetails inspect(String json) throws Exception {
    return ContainerAnswers.details(EngineHttp.JSON.readValue(json, ContainerDtos.Inspect.class));
  }

  @Test
  void readsARunningHealthyContainerWithItsLoopbackPort() throws Exception {
    ContainerDetails details = inspect(CapturedContainers.RUNNING_HEALTHY);

    assertThat(details.id()).isEqualTo(ID);
    assertThat(details.name()).isEqualTo("probe-x2");
    assertThat(details.image()).isEqualTo("127.0.0.1:5000/dray/busybox:1");
    assertThat(details.imageId()).isEqualTo(IMAGE_ID);
    assertThat(details.labels()).isEqualTo(Map.of("dray.app", "probe"));
    assertThat(details.status()).isEqualTo("running");
    assertThat(details.running()).isTrue();
    assertThat(details.health()).contains("healthy");
    assertThat(details.healthy()).isTrue();
    assertThat(details.healthLog()).containsExactly("", "", "");
    assertThat(details.startedAt()).contains(Instant.parse("2026-11-22T06:09:40.683475632Z"));
    assertThat(details.finishedAt()).isEmpty();
    assertThat(details.publishedPorts()).isEqualTo(Map.of(8080, 32769));
    assertThat(details.hostPort(8080)).contains(32769);
    assertThat(details.hostPort(80)).isEmpty();
  }

  @Test
  void readsAnExitedContainerWithExitCodeRestartsAndProbeOutputs() throws Exception {
    ContainerDetails details = inspect(CapturedContainers.EXITED_UNHEALTHY);

    assertThat(details.status()).isEqualTo("exited");
    assertThat(details.running()).isFalse();
    assertThat(details.exitCode()).isEqualTo(3);
    assertThat(details.oomKilled()).isFalse();
    assertThat(details.error()).isEmpty();
    assertThat(details.restartCount()).isEqualTo(2);
    assertThat(details.health()).contains("unhealthy");
    assertThat(details.healthLog())
        .hasSize(5)
        .allSatisfy(
            line ->
                assertThat(line).isEqualTo("wget: server returned error: HTTP/1.1 404 Not Found"));
    assertThat(details.finishedAt()).contains(Instant.parse("2026-11-22T06:09:43.975908099Z"));
    assertThat(details.publishedPorts()).isEmpty();
  }

  @Test
  void aContainerWithoutHealthCheckOrStartHasNeither() throws Exception {
    ContainerDetails details =
        inspect(
            """
            {"Id":"abc","Name":"/fresh","Image":"sha256:1","RestartCount":0,
             "State":{"Status":"created","Running":false,"OOMKilled":false,"ExitCode":0,"Error":"",
                      "StartedAt":"0001-01-01T00:00:00Z","FinishedAt":"0001-01-01T00:00:00Z"},
             "Config":{"Image":"app:1","Labels":null},
             "NetworkSettings":{"Ports":{"80/tcp":null}}}
            """);

    assertThat(details.status()).isEqualTo("created");
    assertThat(details.health()).isEmpty();
    assertThat(details.healthLog()).isEmpty();
    assertThat(details.startedAt()).isEmpty();
    assertThat(details.labels()).isEmpty();
    assertThat(details.publishedPorts()).isEmpty();
  }

  @Test
  void anOomKilledContainerSaysSo() throws Exception {
    ContainerDetails details =
        inspect(
            """
            {"Id":"abc","Name":"/hog","Image":"sha256:1",
             "State":{"Status":"exited","Running":false,"OOMKilled":true,"ExitCode":137,
                      "Error":"","Health":{"Status":"none","Log":[]}}}
            """);

    assertThat(details.oomKilled()).isTrue();
    assertThat(details.exitCode()).isEqualTo(137);
    assertThat(details.health()).isEmpty();
  }

  @Test
  void publishedPortsPreferLoopbackThenAnyAddressAndSkipUdpAndIpv6Only() {
    Map<String, List<ContainerDtos.PortBinding>> ports =
        Map.of(
            "80/tcp", List.of(binding("0.0.0.0", "40080"), binding("127.0.0.1", "41080")),
            "81/tcp", List.of(binding("0.0.0.0", "40081"), binding("::", "40081")),
            "82/tcp", List.of(binding("::1", "40082")),
            "53/udp", List.of(binding("127.0.0.1", "40053")));

    assertThat(ContainerAnswers.publishedPorts(ports)).isEqualTo(Map.of(80, 41080, 81, 40081));
  }

  private static ContainerDtos.PortBinding binding(String ip, String port) {
    return new ContainerDtos.PortBinding(ip, port);
  }

  @Test
  void readsAListEntry() throws Exception {
    ContainerDtos.Listed[] listed =
        EngineHttp.JSON.readValue(CapturedContainers.LISTED, ContainerDtos.Listed[].class);

    ContainerSummary summary = ContainerAnswers.summary(listed[0]);

    assertThat(summary)
        .isEqualTo(
            new ContainerSummary(
                ID,
                "probe-x2",
                "127.0.0.1:5000/dray/busybox:1",
                IMAGE_ID,
                Map.of("dray.app", "probe"),
                "running",
                Optional.of(Instant.ofEpochSecond(1795327780L))));
    assertThat(summary.running()).isTrue();
  }
}
