package dev.dray.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Lets a request under {@code /api} through only with the server's token: {@code Authorization:
 * Bearer <token>}, or on the event stream, which browsers open without headers, {@code ?token=}.
 */
final class ApiAuth implements Handler {
  private static final String BEARER = "Bearer ";

  private final TokenAuthority authority;

  ApiAuth(TokenAuthority authority) {
    this.authority = authority;
  }

  @Override
  public void handle(Context ctx) {
    String presented = presented(ctx);
    if (presented == null) {
      throw ApiRefusal.unauthorized("missing API token");
    }
    if (!authority.accepts(presented)) {
      throw ApiRefusal.unauthorized("wrong API token");
    }
  }

  private static String presented(Context ctx) {
    String header = ctx.header("Authorization");
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      String token = header.substring(BEARER.length()).strip();
      return token.isEmpty() ? null : token;
    }
    if (ctx.path().equals(Routes.EVENTS)) {
      String token = ctx.queryParam("token");
      return token == null || token.isEmpty() ? null : token;
    }
    return null;
  }
}
