package dev.dray.config;

import java.util.Map;

/**
 * A service as read, with the config nodes the cross-service checks point at.
 *
 * @param config the service
 * @param node the service's node; its key names the service
 * @param dependencies the node naming each entry of {@code depends_on}, by service name
 * @param publicPort the node the public port was read from, when the service has one
 */
record ServiceEntry(
    ServiceConfig config,
    ConfigNode node,
    Map<String, ConfigNode> dependencies,
    ConfigNode publicPort) {
  String name() {
    return config.name();
  }
}
