package dev.dray.deploy;

import dev.dray.Secret;
import dev.dray.config.DeployConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link RolloutPlanner} needs: the app's deploy settings, the pinned image of each service,
 * what runs now, the secret values to hand to containers, and where relative paths start.
 */
public record RolloutInputs(
    String deployId,
    String app,
    String version,
    DeployConfig config,
    Map<String, String> images,
    Map<String, CurrentContainer> current,
    Map<String, Secret> secrets,
    Path configDir,
    List<Path> configFiles,
    String backupName,
    Set<String> profiles) {
  public RolloutInputs {
    images = Map.copyOf(images);
    current = Map.copyOf(current);
    secrets = Map.copyOf(secrets);
    profiles = Set.copyOf(profiles);
    configFiles = List.copyOf(configFiles);
  }
}
