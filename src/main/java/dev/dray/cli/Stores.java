package dev.dray.cli;

import dev.dray.store.Store;
import dev.dray.store.StoreLocation;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the store the environment points at: {@code DRAY_STORE} (URL or path) or the default file.
 */
final class Stores {
  private Stores() {}

  static Store open(Map<String, String> env) {
    String explicit = env.get("DRAY_STORE");
    if (explicit != null && !explicit.isBlank()) {
      return Store.open(explicit);
    }
    return Store.open(StoreLocation.defaultFile(env, Path.of(System.getProperty("user.home"))));
  }
}
