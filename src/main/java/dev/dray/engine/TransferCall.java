package dev.dray.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.dray.Secret;
import dev.dray.image.ImageRef;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * One push or pull: sends it with the {@code X-Registry-Auth} header, follows the progress stream
 * and turns registry errors into typed exceptions.
 */
final class TransferCall {
  private final EngineHttp http;
  private final Map<String, String> headers;

  TransferCall(EngineHttp http, Optional<Secret> registryAuthJson) {
    this.http = http;
    this.headers = Map.of(RegistryAuthHeader.NAME, RegistryAuthHeader.value(registryAuthJson));
  }

  PushResult push(ImageRef ref, ProgressListener listener) {
    if (ref.tag().isEmpty() && ref.digest().isPresent()) {
      throw new IllegalArgumentException("cannot push by digest, give a tag: " + ref);
    }
    String path = "/images/" + Query.pathPart(ref.name()) + "/push";
    TransferOutput output = new TransferOutput(listener);
    try (DockerHttpClient.Response response =
        http.send(
            "POST", path, Query.of().add("tag", ref.tagOrLatest()), headers, Optional.empty())) {
      if (response.getStatusCode() != 200) {
        throw pushFailure(ref, EngineHttp.errorMessage(response));
      }
      JsonMessageStream.forEach(response.getBody(), output::accept);
    } catch (IOException e) {
      throw new PushFailedException(
          ref, "the engine's answer broke off: " + EngineHttp.describe(e), true);
    } catch (EngineApiException e) {
      throw new PushFailedException(ref, e.getMessage(), true);
    }
    if (output.error().isPresent()) {
      throw pushFailure(ref, output.error().get());
    }
    return output
        .pushed()
        .orElseThrow(() -> new PushFailedException(ref, "the engine reported no digest", false));
  }

  void pull(ImageRef ref, ProgressListener listener) {
    String tag = ref.digest().map(Object::toString).orElse(ref.tagOrLatest());
    Query query = Query.of().add("fromImage", ref.name()).add("tag", tag);
    TransferOutput output = new TransferOutput(listener);
    try (DockerHttpClient.Response response =
        http.send("POST", "/images/create", query, headers, Optional.empty())) {
      int status = response.getStatusCode();
      if (status != 200) {
        String message = EngineHttp.errorMessage(response);
        throw status == 404 && RegistryFailure.classify(message) != RegistryFailure.AUTH
            ? new PullFailedException(ref, message, PullFailedException.Reason.NOT_FOUND)
            : pullFailure(ref, message);
      }
      JsonMessageStream.forEach(response.getBody(), output::accept);
    } catch (IOException e) {
      throw new PullFailedException(
          ref,
          "the engine's answer broke off: " + EngineHttp.describe(e),
          PullFailedException.Reason.TRANSIENT);
    } catch (EngineApiException e) {
      throw new PullFailedException(ref, e.getMessage(), PullFailedException.Reason.TRANSIENT);
    }
    if (output.error().isPresent()) {
      throw pullFailure(ref, output.error().get());
    }
  }

  static EngineException pushFailure(ImageRef ref, String message) {
    return switch (RegistryFailure.classify(message)) {
      case AUTH -> new EngineAuthException(ref, "push", message);
      case TRANSIENT -> new PushFailedException(ref, message, true);
      case NOT_FOUND, PERMANENT -> new PushFailedException(ref, message, false);
    };
  }

  static EngineException pullFailure(ImageRef ref, String message) {
    return switch (RegistryFailure.classify(message)) {
      case AUTH -> new EngineAuthException(ref, "pull", message);
      case NOT_FOUND -> new PullFailedException(ref, message, PullFailedException.Reason.NOT_FOUND);
      case TRANSIENT -> new PullFailedException(ref, message, PullFailedException.Reason.TRANSIENT);
      case PERMANENT -> new PullFailedException(ref, message, PullFailedException.Reason.OTHER);
    };
  }
}
