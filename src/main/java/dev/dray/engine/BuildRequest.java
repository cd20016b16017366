package dev.dray.engine;

import dev.dray.image.ImageRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build: a context directory, the Dockerfile inside it, the stage to stop at, build
 * arguments, tags, cache sources and labels. Tags and cache sources are validated as image
 * references.
 */
public record BuildRequest(
    Path context,
    String dockerfile,
    Optional<String> target,
    Map<String, String> buildArgs,
    List<String> tags,
    List<String> cacheFrom,
    Map<String, String> labels,
    boolean noCache,
    boolean pull,
    Optional<String> platform) {

  public BuildRequest {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(dockerfile, "dockerfile");
    String clean = IgnorePattern.clean(dockerfile);
    if (dockerfile.isBlank() || Path.of(dockerfile).isAbsolute() || clean.startsWith("..")) {
      throw new IllegalArgumentException(
          "dockerfile must be a path inside the context, not '" + dockerfile + "'");
    }
    target = target.filter(t -> !t.isBlank());
    buildArgs = Map.copyOf(buildArgs);
    tags = List.copyOf(tags);
    cacheFrom = List.copyOf(cacheFrom);
    labels = Map.copyOf(labels);
    platform = platform.filter(p -> !p.isBlank());
    tags.forEach(ImageRef::parse);
    cacheFrom.forEach(ImageRef::parse);
  }

  /** Starts a request for {@code context} with its {@code Dockerfile} and nothing else set. */
  public static Builder builder(Path context) {
    return new Builder(context);
  }

  /** Collects a {@link BuildRequest}'s optional parts. */
  public static final class Builder {
    private final Path context;
    private String dockerfile = "Dockerfile";
    private String target;
    private final Map<String, String> buildArgs = new LinkedHashMap<>();
    private final List<String> tags = new ArrayList<>();
    private final List<String> cacheFrom = new ArrayList<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private boolean noCache;
    private boolean pull;
    private String platform;

    private Builder(Path context) {
      this.context = context;
    }

    public Builder dockerfile(String path) {
      this.dockerfile = path;
      return this;
    }

    public Builder target(String stage) {
      this.target = stage;
      return this;
    }

    public Builder buildArg(String name, String value) {
      buildArgs.put(name, value);
      return this;
    }

    public Builder tag(String ref) {
      tags.add(ref);
      return this;
    }

    public Builder cacheFrom(String ref) {
      cacheFrom.add(ref);
      return this;
    }

    public Builder label(String name, String value) {
      labels.put(name, value);
      return this;
    }

    public Builder noCache(boolean value) {
      this.noCache = value;
      return this;
    }

    public Builder pull(boolean value) {
      this.pull = value;
      return this;
    }

    public Builder platform(String value) {
      this.platform = value;
      return this;
    }

    public BuildRequest build() {
      return new BuildRequest(
          context,
          dockerfile,
          Optional.ofNullable(target),
          buildArgs,
          tags,
          cacheFrom,
          labels,
          noCache,
          pull,
          Optional.ofNullable(platform));
    }
  }
}
