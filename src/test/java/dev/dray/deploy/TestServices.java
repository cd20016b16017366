package dev.dray.deploy;

import dev.dray.engine.ContainerSummary;
import dev.dray.engine.DockerEngine;
import dev.dray.engine.HttpDockerEngine;
import dev.dray.engine.ProgressListener;
import dev.dray.image.ImageRef;
import dev.dray.proxy.HaproxyEdgeProxy;
import dev.dray.proxy.ProxySettings;
import dev.dray.registry.RegistryClient;
import dev.dray.registry.RegistryTransport;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The real services deploy integration tests need — dockerd, the open registry on 127.0.0.1:5000
 * with the offline base image, haproxy — checked up front so a missing one fails with what to run.
 */
public final class TestServices {
  /** The offline base image every test image is built from. */
  public static final String BASE = "127.0.0.1:5000/dray/busybox:1";

  private TestServices() {}

  /** A connected engine; fails the test when dockerd or the registry is not there. */
  public static DockerEngine engine() {
    DockerEngine engine;
    try {
      engine = HttpDockerEngine.connect();
      new RegistryClient(RegistryTransport.builder().build()).ping("127.0.0.1:5000");
    } catch (RuntimeException e) {
      throw new AssertionError(
          "dockerd and the registry on 127.0.0.1:5000 must run: scripts/test-env.sh up ("
              + e.getMessage()
              + ")",
          e);
    }
    if (engine.inspectImage(BASE).isEmpty()) {
      try {
        engine.pull(ImageRef.parse(BASE), Optional.empty(), ProgressListener.NONE);
      } catch (RuntimeException e) {
        throw new AssertionError(
            "the base image " + BASE + " is missing: run scripts/test-env.sh up", e);
      }
    }
    requireHaproxy();
    return engine;
  }

  /** Fails when {@code haproxy} is not on the PATH. */
  static void requireHaproxy() {
    try {
      Process p = new ProcessBuilder("haproxy", "-v").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new AssertionError("haproxy -v failed: install Debian's haproxy");
      }
    } catch (IOException e) {
      throw new AssertionError("haproxy is not on the PATH: install Debian's haproxy", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Removes what a test's deploys of {@code app} left on this host: stops the app's haproxy (its
   * state under {@code drayHome}) and removes the app's containers, running or not.
   */
  public static void removeApp(DockerEngine engine, Path drayHome, String app) {
    try {
      new HaproxyEdgeProxy(ProxySettings.defaults(drayHome.resolve("proxy").resolve(app))).stop();
    } finally {
      for (ContainerSummary c : engine.listContainers(Map.of(ContainerNames.APP, app), true)) {
        engine.removeContainer(c.id(), true);
      }
    }
  }

  /** A TCP port on 127.0.0.1 that was free a moment ago. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError("no free port", e);
    }
  }
}
