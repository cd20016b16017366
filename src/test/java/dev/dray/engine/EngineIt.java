package dev.dray.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Shared set-up of the integration tests against the real dockerd and registries. */
final class EngineIt {
  static final String BASE = "127.0.0.1:5000/dray/busybox:1";
  static final String OPEN_REGISTRY = "127.0.0.1:5000";
  static final String AUTH_REGISTRY = "127.0.0.1:5001";
  static final String AUTH_JSON =
      "{\"username\":\"dray\",\"password\":\"dray-secret\",\"serveraddress\":\"127.0.0.1:5001\"}";

  private EngineIt() {}

  /** Connects to the local engine, failing the test with what to run when it is not there. */
  static HttpDockerEngine connect() {
    HttpDockerEngine engine;
    try {
      engine = HttpDockerEngine.connect();
    } catch (EngineUnreachableException e) {
      throw new AssertionError(
          "dockerd is not reachable: run scripts/test-env.sh up\n" + e.getMessage(), e);
    }
    if (engine.inspectImage(BASE).isEmpty()) {
      engine.close();
      throw new AssertionError(
          "the base image " + BASE + " is missing: run scripts/test-env.sh up");
    }
    return engine;
  }

  /** A short random token that makes a build step new to every cache. */
  static String token() {
    return UUID.randomUUID().toString().substring(0, 12);
  }

  /** A context directory holding only {@code Dockerfile} with the given text. */
  static Path context(Path dir, String dockerfile) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    return dir;
  }
}
