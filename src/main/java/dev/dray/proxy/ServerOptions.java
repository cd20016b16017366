package dev.dray.proxy;

import java.time.Duration;

/**
 * The keywords every server gets, on its config line and in {@code add server}: health checks every
 * {@code checkInterval}, up after {@value #RISE} passing checks, down after {@value #FALL} failing
 * ones, and an unbounded pool of idle server connections (without it throughput falls to a third).
 */
record ServerOptions(Duration checkInterval) {
  static final int RISE = 2;
  static final int FALL = 2;

  /** The keywords as written after a server's address. */
  String render() {
    return "check inter "
        + checkInterval.toMillis()
        + "ms rise "
        + RISE
        + " fall "
        + FALL
        + " pool-max-conn -1 pool-purge-delay 5s";
  }

  /** A whole {@code server} line's arguments: name, address, keywords. */
  String serverArguments(Upstream upstream) {
    return upstream.server() + " " + upstream.address() + " " + render();
  }
}
