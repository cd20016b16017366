package dev.dray.proxy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the edge proxy keeps its files and how it checks servers.
 *
 * @param stateDir holds the config ({@code haproxy.cfg}), pid file ({@code haproxy.pid}), admin
 *     socket ({@code admin.sock}) and haproxy's start-up output ({@code haproxy.out})
 * @param haproxyBinary the haproxy executable, a path or a name found on {@code PATH}
 * @param checkInterval how often a server is health-checked ({@code inter}); a new server is up
 *     after two passing checks
 */
public record ProxySettings(Path stateDir, String haproxyBinary, Duration checkInterval) {

  /**
   * The longest admin socket path kept: a unix socket path holds at most 107 bytes, and haproxy
   * first binds a temporary name with {@code .<pid>.tmp} appended.
   */
  static final int MAX_SOCKET_PATH = 92;

  public ProxySettings {
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(haproxyBinary, "haproxyBinary");
    Objects.requireNonNull(checkInterval, "checkInterval");
    stateDir = stateDir.toAbsolutePath().normalize();
    if (haproxyBinary.isBlank()) {
      throw new IllegalArgumentException("haproxy binary must not be blank");
    }
    if (checkInterval.toMillis() < 10) {
      throw new IllegalArgumentException(
          "check interval must be at least 10ms, got " + checkInterval.toMillis() + "ms");
    }
    if (stateDir.toString().chars().anyMatch(c -> c <= ' ' || "\"'\\#$".indexOf(c) >= 0)) {
      throw new ProxyConfigException(
          "the proxy state directory " + stateDir + " holds a space, quote, #, $ or backslash",
          "",
          "choose a state directory whose path haproxy's config can hold unquoted");
    }
    int length = stateDir.resolve("admin.sock").toString().getBytes(StandardCharsets.UTF_8).length;
    if (length > MAX_SOCKET_PATH) {
      throw new ProxyConfigException(
          "the proxy state directory "
              + stateDir
              + " is too long for a unix socket path ("
              + length
              + " bytes, at most "
              + MAX_SOCKET_PATH
              + ")",
          "",
          "choose a shorter state directory");
    }
  }

  /** Settings with {@code haproxy} from {@code PATH} and checks every 250 ms. */
  public static ProxySettings defaults(Path stateDir) {
    return new ProxySettings(stateDir, "haproxy", Duration.ofMillis(250));
  }

  public Path configFile() {
    return stateDir.resolve("haproxy.cfg");
  }

  public Path pidFile() {
    return stateDir.resolve("haproxy.pid");
  }

  public Path socketFile() {
    return stateDir.resolve("admin.sock");
  }

  /** What the last haproxy start, reload or config check printed. */
  public Path outputFile() {
    return stateDir.resolve("haproxy.out");
  }
}
