package dev.dray.registry;

import java.io.IOException;
import java.util.List;

/** The chain of {@link Interceptor}s positioned at one link, ending in the network. */
record InterceptorChain(
    List<Interceptor> interceptors, int index, RequestSender network, RegistryRequest request)
    implements Interceptor.Chain {

  @Override
  public RegistryResponse proceed(RegistryRequest next) throws IOException {
    if (index >= interceptors.size()) {
      return network.send(next);
    }
    return interceptors
        .get(index)
        .intercept(new InterceptorChain(interceptors, index + 1, network, next));
  }

  /** Starts a request at this chain's position. */
  static RegistryResponse run(
      List<Interceptor> interceptors, int from, RequestSender network, RegistryRequest request)
      throws IOException {
    return new InterceptorChain(interceptors, from, network, request).proceed(request);
  }
}
