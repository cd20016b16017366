package dev.dray.registry;

import java.io.IOException;

/** Sets the {@code User-Agent} header on every request that has none. */
final class UserAgentInterceptor implements Interceptor {
  private final String userAgent;

  UserAgentInterceptor(String userAgent) {
    this.userAgent = userAgent;
  }

  @Override
  public RegistryResponse intercept(Chain chain) throws IOException {
    RegistryRequest request = chain.request();
    if (request.header("User-Agent").isEmpty()) {
      request = request.withHeader("User-Agent", userAgent);
    }
    return chain.proceed(request);
  }
}
