package dev.dray.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A Chrome DevTools Protocol client over {@link java.net.http.WebSocket}: numbered commands with
 * their replies, and events handed to listeners. Flattened sessions address one page target.
 */
final class CdpConnection implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newHttpClient();
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();

  CdpConnection(URI webSocketUrl) {
    try {
      socket =
          http.newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .buildAsync(webSocketUrl, new Receiver())
              .get(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot connect to Chromium's DevTools at " + webSocketUrl, e);
    }
  }

  /** Sends a command (to the browser when sessionId is empty) and waits for its result. */
  JsonNode call(Optional<String> sessionId, String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params == null ? JSON.createObjectNode() : params);
    sessionId.ifPresent(s -> message.put("sessionId", s));
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    try {
      synchronized (socket) {
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
      }
      JsonNode answer = reply.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (answer.has("error")) {
        throw new IllegalStateException(method + " failed: " + answer.get("error"));
      }
      return answer.path("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(method + " got no answer from Chromium", e);
    } finally {
      pending.remove(id);
    }
  }

  /** Receives every event message ({@code method}, {@code params}, {@code sessionId}). */
  void onEvent(Consumer<JsonNode> listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    socket.abort();
    http.close();
  }

  private final class Receiver implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        dispatch(text);
      }
      webSocket.request(1);
      return null;
    }

    private void dispatch(String text) {
      JsonNode message;
      try {
        message = JSON.readTree(text);
      } catch (IOException e) {
        return;
      }
      if (message.has("id")) {
        CompletableFuture<JsonNode> reply = pending.get(message.get("id").asInt());
        if (reply != null) {
          reply.complete(message);
        }
      } else {
        // Handlers may call back into Chromium: never block the receiving thread.
        Thread.startVirtualThread(() -> listeners.forEach(l -> l.accept(message)));
      }
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      pending.values().forEach(p -> p.completeExceptionally(error));
    }
  }
}
