package dev.dray.registry;

import java.io.IOException;

/**
 * One link of the registry HTTP chain (auth, retry, user agent), in the spirit of OkHttp's
 * interceptors: it may change the request, pass it on, and inspect or replace the response.
 */
@FunctionalInterface
public interface Interceptor {
  RegistryResponse intercept(Chain chain) throws IOException;

  /** The request in flight and the links after this one. */
  interface Chain {
    RegistryRequest request();

    /** Sends {@code request} through the rest of the chain. */
    RegistryResponse proceed(RegistryRequest request) throws IOException;
  }
}
