package dev.dray.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dray.image.Digest;
import java.util.Optional;

/**
 * Interprets the JSON message stream of a push or pull: forwards layer progress, remembers the
 * pushed digest and the first error.
 */
final class TransferOutput {
  private final ProgressListener listener;
  private String error;
  private Digest digest;
  private long size;

  TransferOutput(ProgressListener listener) {
    this.listener = listener;
  }

  void accept(JsonMessage message) {
    Optional<String> failure = message.errorMessage();
    if (failure.isPresent()) {
      if (error == null) {
        error = failure.get();
      }
      return;
    }
    JsonNode aux = message.aux();
    if (aux != null && aux.isObject() && aux.hasNonNull("Digest")) {
      digest = Digest.of(aux.get("Digest").asText());
      size = aux.path("Size").asLong(0);
    }
    if (message.id() != null && message.status() != null) {
      listener.progress(
          new LayerProgress(message.id(), message.status(), message.current(), message.total()));
    }
  }

  Optional<String> error() {
    return Optional.ofNullable(error);
  }

  Optional<PushResult> pushed() {
    return Optional.ofNullable(digest).map(d -> new PushResult(d, size));
  }
}
