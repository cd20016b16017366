package dev.dray.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The proxy's config file, the persisted truth of its routes and servers: read back, and replaced
 * atomically only after {@code haproxy -c} accepted the new text.
 */
final class ProxyConfigFile {
  private final ProxySettings settings;
  private final HaproxyProcess haproxy;

  ProxyConfigFile(ProxySettings settings, HaproxyProcess haproxy) {
    this.settings = settings;
    this.haproxy = haproxy;
  }

  Path path() {
    return settings.configFile();
  }

  /** The config in the file, if there is a file. */
  Optional<HaproxyConfig> read() {
    Path file = settings.configFile();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          HaproxyConfigReader.read(Files.readString(file, StandardCharsets.UTF_8), settings));
    } catch (IOException e) {
      throw ioFailure("read", e);
    }
  }

  /** Writes {@code config} when it differs from the file; returns whether it did. */
  boolean write(HaproxyConfig config) {
    Path file = settings.configFile();
    String text = config.render();
    try {
      Files.createDirectories(settings.stateDir());
      if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
        return false;
      }
      Path next = file.resolveSibling(file.getFileName() + ".next");
      Files.writeString(next, text, StandardCharsets.UTF_8);
      try {
        haproxy.check(next);
      } catch (ProxyException e) {
        Files.deleteIfExists(next);
        throw e;
      }
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException e) {
      throw ioFailure("write", e);
    }
  }

  private ProxyConfigException ioFailure(String verb, IOException e) {
    return new ProxyConfigException(
        "cannot " + verb + " the proxy config " + settings.configFile(),
        String.valueOf(e.getMessage()),
        "check the state directory's permissions and free space");
  }
}
