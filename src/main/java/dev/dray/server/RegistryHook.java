package dev.dray.server;

import java.util.Map;

/**
 * Handles {@code POST /hooks/registry}: a CNCF registry's notification envelope, authenticated by
 * {@code ?secret=} or {@code Authorization: Bearer <secret>}. Framework-free: it gets headers
 * (looked up case-insensitively), raw body and query parameters.
 *
 * <p>Plug-in point: the trigger package's {@code RegistryNotifications.handle(headers, body,
 * query)}; until one is given the server answers 501.
 */
@FunctionalInterface
public interface RegistryHook {
  HookReply handle(Map<String, String> headers, byte[] body, Map<String, String> query);
}
