package dev.dray.registry;

import java.io.IOException;

/**
 * Sends one request and returns its response: the network at the end of the chain, or the rest of
 * the chain.
 */
@FunctionalInterface
public interface RequestSender {
  RegistryResponse send(RegistryRequest request) throws IOException;
}
