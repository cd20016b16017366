package dev.dray.server;

import java.util.Map;

/**
 * Handles {@code POST /hooks/github/{app}}: checks the delivery's HMAC signature and turns pushes
 * into triggers. Framework-free: it gets the request's headers (looked up case-insensitively) and
 * raw body.
 *
 * <p>Plug-in point: an adapter over the trigger package's {@code GitHubWebhook.handle(headers,
 * body)} (per app); until one is given the server answers 501.
 */
@FunctionalInterface
public interface GitHubHook {
  HookReply handle(String app, Map<String, String> headers, byte[] body);
}
