package dev.dray.config;

import java.util.Locale;

/** What a service does in a rollout: serve traffic behind the proxy, or work without one. */
public enum Role {
  /** Behind the edge proxy: gets traffic on its {@code port}, switched over with zero downtime. */
  WEB,
  /** Not behind the proxy: replaced start-first, no traffic switch. */
  WORKER;

  /**
   * The role as written in dray.yml and in the {@code dray.role} label: {@code web}, {@code
   * worker}.
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
