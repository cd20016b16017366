package dev.dray.config;

import dev.dray.image.ImageRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the deploy keys of dray.yml ({@code servers}, {@code proxy}, {@code services} or {@code
 * compose}, {@code migrate}, {@code backups}, {@code hooks}, {@code retention}, {@code notify}) and
 * checks what spans them.
 */
final class DeploySection {
  /** The deploy settings read, and the Compose file when services came from one. */
  record Read(DeployConfig deploy, Optional<ComposeFile> compose) {}

  private static final Pattern SSH_PORT =
      Pattern.compile("ssh://[^@]+@(?:\\[[^]]+]|[^:\\[]+):([0-9]+)");

  private DeploySection() {}

  /**
   * Reads the deploy keys under {@code root}; problems are recorded and the result is only
   * meaningful when there are none.
   *
   * @param defaultImage the top-level {@code image}; empty when it is invalid
   * @param env the environment Compose files are interpolated with
   */
  static Optional<Read> read(
      ConfigNode root, Optional<ImageRef> defaultImage, Map<String, String> env) {
    int before = root.problemCount();
    List<String> servers = servers(root.get("servers"));
    ProxyConfig proxy = ProxyConfig.read(root.get("proxy"));
    ConfigNode composeNode = root.get("compose");
    ConfigNode servicesNode = root.get("services");
    if (composeNode.isPresent() && servicesNode.isPresent()) {
      composeNode.keyProblem(
          "compose and services are both set; services come from one of them, so remove one");
    }
    List<ServiceEntry> entries = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Optional<ComposeReader.Read> compose = Optional.empty();
    if (composeNode.isPresent() && !servicesNode.isPresent()) {
      Path file = root.baseDir().resolve(composeNode.text("")).normalize();
      if (!Files.isRegularFile(file)) {
        composeNode.problem((Files.exists(file) ? "not a file: " : "file not found: ") + file);
      } else {
        compose = ComposeReader.read(file, env, defaultImage, root.problems());
        compose.ifPresent(
            c -> {
              entries.addAll(c.entries());
              names.addAll(c.names());
            });
      }
    } else if (!composeNode.isPresent()) {
      for (String name : servicesNode.keys()) {
        names.add(name);
        ServiceSection.read(servicesNode.get(name), defaultImage).ifPresent(entries::add);
      }
    }
    List<ServiceConfig> services = ServiceChecks.check(entries, names, proxy);
    boolean composeUnread = composeNode.isPresent() && compose.isEmpty();
    Optional<MigrateConfig> migrate =
        composeUnread // its problems are reported; what it names is unknown
            ? Optional.empty()
            : migrate(root.get("migrate"), names, compose.flatMap(ComposeReader.Read::migrate));
    BackupConfig backups = BackupConfig.read(root.get("backups"));
    HooksConfig hooks = HooksConfig.read(root.get("hooks"));
    int retention =
        root.get("retention").get("keep").integer().orElse(DeployConfig.DEFAULT_RETENTION_KEEP);
    NotifyConfig notify = NotifyConfig.read(root.get("notify"));
    if (root.problemCount() > before) {
      return Optional.empty();
    }
    DeployConfig deploy =
        new DeployConfig(servers, proxy, services, migrate, backups, hooks, retention, notify);
    return Optional.of(new Read(deploy, compose.map(c -> c.toFile(services, deploy.migrate()))));
  }

  private static List<String> servers(ConfigNode servers) {
    if (!servers.isPresent()) {
      return DeployConfig.DEFAULT_SERVERS;
    }
    for (ConfigNode server : servers.elements()) {
      Matcher m = SSH_PORT.matcher(server.text(""));
      if (m.matches()
          && (Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 65535)) {
        server.problem("expected an SSH port from 1 to 65535, got " + m.group(1));
      }
    }
    return servers.strings();
  }

  private static Optional<MigrateConfig> migrate(
      ConfigNode migrate, List<String> names, Optional<MigrateConfig> fromCompose) {
    if (!migrate.isPresent()) {
      return fromCompose;
    }
    if (fromCompose.isPresent()) {
      migrate.keyProblem(
          "migrate is set here and as the Compose service 'migrate'; keep one of them");
      return Optional.empty();
    }
    ConfigNode serviceNode = migrate.get("service");
    String service;
    if (serviceNode.isPresent()) {
      service = serviceNode.text("");
      if (!names.contains(service)) {
        serviceNode.problem(ServiceChecks.unknownService(service, names));
        return Optional.empty();
      }
    } else if (names.isEmpty()) {
      migrate.keyProblem(
          "migrate runs from the image of a service, and no services are defined; add services"
              + " or compose");
      return Optional.empty();
    } else {
      service = names.get(0);
    }
    return Optional.of(new MigrateConfig(service, migrate.get("command").words()));
  }
}
