package dev.dray.deploy;

import java.util.Locale;

/**
 * Names dray gives containers and proxy backends: {@code <app>-<service>-<version>-<id6>} and
 * {@code <app>_<service>}.
 */
public final class ContainerNames {
  /** Label keys on every container dray starts. */
  public static final String APP = "dray.app";

  public static final String SERVICE = "dray.service";
  public static final String VERSION = "dray.version";
  public static final String DEPLOY = "dray.deploy";
  public static final String ROLE = "dray.role";

  private ContainerNames() {}

  /** The container name of {@code service} started by rollout {@code deployId}. */
  public static String container(String app, String service, String version, String deployId) {
    return clean(app)
        + "-"
        + clean(service)
        + "-"
        + shortVersion(version)
        + "-"
        + shortId(deployId);
  }

  /** The proxy backend of a web service. */
  public static String backend(String app, String service) {
    return (app + "_" + service).replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** The first six characters of a rollout id. */
  public static String shortId(String deployId) {
    return deployId.substring(0, Math.min(6, deployId.length()));
  }

  private static String shortVersion(String version) {
    String v = clean(version);
    return v.length() > 24 ? v.substring(0, 24) : v;
  }

  private static String clean(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
  }
}
