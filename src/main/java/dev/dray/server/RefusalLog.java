package dev.dray.server;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every refused request (a 4xx answer: missing or wrong token, bad input, unknown path) at
 * WARN: method, path, status, why and from where. Never the query string or headers, where tokens
 * and webhook secrets travel.
 */
final class RefusalLog implements RequestLogger {
  /** The request attribute holding why a request was refused. */
  static final String REASON = "dray.refusal";

  private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

  @Override
  public void handle(Context ctx, Float millis) {
    int status = ctx.status().getCode();
    if (status < 400 || status >= 500) {
      return;
    }
    String reason = ctx.attribute(REASON);
    LOG.warn(
        "refused {} {}: {}{} (from {})",
        ctx.method(),
        ctx.path(),
        status,
        reason == null ? "" : " " + reason,
        ctx.ip());
  }
}
