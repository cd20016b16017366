package dev.dray.deploy;

/** Who runs dray, where: for locks, release records and notifications. */
public record Identity(String user, String hostname, long pid) {
  /** {@code user@host pid N}. */
  public String holder() {
    return user + "@" + hostname + " pid " + pid;
  }

  /** This process. */
  public static Identity current(java.util.Map<String, String> env) {
    String user =
        env.getOrDefault(
            "DRAY_USER",
            env.getOrDefault(
                "GITHUB_ACTOR",
                env.getOrDefault("USER", System.getProperty("user.name", "unknown"))));
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = env.getOrDefault("HOSTNAME", "localhost");
    }
    return new Identity(user, host, ProcessHandle.current().pid());
  }
}
