package dev.dray.cli;

import dev.dray.config.ConfigLoader;
import dev.dray.config.ConfigNotFoundException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where {@code dray status} and {@code dray releases} read from: dray server's API when one is
 * configured ({@code --server URL} or {@code DRAY_SERVER}, token in {@code DRAY_SERVER_TOKEN}),
 * else this host's Docker engine and store.
 */
final class ServerOptions {
  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Read from dray server at URL (default: $DRAY_SERVER); the API token comes from"
              + " $DRAY_SERVER_TOKEN.")
  String server;

  @Option(
      names = "--local",
      description = "Read this host's Docker engine and store even when DRAY_SERVER is set.")
  boolean local;

  @Option(
      names = "--app",
      paramLabel = "NAME",
      description = "With a server: the app to read (default: the service of dray.yml).")
  String app;

  /**
   * The server to read from, if one is configured and {@code --local} is not given.
   *
   * @throws CliInputException when the options contradict each other, or the URL or token is bad
   */
  Optional<ServerTarget> target(Map<String, String> env) {
    if (local && server != null) {
      throw new CliInputException("--server and --local contradict each other", "give one of them");
    }
    if (local || (server == null && blank(env.get(ServerTarget.SERVER_ENV)))) {
      if (app != null) {
        throw new CliInputException(
            "--app needs a server: on this host the app is the service of dray.yml",
            "give --server URL (or set "
                + ServerTarget.SERVER_ENV
                + "), or pick the app's dray.yml with -c");
      }
      return Optional.empty();
    }
    return Optional.of(
        server != null
            ? ServerTarget.of(server, "--server", env)
            : ServerTarget.of(env.get(ServerTarget.SERVER_ENV), ServerTarget.SERVER_ENV, env));
  }

  /**
   * The app to ask the server about: {@code --app}, else the service of dray.yml; empty when
   * neither is there. A dray.yml given with {@code -c} must exist.
   */
  Optional<String> app(CommonOptions common, Map<String, String> env) {
    Optional<String> named = Optional.ofNullable(app).map(String::strip).filter(a -> !a.isEmpty());
    if (named.isPresent()) {
      return named;
    }
    try {
      Path here = Path.of("").toAbsolutePath();
      return Optional.of(
          ConfigLoader.load(ConfigLoader.locate(here, Optional.ofNullable(common.config)), env)
              .service());
    } catch (ConfigNotFoundException e) {
      if (common.config != null) {
        throw e;
      }
      return Optional.empty();
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
