package dev.dray.server;

import dev.dray.config.ConfigLoader;
import dev.dray.config.DrayConfig;
import dev.dray.engine.DockerEngine;
import dev.dray.proxy.HaproxyEdgeProxy;
import dev.dray.proxy.ProxySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Apps for server tests: a dray.yml with a web and a worker service, and its (idle) proxy. */
public final class TestApps {
  private TestApps() {}

  public static DrayConfig config(Path dir, String app) {
    try {
      Path appDir = Files.createDirectories(dir.resolve("apps").resolve(app));
      Path file =
          Files.writeString(
              appDir.resolve("dray.yml"),
              """
              service: %s
              image: 127.0.0.1:5000/it-server-core/%s
              servers: [local]
              proxy:
                port: 18080
                bind: 127.0.0.1
              services:
                web:
                  port: 80
                worker:
                  role: worker
                  command: [sh, -c, "sleep 600"]
              """
                  .formatted(app, app));
      return ConfigLoader.load(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code app} served with an edge proxy whose state lives under {@code dir} (not running). */
  public static ServedApp served(Path dir, String app) {
    return new ServedApp(
        config(dir, app),
        new HaproxyEdgeProxy(
            new ProxySettings(
                dir.resolve("proxy").resolve(app), "haproxy", Duration.ofMillis(250))));
  }

  /** An engine for tests whose requests never reach it: every call fails the test. */
  public static DockerEngine unusedEngine() {
    return (DockerEngine)
        Proxy.newProxyInstance(
            DockerEngine.class.getClassLoader(),
            new Class<?>[] {DockerEngine.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                return null;
              }
              throw new AssertionError(
                  "the engine was not to be used, but got " + method.getName());
            });
  }
}
