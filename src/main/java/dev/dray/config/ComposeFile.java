package dev.dray.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Compose file read as dray's services: the services, the migration taken from its {@code
 * migrate} service, and the image tags it was written with, which dray does not deploy by itself
 * (the version is chosen at deploy time) but reports as the file's default version.
 *
 * @param file the Compose file, absolute
 * @param services the services in file order, without {@code migrate}
 * @param migrate the {@code migrate} service as a migration, if there is one
 * @param defaultTags the tag of each service's {@code image} after interpolation, by service name,
 *     for services whose image has one (such as {@code latest} from {@code
 *     ghcr.io/acme/tts:${IMAGE_TAG:-latest}})
 * @param warnings variables used without a value that became empty strings, one line each with
 *     where it was used, as {@code docker compose} warns about them
 */
public record ComposeFile(
    Path file,
    List<ServiceConfig> services,
    Optional<MigrateConfig> migrate,
    Map<String, String> defaultTags,
    List<String> warnings) {
  public ComposeFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(migrate, "migrate");
    services = List.copyOf(services);
    defaultTags = Collections.unmodifiableMap(new LinkedHashMap<>(defaultTags));
    warnings = List.copyOf(warnings);
  }

  /**
   * The version the file names: the tag every tagged service image has, when they agree; empty when
   * no image has a tag or their tags differ.
   */
  public Optional<String> defaultVersion() {
    Collection<String> tags = defaultTags.values();
    return tags.stream().distinct().count() == 1 ? tags.stream().findFirst() : Optional.empty();
  }
}
