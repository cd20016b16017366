package dev.dray.proxy;

import java.util.Objects;

/**
 * What the running proxy says about one server of a backend.
 *
 * @param server the server's name
 * @param address {@code host:port}
 * @param adminState {@code READY} (takes traffic when up), {@code DRAIN} (finishes what it has,
 *     gets no new requests) or {@code MAINT} (no traffic at all)
 * @param operState what the checks say: {@code UP}, {@code DOWN}, {@code STARTING}, {@code
 *     STOPPING}; a server in {@code MAINT} reports {@code DOWN} even while its checks pass, and
 *     {@code UNKNOWN} when the proxy is not running
 * @param currentSessions requests (streams) the server is handling right now ({@code scur})
 */
public record ServerState(
    String server, String address, String adminState, String operState, int currentSessions) {

  public static final String READY = "READY";
  public static final String DRAIN = "DRAIN";
  public static final String MAINT = "MAINT";

  public ServerState {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(adminState, "adminState");
    Objects.requireNonNull(operState, "operState");
  }

  public boolean isReady() {
    return adminState.equals(READY);
  }

  public boolean isUp() {
    return operState.equals("UP");
  }
}
