package dev.dray.server;

/**
 * The webhook handlers of a server that has none wired: every delivery is answered 501 Not
 * Implemented, saying which hook is missing.
 */
final class UnwiredHooks {
  private UnwiredHooks() {}

  static GitHubHook github() {
    return (app, headers, body) ->
        new HookReply(501, "{\"error\":\"GitHub webhooks are not wired into this dray server\"}");
  }

  static RegistryHook registry() {
    return (headers, body, query) ->
        new HookReply(
            501, "{\"error\":\"registry notifications are not wired into this dray server\"}");
  }
}
