package dev.dray.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.deploy.TestServices;
import dev.dray.deploy.VersionImages;
import dev.dray.engine.DockerEngine;
import dev.dray.image.ImageRef;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compose: docker-compose.yml}: the services of an existing Compose file deploy and serve
 * behind the proxy, the version coming from the file's {@code ${IMAGE_TAG:-v1}} tag.
 */
class ComposeDeployIT {
  private static final String TOKEN = UUID.randomUUID().toString().substring(0, 8);
  private static final ImageRef REPO =
      ImageRef.parse("127.0.0.1:5000/it-deploy-compose/web-" + TOKEN);
  private static DockerEngine engine;
  private static VersionImages images;

  @TempDir Path tmp;
  private DeployProject project;

  @BeforeAll
  static void pushVersions() {
    engine = TestServices.engine();
    images = new VersionImages(engine, REPO);
    images.push("v1", true);
    images.push("v2", true);
  }

  @AfterEach
  void stop() {
    if (project != null) {
      project.close();
    }
  }

  @AfterAll
  static void removeImages() {
    if (engine != null) {
      images.removeLocal();
      engine.close();
    }
  }

  @Test
  void servicesOfAComposeFileDeployAndServeAtTheVersionItsImageTagNames() throws Exception {
    project = DeployProject.create(tmp, engine, "cmp");
    project.writeConfig(REPO.name(), "compose: docker-compose.yml\n");
    project.write(
        "docker-compose.yml",
        """
        services:
          web:
            image: %s:${IMAGE_TAG:-v1}
            ports: ["80"]
            environment:
              MODE: compose
            healthcheck:
              test: ["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1/up || exit 1"]
              interval: 1s
              timeout: 2s
              retries: 20
          worker:
            image: %s:${IMAGE_TAG:-v1}
            command: sh -c "while true; do sleep 1; done"
            depends_on: [web]
        """
            .formatted(REPO.name(), REPO.name()));

    CliRun first = project.dray("deploy");
    assertThat(first.code()).as(first.transcript()).isZero();
    assertThat(first.out())
        .as(first.transcript())
        .contains("deploy " + project.app + " v1")
        .contains("deploy of " + project.app + " v1 succeeded");
    assertThat(project.get("/version")).isEqualTo("v1");

    CliRun status = project.dray("status");
    assertThat(status.code()).as(status.transcript()).isZero();
    assertThat(status.outLines())
        .as("the Compose healthcheck runs as the container's HEALTHCHECK: " + status.transcript())
        .anySatisfy(l -> assertThat(l).contains("web", "v1", "health healthy"))
        .anySatisfy(l -> assertThat(l).contains("worker", "v1"));

    CliRun second = project.dray(project.env("IMAGE_TAG", "v2"), "deploy");
    assertThat(second.code()).as(second.transcript()).isZero();
    assertThat(second.out())
        .as(second.transcript())
        .contains("deploy of " + project.app + " v2 succeeded");
    assertThat(project.get("/version")).isEqualTo("v2");
  }
}
