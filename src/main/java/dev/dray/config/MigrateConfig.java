package dev.dray.config;

import java.util.List;
import java.util.Objects;

/**
 * A one-off container run from a service's new image, with that service's environment, before
 * traffic moves to the new version (database migrations).
 *
 * @param service the service whose new image and environment the container uses
 * @param command the command to run; empty for the image's own
 */
public record MigrateConfig(String service, List<String> command) {
  public MigrateConfig {
    Objects.requireNonNull(service, "service");
    command = List.copyOf(command);
  }
}
