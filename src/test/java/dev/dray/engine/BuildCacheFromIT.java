package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.Secret;
import dev.dray.image.ImageRef;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage image built with inline cache and pushed lets a fresh builder (no local images, no build
 * cache) reuse the stage's steps through {@code cachefrom}, without a BuildKit session.
 */
class BuildCacheFromIT {
  private static final String TOKEN = EngineIt.token();
  private static final ImageRef CACHE =
      ImageRef.parse("127.0.0.1:5000/it-engine/cache-" + TOKEN + ":cache-deps");
  private static HttpDockerEngine engine;

  @BeforeAll
  static void connect() {
    engine = EngineIt.connect();
  }

  @AfterAll
  static void cleanUp() {
    if (engine != null) {
      engine.removeImage(CACHE.toString(), true);
      engine.close();
    }
  }

  @Test
  void aPushedStageImageServesAsCacheAfterTheBuilderCacheIsPruned(@TempDir Path tmp)
      throws Exception {
    Path context =
        EngineIt.context(
            tmp,
            """
            FROM %s AS deps
            RUN echo %s > /deps.txt && sleep 1
            FROM deps
            RUN cat /deps.txt
            """
                .formatted(EngineIt.BASE, TOKEN));
    String run = "[deps 2/2] RUN echo " + TOKEN + " > /deps.txt && sleep 1";
    BuildResult stage =
        engine.build(
            BuildRequest.builder(context)
                .target("deps")
                .buildArg("BUILDKIT_INLINE_CACHE", "1")
                .tag(CACHE.toString())
                .build(),
            BuildListener.NONE);
    assertThat(vertex(stage, run).cached()).isFalse();
    engine.push(CACHE, Optional.empty(), ProgressListener.NONE);
    engine.removeImage(CACHE.toString(), true);
    engine.removeImage(stage.imageId(), true);
    engine.pruneBuildCache();

    BuildResult rebuilt =
        engine.build(
            BuildRequest.builder(context).target("deps").cacheFrom(CACHE.toString()).build(),
            BuildListener.NONE);

    assertThat(vertex(rebuilt, run).cached()).isTrue();
    assertThat(rebuilt.vertices())
        .anySatisfy(v -> assertThat(v.name()).startsWith("importing cache manifest from"));
    engine.removeImage(rebuilt.imageId(), true);
  }

  @Test
  void aCacheImageInAnAuthRegistryIsUsableOnlyAfterPullingItWithCredentials(@TempDir Path tmp)
      throws Exception {
    ImageRef cache = ImageRef.parse("127.0.0.1:5001/it-engine/cache-" + TOKEN + ":cache-final");
    Path context =
        EngineIt.context(
            tmp, "FROM %s\nRUN echo private-%s > /p.txt\n".formatted(EngineIt.BASE, TOKEN));
    String run = "[2/2] RUN echo private-" + TOKEN + " > /p.txt";
    Optional<Secret> auth = Optional.of(Secret.of(EngineIt.AUTH_JSON));
    BuildResult built =
        engine.build(
            BuildRequest.builder(context)
                .buildArg("BUILDKIT_INLINE_CACHE", "1")
                .tag(cache.toString())
                .build(),
            BuildListener.NONE);
    engine.push(cache, auth, ProgressListener.NONE);
    engine.removeImage(cache.toString(), true);
    engine.removeImage(built.imageId(), true);
    engine.pruneBuildCache();
    BuildRequest withCache = BuildRequest.builder(context).cacheFrom(cache.toString()).build();

    BuildResult withoutSession = engine.build(withCache, BuildListener.NONE);

    assertThat(vertex(withoutSession, run).cached()).isFalse();
    assertThat(vertex(withoutSession, "importing cache manifest from " + cache).error())
        .contains("no active sessions");

    engine.removeImage(withoutSession.imageId(), true);
    engine.pruneBuildCache();
    engine.pull(cache, auth, ProgressListener.NONE);

    BuildResult afterPull = engine.build(withCache, BuildListener.NONE);

    assertThat(vertex(afterPull, run).cached()).isTrue();
    engine.removeImage(cache.toString(), true);
    engine.removeImage(afterPull.imageId(), true);
  }

  private static Vertex vertex(BuildResult result, String name) {
    return result.vertices().stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no vertex " + name + " in " + result.vertices()));
  }
}
