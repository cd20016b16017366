package dev.dray.server;

import dev.dray.config.DrayConfig;
import dev.dray.proxy.EdgeProxy;
import java.util.Objects;

/** An app the server serves: its dray.yml and the edge proxy in front of its web services. */
public record ServedApp(DrayConfig config, EdgeProxy proxy) {
  public ServedApp {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(proxy, "proxy");
  }

  /** The app's name: {@code service} in dray.yml. */
  public String name() {
    return config.service();
  }
}
