package dev.dray.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How an app is deployed: to which hosts, behind which proxy, which services, and what runs around
 * a rollout (migration, backups, hooks, notifications). A dray.yml without deploy keys reads as
 * {@link #defaults()}: no services.
 *
 * @param servers the hosts: {@code local} (the Docker host dray talks to) or {@code
 *     ssh://user@host[:port]}
 * @param proxy the edge proxy
 * @param services the services in file order, from dray.yml's {@code services} or the Compose file
 * @param migrate the one-off migration container, if any
 * @param backups backups taken before a deploy
 * @param hooks host commands run around a deploy
 * @param retentionKeep how many previous versions' containers and images are kept for rollback
 * @param notifications where outcomes are sent (dray.yml's {@code notify}; a record component
 *     cannot be called {@code notify}, which is a method of {@link Object})
 */
public record DeployConfig(
    List<String> servers,
    ProxyConfig proxy,
    List<ServiceConfig> services,
    Optional<MigrateConfig> migrate,
    BackupConfig backups,
    HooksConfig hooks,
    int retentionKeep,
    NotifyConfig notifications) {
  /** The hosts when {@code servers} is not set. */
  public static final List<String> DEFAULT_SERVERS = List.of("local");

  /** Previous versions kept when {@code retention.keep} is not set. */
  public static final int DEFAULT_RETENTION_KEEP = 3;

  public DeployConfig {
    servers = List.copyOf(servers);
    Objects.requireNonNull(proxy, "proxy");
    services = List.copyOf(services);
    Objects.requireNonNull(migrate, "migrate");
    Objects.requireNonNull(backups, "backups");
    Objects.requireNonNull(hooks, "hooks");
    Objects.requireNonNull(notifications, "notifications");
    if (retentionKeep < 1) {
      throw new IllegalArgumentException("retentionKeep must be at least 1, got " + retentionKeep);
    }
    Set<String> names = new LinkedHashSet<>();
    for (ServiceConfig service : services) {
      if (!names.add(service.name())) {
        throw new IllegalArgumentException("duplicate service " + service.name());
      }
    }
    migrate.ifPresent(
        m -> {
          if (!names.contains(m.service())) {
            throw new IllegalArgumentException("migrate uses unknown service " + m.service());
          }
        });
  }

  /** The settings of a dray.yml without deploy keys: no services, every default. */
  public static DeployConfig defaults() {
    return new DeployConfig(
        DEFAULT_SERVERS,
        ProxyConfig.defaults(),
        List.of(),
        Optional.empty(),
        BackupConfig.defaults(),
        HooksConfig.none(),
        DEFAULT_RETENTION_KEEP,
        NotifyConfig.defaults());
  }

  /** The service called {@code name}. */
  public Optional<ServiceConfig> service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * The services that run with {@code profiles} enabled, in file order: those without profiles,
   * those with an enabled one, and every service one of them depends on (directly or not), as
   * Compose starts the dependencies of the services it starts.
   */
  public List<ServiceConfig> activeServices(Set<String> profiles) {
    Set<String> active = new LinkedHashSet<>();
    List<String> pending = new ArrayList<>();
    for (ServiceConfig service : services) {
      if (service.isActive(profiles)) {
        pending.add(service.name());
      }
    }
    while (!pending.isEmpty()) {
      String name = pending.remove(pending.size() - 1);
      if (active.add(name)) {
        service(name).ifPresent(s -> pending.addAll(s.dependsOn()));
      }
    }
    return services.stream().filter(s -> active.contains(s.name())).toList();
  }
}
