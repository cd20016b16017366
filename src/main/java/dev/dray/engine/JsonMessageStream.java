package dev.dray.engine;

import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Reads the engine's stream of JSON messages as they arrive and hands each to a consumer. */
final class JsonMessageStream {
  private JsonMessageStream() {}

  /**
   * Reads until the stream ends.
   *
   * @throws IOException when the connection breaks or a message is not JSON
   */
  static void forEach(InputStream in, Consumer<JsonMessage> consumer) throws IOException {
    try (MappingIterator<JsonMessage> messages =
        EngineHttp.JSON.readerFor(JsonMessage.class).readValues(in)) {
      while (messages.hasNextValue()) {
        consumer.accept(messages.nextValue());
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
