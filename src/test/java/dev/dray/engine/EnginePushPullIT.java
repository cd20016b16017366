package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dray.Secret;
import dev.dray.image.ImageRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnginePushPullIT {
  private static final String TOKEN = EngineIt.token();
  private static final Optional<Secret> AUTH = Optional.of(Secret.of(EngineIt.AUTH_JSON));
  private static HttpDockerEngine engine;
  private static String imageId;
  private static final List<ImageRef> created = new ArrayList<>();

  @BeforeAll
  static void buildAnImageWithANewLayer(@TempDir Path tmp) throws Exception {
    engine = EngineIt.connect();
    Path context =
        EngineIt.context(
            tmp, "FROM %s\nRUN echo %s > /token.txt\n".formatted(EngineIt.BASE, TOKEN));
    imageId = engine.build(BuildRequest.builder(context).build(), BuildListener.NONE).imageId();
  }

  @AfterAll
  static void cleanUp() {
    if (engine != null) {
      created.forEach(ref -> engine.removeImage(ref.toString(), true));
      if (imageId != null) {
        engine.removeImage(imageId, true);
      }
      engine.close();
    }
  }

  private static ImageRef tagged(String registry, String name) {
    ImageRef ref = ImageRef.parse(registry + "/it-engine/" + name + ":" + TOKEN);
    engine.tag(imageId, ref);
    created.add(ref);
    return ref;
  }

  @Test
  void pushToAnOpenRegistryYieldsTheManifestDigest() {
    ImageRef ref = tagged(EngineIt.OPEN_REGISTRY, "push");
    List<LayerProgress> progress = new ArrayList<>();

    PushResult result = engine.push(ref, Optional.empty(), progress::add);

    assertThat(result.size()).isPositive();
    assertThat(engine.inspectImage(ref.toString()).orElseThrow().repoDigests())
        .contains(ref.name() + "@" + result.digest());
    assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p.id()).isNotBlank());
    assertThat(progress.stream().filter(EnginePushPullIT::finished).map(LayerProgress::id))
        .containsExactlyInAnyOrderElementsOf(
            progress.stream().map(LayerProgress::id).distinct().toList());
  }

  private static boolean finished(LayerProgress p) {
    return p.status().equals("Pushed")
        || p.status().equals("Layer already exists")
        || p.status().startsWith("Mounted from");
  }

  @Test
  void pushWithoutCredentialsToTheAuthRegistryIsAnAuthError() {
    ImageRef ref = tagged(EngineIt.AUTH_REGISTRY, "auth-push");

    EngineAuthException e =
        catchThrowableOfType(
            EngineAuthException.class,
            () -> engine.push(ref, Optional.empty(), ProgressListener.NONE));

    assertThat(e.registry()).isEqualTo(EngineIt.AUTH_REGISTRY);
    assertThat(e.operation()).isEqualTo("push");
    assertThat(e.getMessage()).doesNotContain("dray-secret");
  }

  @Test
  void pushWithWrongPasswordIsAnAuthErrorThatHidesThePassword() {
    ImageRef ref = tagged(EngineIt.AUTH_REGISTRY, "auth-wrong");
    Optional<Secret> wrong =
        Optional.of(Secret.of("{\"username\":\"dray\",\"password\":\"not-the-secret-42\"}"));

    EngineAuthException e =
        catchThrowableOfType(
            EngineAuthException.class, () -> engine.push(ref, wrong, ProgressListener.NONE));

    assertThat(e.getMessage()).doesNotContain("not-the-secret-42");
  }

  @Test
  void pushWithCredentialsToTheAuthRegistrySucceedsAndPullsBack() {
    ImageRef ref = tagged(EngineIt.AUTH_REGISTRY, "auth-ok");

    PushResult result = engine.push(ref, AUTH, ProgressListener.NONE);
    engine.removeImage(ref.toString(), false);

    assertThat(result.digest().algorithm()).isEqualTo("sha256");
    EngineAuthException refused =
        catchThrowableOfType(
            EngineAuthException.class,
            () -> engine.pull(ref, Optional.empty(), ProgressListener.NONE));
    assertThat(refused.operation()).isEqualTo("pull");
    engine.pull(ref, AUTH, ProgressListener.NONE);
    assertThat(engine.inspectImage(ref.toString()).orElseThrow().id()).isEqualTo(imageId);
  }

  @Test
  void pullRestoresARemovedImage() {
    ImageRef ref = tagged(EngineIt.OPEN_REGISTRY, "pull");
    PushResult pushed = engine.push(ref, Optional.empty(), ProgressListener.NONE);
    engine.removeImage(ref.toString(), false);
    assertThat(engine.inspectImage(ref.toString())).isEmpty();
    List<LayerProgress> progress = new ArrayList<>();

    engine.pull(ref, Optional.empty(), progress::add);

    ImageDetails pulled = engine.inspectImage(ref.toString()).orElseThrow();
    assertThat(pulled.id()).isEqualTo(imageId);
    assertThat(pulled.repoDigests()).contains(ref.name() + "@" + pushed.digest());
    assertThat(progress).isNotEmpty();
  }

  @Test
  void pullByDigest() {
    ImageRef ref = tagged(EngineIt.OPEN_REGISTRY, "digest");
    PushResult pushed = engine.push(ref, Optional.empty(), ProgressListener.NONE);

    engine.pull(ref.withDigest(pushed.digest()), Optional.empty(), ProgressListener.NONE);

    assertThat(engine.inspectImage(ref.name() + "@" + pushed.digest()).orElseThrow().id())
        .isEqualTo(imageId);
  }

  @Test
  void pullOfAnUnknownTagIsNotFound() {
    ImageRef ref = ImageRef.parse("127.0.0.1:5000/it-engine/missing:" + TOKEN);

    PullFailedException e =
        catchThrowableOfType(
            PullFailedException.class,
            () -> engine.pull(ref, Optional.empty(), ProgressListener.NONE));

    assertThat(e.reason()).isEqualTo(PullFailedException.Reason.NOT_FOUND);
    assertThat(e.retryable()).isFalse();
  }
}
