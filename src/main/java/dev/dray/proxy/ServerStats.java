package dev.dray.proxy;

/**
 * One server row of {@code show stat}: its current sessions and its last health check.
 *
 * @param server the server's name
 * @param currentSessions {@code scur}
 * @param status haproxy's summary, e.g. {@code UP}, {@code DOWN}, {@code MAINT}, {@code DRAIN}
 * @param checkStatus e.g. {@code L7OK}, {@code L7STS}, {@code L4CON}; empty before the first check
 * @param checkRunning whether a check was under way (haproxy then reports its code as 0)
 * @param checkCode the HTTP status of the last check, when there was one
 * @param checkDescription haproxy's words for {@code checkStatus}
 * @param lastCheck the last check's details, when haproxy gives some
 */
record ServerStats(
    String server,
    int currentSessions,
    String status,
    String checkStatus,
    boolean checkRunning,
    String checkCode,
    String checkDescription,
    String lastCheck) {

  /** The last check in one line, e.g. {@code L7STS 503 (Layer7 wrong status)}. */
  String lastCheckSummary() {
    if (checkStatus.isEmpty()) {
      return "no check has run yet (" + status + ")";
    }
    StringBuilder summary = new StringBuilder(checkStatus);
    if (!checkCode.isEmpty() && !checkCode.equals("0")) {
      summary.append(' ').append(checkCode);
    }
    if (!checkDescription.isEmpty()) {
      summary.append(" (").append(checkDescription).append(')');
    }
    if (!lastCheck.isEmpty()) {
      summary.append(": ").append(lastCheck);
    }
    return summary.toString();
  }
}
