package dev.dray.deploy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a backup records about the release being replaced and the one coming: images by digest and,
 * per service, the names of its environment variables and secrets — never their values.
 */
public record ReleaseSnapshot(
    String app,
    String deployId,
    String version,
    Map<String, String> images,
    Map<String, List<String>> envNames,
    Map<String, String> runningBefore,
    @JsonIgnore List<Path> configFiles) {
  public ReleaseSnapshot {
    images = Map.copyOf(images);
    envNames = Map.copyOf(envNames);
    runningBefore = Map.copyOf(runningBefore);
    configFiles = List.copyOf(configFiles);
  }
}
