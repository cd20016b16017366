package dev.dray.notify;

import java.util.Optional;

/**
 * The authority of a notify URL split the way shoutrrr reads it: the user info before the last
 * {@code @} (raw, still percent-encoded), then host and port.
 */
record Authority(Optional<String> rawUserInfo, String host, Optional<String> port) {
  static Authority parse(String rawAuthority) {
    String authority = rawAuthority == null ? "" : rawAuthority;
    int at = authority.lastIndexOf('@');
    Optional<String> userInfo = at < 0 ? Optional.empty() : Optional.of(authority.substring(0, at));
    String hostPort = authority.substring(at + 1);
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0 || hostPort.lastIndexOf(']') > colon) {
      return new Authority(userInfo, hostPort, Optional.empty());
    }
    return new Authority(
        userInfo, hostPort.substring(0, colon), Optional.of(hostPort.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return "Authority[host=" + host + ", port=" + port.orElse("") + "]";
  }
}
