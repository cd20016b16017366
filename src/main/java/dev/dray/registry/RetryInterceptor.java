package dev.dray.registry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries a request on I/O errors, 5xx and 429 with bounded exponential backoff and jitter,
 * honouring {@code Retry-After}; after the last attempt it returns the last response or rethrows
 * the last error.
 */
final class RetryInterceptor implements Interceptor {
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;

  RetryInterceptor(RetryPolicy policy, Sleeper sleeper, Clock clock) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  @Override
  public RegistryResponse intercept(Chain chain) throws IOException {
    RegistryRequest request = chain.request();
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= policy.attempts();
      RegistryResponse response;
      try {
        response = chain.proceed(request);
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        if (last) {
          throw e;
        }
        pause(backoff(attempt));
        continue;
      }
      if (last || !retryable(response.status())) {
        return response;
      }
      Duration wait = waitAfter(response, attempt);
      pause(wait);
    }
  }

  private Duration waitAfter(RegistryResponse response, int attempt) {
    Optional<Duration> asked = RetryAfter.parse(response.header("Retry-After"), clock);
    if (asked.isEmpty()) {
      return backoff(attempt);
    }
    Duration wait = asked.get();
    return wait.compareTo(RetryPolicy.RETRY_AFTER_CAP) > 0 ? RetryPolicy.RETRY_AFTER_CAP : wait;
  }

  static boolean retryable(int status) {
    return status == 429 || status >= 500;
  }

  private Duration backoff(int attempt) {
    return policy.backoff(attempt, ThreadLocalRandom.current().nextDouble());
  }

  private void pause(Duration wait) throws InterruptedIOException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
