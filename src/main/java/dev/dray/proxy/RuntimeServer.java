package dev.dray.proxy;

/**
 * One line of {@code show servers state}: a server's address, operational state, administrative
 * state mask and health-check counters, as numbers.
 */
record RuntimeServer(
    String backend,
    String name,
    String address,
    int operState,
    int adminMask,
    int checkResult,
    int checkHealth) {
  private static final int ADMIN_MAINT_BITS = 0x01 | 0x02 | 0x04 | 0x20;
  private static final int ADMIN_DRAIN_BITS = 0x08 | 0x10;
  private static final int CHECK_PASSED = 3;
  private static final int OPER_RUNNING = 2;

  /** {@code MAINT}, {@code DRAIN} or {@code READY}. */
  String adminState() {
    if ((adminMask & ADMIN_MAINT_BITS) != 0) {
      return ServerState.MAINT;
    }
    if ((adminMask & ADMIN_DRAIN_BITS) != 0) {
      return ServerState.DRAIN;
    }
    return ServerState.READY;
  }

  /** {@code DOWN}, {@code STARTING}, {@code UP} or {@code STOPPING}. */
  String operStateName() {
    return switch (operState) {
      case 0 -> "DOWN";
      case 1 -> "STARTING";
      case OPER_RUNNING -> "UP";
      case 3 -> "STOPPING";
      default -> "UNKNOWN(" + operState + ")";
    };
  }

  /**
   * Whether its checks pass: it is up, or (kept in maintenance, where haproxy reports it down) its
   * last check passed and the check counter reached {@code rise}.
   */
  boolean healthy(int rise) {
    return operState == OPER_RUNNING || (checkResult == CHECK_PASSED && checkHealth >= rise);
  }

  ServerState withSessions(int currentSessions) {
    return new ServerState(name, address, adminState(), operStateName(), currentSessions);
  }
}
