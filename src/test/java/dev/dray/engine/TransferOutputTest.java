package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dray.image.Digest;
import dev.dray.image.ImageRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransferOutputTest {
  private static final ImageRef AUTH_REF = ImageRef.parse("127.0.0.1:5001/it-engine/app:1");

  private static TransferOutput parse(String lines, List<LayerProgress> progress)
      throws IOException {
    TransferOutput output = new TransferOutput(progress::add);
    JsonMessageStream.forEach(
        new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), output::accept);
    return output;
  }

  @Test
  void pushYieldsDigestAndSizeAndForwardsLayerProgress() throws IOException {
    List<LayerProgress> progress = new ArrayList<>();
    String lines =
        """
        {"status":"The push refers to repository [127.0.0.1:5000/it-engine/app]"}
        {"status":"Preparing","progressDetail":{},"id":"95c5fd0cf8bc"}
        {"status":"Pushing","progressDetail":{"current":512,"total":2048},"progress":"[=>  ]","id":"95c5fd0cf8bc"}
        {"status":"Pushed","progressDetail":{},"id":"95c5fd0cf8bc"}
        {"status":"1: digest: sha256:0a00ca3b4171e16caf0e4f6aa55743fe265ea7da42a17e9f88b30fc0df1f46ec size: 527"}
        {"progressDetail":{},"aux":{"Tag":"1","Digest":"sha256:0a00ca3b4171e16caf0e4f6aa55743fe265ea7da42a17e9f88b30fc0df1f46ec","Size":527}}
        """;

    TransferOutput output = parse(lines, progress);

    assertThat(output.error()).isEmpty();
    assertThat(output.pushed())
        .contains(
            new PushResult(
                Digest.of(
                    "sha256:0a00ca3b4171e16caf0e4f6aa55743fe265ea7da42a17e9f88b30fc0df1f46ec"),
                527));
    assertThat(progress)
        .containsExactly(
            new LayerProgress("95c5fd0cf8bc", "Preparing", 0, 0),
            new LayerProgress("95c5fd0cf8bc", "Pushing", 512, 2048),
            new LayerProgress("95c5fd0cf8bc", "Pushed", 0, 0));
  }

  @Test
  void keepsTheFirstErrorOfTheStream() throws IOException {
    String lines =
        """
        {"status":"Preparing","progressDetail":{},"id":"95c5fd0cf8bc"}
        {"errorDetail":{"message":"no basic auth credentials"},"error":"no basic auth credentials"}
        """;

    TransferOutput output = parse(lines, new ArrayList<>());

    assertThat(output.error()).contains("no basic auth credentials");
    assertThat(output.pushed()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "no basic auth credentials | EngineAuthException | false",
        "unauthorized: authentication required | EngineAuthException | false",
        "denied: requested access to the resource is denied | EngineAuthException | false",
        "Put \"http://r/v2/x/blobs/uploads/\": read tcp: connection reset by peer"
            + " | PushFailedException | true",
        "received unexpected HTTP status: 503 Service Unavailable | PushFailedException | true",
        "net/http: TLS handshake timeout | PushFailedException | true",
        "An image does not exist locally with the tag: 127.0.0.1:5001/it-engine/app"
            + " | PushFailedException | false",
      })
  void classifiesPushErrors(String message, String type, boolean retryable) {
    EngineException e = TransferCall.pushFailure(AUTH_REF, message);

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    if (e instanceof PushFailedException push) {
      assertThat(push.retryable()).isEqualTo(retryable);
      assertThat(push.engineMessage()).isEqualTo(message);
      assertThat(push.ref()).isEqualTo(AUTH_REF);
    } else {
      EngineAuthException auth = (EngineAuthException) e;
      assertThat(auth.registry()).isEqualTo("127.0.0.1:5001");
      assertThat(auth.operation()).isEqualTo("push");
      assertThat(auth.hint()).hasValueSatisfying(h -> assertThat(h).contains("127.0.0.1:5001"));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "manifest for 127.0.0.1:5000/x:1 not found: manifest unknown: manifest unknown | NOT_FOUND",
        "Get \"http://127.0.0.1:5009/v2/\": dial tcp 127.0.0.1:5009: connect: connection refused"
            + " | TRANSIENT",
        "toomanyrequests: You have reached your pull rate limit | TRANSIENT",
        "no matching manifest for linux/arm64 in the manifest list entries | OTHER",
      })
  void classifiesPullErrors(String message, PullFailedException.Reason reason) {
    EngineException e = TransferCall.pullFailure(AUTH_REF, message);

    assertThat(e)
        .isInstanceOfSatisfying(
            PullFailedException.class, p -> assertThat(p.reason()).isEqualTo(reason));
  }

  @Test
  void aRefusedPullIsAnAuthError() {
    EngineException e =
        TransferCall.pullFailure(
            AUTH_REF,
            "Head \"http://127.0.0.1:5001/v2/it-engine/app/manifests/1\": no basic auth credentials");

    assertThat(e)
        .isInstanceOfSatisfying(
            EngineAuthException.class,
            a -> {
              assertThat(a.registry()).isEqualTo("127.0.0.1:5001");
              assertThat(a.operation()).isEqualTo("pull");
            });
  }
}
