package dev.dray.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client threads sending {@code GET /version} through the proxy until closed, counting answers
 * other than 200 and connection errors, with a sample of what failed and when.
 */
public final class ProxyLoad implements AutoCloseable {
  private static final int SAMPLES = 20;

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger successes = new AtomicInteger();
  private final List<String> samples = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> threads = new ArrayList<>();

  private ProxyLoad(int port, int clients, Duration limit) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI uri = URI.create("http://127.0.0.1:" + port + "/version");
    Instant end = Instant.now().plus(limit);
    Runnable loop =
        () -> {
          while (running.get() && Instant.now().isBefore(end)) {
            try {
              HttpResponse<String> r =
                  client.send(
                      HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                      HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() == 200) {
                successes.incrementAndGet();
              } else {
                failed(r.statusCode() + " " + r.body().strip());
              }
            } catch (IOException e) {
              failed(e.toString());
            } catch (InterruptedException e) {
              return;
            }
            pause();
          }
        };
    for (int i = 0; i < clients; i++) {
      threads.add(Thread.ofPlatform().daemon().start(loop));
    }
  }

  /** Starts {@code clients} threads, which stop by themselves after {@code limit}. */
  public static ProxyLoad start(int port, int clients, Duration limit) {
    return new ProxyLoad(port, clients, limit);
  }

  public int failures() {
    return failures.get();
  }

  public int successes() {
    return successes.get();
  }

  /** Up to 20 failed requests: when and what. */
  public List<String> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  private void failed(String what) {
    failures.incrementAndGet();
    synchronized (samples) {
      if (samples.size() < SAMPLES) {
        samples.add(Instant.now() + " " + what);
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(Duration.ofSeconds(15));
    }
  }
}
