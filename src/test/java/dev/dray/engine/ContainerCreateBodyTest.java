package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dray.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ContainerCreateBodyTest {

  private static JsonNode body(ContainerSpec spec) throws Exception {
    return EngineHttp.JSON.readTree(ContainerCreateBody.json(spec));
  }

  private static JsonNode json(String text) throws Exception {
    return EngineHttp.JSON.readTree(text);
  }

  @Test
  void aMinimalSpecKeepsTheImageDefaults() throws Exception {
    assertThat(body(ContainerSpec.builder("hello-web-1-1", "app:1").build()))
        .isEqualTo(
            json(
                """
                {"Image":"app:1","Env":[],"Labels":{},
                 "HostConfig":{"RestartPolicy":{"Name":"no","MaximumRetryCount":0},"Init":true}}
                """));
  }

  @Test
  void writesEveryPartOfAFullSpec() throws Exception {
    ContainerSpec spec =
        ContainerSpec.builder("hello-tts-abc1234-7", "127.0.0.1:5000/acme/tts:abc1234")
            .command("python", "-m", "tts")
            .env("LOG_LEVEL", "info")
            .env("A", "x=y")
            .secretEnv("DB_PASSWORD", Secret.of("s3cr3t"))
            .label("dray.app", "hello")
            .label("dray.role", "web")
            .bind("models:/models")
            .bind("/srv/conf:/etc/app:ro")
            .publishPort(8000)
            .gpus("all")
            .device("/dev/snd")
            .device("/dev/dri/card0:/dev/dri/card1:rw")
            .healthcheck(
                HealthSpec.shell(
                    "wget -q -O /dev/null http://127.0.0.1:8000/up || exit 1",
                    Duration.ofMillis(500),
                    Duration.ofSeconds(2),
                    30,
                    Duration.ofSeconds(5)))
            .restartPolicy("unless-stopped")
            .stopTimeout(Duration.ofMillis(10_500))
            .build();

    assertThat(body(spec))
        .isEqualTo(
            json(
                """
                {"Image":"127.0.0.1:5000/acme/tts:abc1234",
                 "Cmd":["python","-m","tts"],
                 "Env":["A=x=y","DB_PASSWORD=s3cr3t","LOG_LEVEL=info"],
                 "Labels":{"dray.app":"hello","dray.role":"web"},
                 "ExposedPorts":{"8000/tcp":{}},
                 "Healthcheck":{"Test":["CMD-SHELL","wget -q -O /dev/null http://127.0.0.1:8000/up || exit 1"],
                                "Interval":500000000,"Timeout":2000000000,"Retries":30,
                                "StartPeriod":5000000000},
                 "StopTimeout":11,
                 "HostConfig":{
                   "Binds":["models:/models","/srv/conf:/etc/app:ro"],
                   "PortBindings":{"8000/tcp":[{"HostIp":"127.0.0.1","HostPort":""}]},
                   "DeviceRequests":[{"Driver":"nvidia","Count":-1,"Capabilities":[["gpu"]]}],
                   "Devices":[
                     {"PathOnHost":"/dev/snd","PathInContainer":"/dev/snd","CgroupPermissions":"rwm"},
                     {"PathOnHost":"/dev/dri/card0","PathInContainer":"/dev/dri/card1","CgroupPermissions":"rw"}],
                   "RestartPolicy":{"Name":"unless-stopped","MaximumRetryCount":0},"Init":true}}
                """));
  }

  @Test
  void aGpuCountRequestsThatManyDevices() throws Exception {
    JsonNode body = body(ContainerSpec.builder("gpu-2", "app:1").gpus("2").build());

    assertThat(body.at("/HostConfig/DeviceRequests"))
        .isEqualTo(json("[{\"Driver\":\"nvidia\",\"Count\":2,\"Capabilities\":[[\"gpu\"]]}]"));
  }

  @Test
  void onFailureCarriesItsRetryCount() throws Exception {
    JsonNode body =
        body(ContainerSpec.builder("w-1", "app:1").restartPolicy("on-failure:3").build());

    assertThat(body.at("/HostConfig/RestartPolicy"))
        .isEqualTo(json("{\"Name\":\"on-failure\",\"MaximumRetryCount\":3}"));
  }

  @Test
  void aDefaultHealthCheckPartIsSentAsZero() throws Exception {
    HealthSpec health =
        new HealthSpec(
            java.util.List.of("CMD", "/bin/check", "--fast"),
            Duration.ZERO,
            Duration.ZERO,
            0,
            Duration.ZERO);

    JsonNode body = body(ContainerSpec.builder("w-1", "app:1").healthcheck(health).build());

    assertThat(body.get("Healthcheck"))
        .isEqualTo(
            json(
                """
                {"Test":["CMD","/bin/check","--fast"],"Interval":0,"Timeout":0,"Retries":0,
                 "StartPeriod":0}
                """));
  }

  @Test
  void theBodyObjectDoesNotShowSecretValues() {
    ContainerSpec spec =
        ContainerSpec.builder("w-1", "app:1").secretEnv("TOKEN", Secret.of("hunter2")).build();

    assertThat(ContainerCreateBody.of(spec).toString()).doesNotContain("hunter2");
  }
}
