package dev.dray.cli;

import dev.dray.build.ImageTransfer;
import dev.dray.config.DrayConfig;
import dev.dray.deploy.DeployHost;
import dev.dray.deploy.Deployer;
import dev.dray.deploy.HttpProbe;
import dev.dray.deploy.Identity;
import dev.dray.deploy.ShellRunner;
import dev.dray.deploy.StepExecutor;
import dev.dray.engine.DockerEngine;
import dev.dray.events.EventSink;
import dev.dray.notify.Notifiers;
import dev.dray.proxy.EdgeProxy;
import dev.dray.proxy.HaproxyEdgeProxy;
import dev.dray.proxy.ProxySettings;
import dev.dray.registry.RegistryClient;
import dev.dray.registry.Sleeper;
import dev.dray.store.Store;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Connects the deploy commands to the host's engine and proxy, the registry and the store. */
final class DeployWiring {
  private DeployWiring() {}

  /** Where dray keeps its data: {@code DRAY_HOME}, else {@code ~/.local/share/dray}. */
  static Path dataDir(Map<String, String> env) {
    String home = env.get("DRAY_HOME");
    return home != null && !home.isBlank()
        ? Path.of(home)
        : Path.of(System.getProperty("user.home"), ".local", "share", "dray");
  }

  static EdgeProxy proxy(Map<String, String> env, String app) {
    return new HaproxyEdgeProxy(
        new ProxySettings(
            dataDir(env).resolve("proxy").resolve(app), "haproxy", Duration.ofMillis(250)));
  }

  /** The host the app runs on; only {@code local} for now. */
  static DeployHost host(Map<String, String> env, DrayConfig config, DockerEngine engine) {
    for (String server : config.deploy().servers()) {
      if (!server.equals("local")) {
        throw new CliInputException(
            "server " + server + " is an SSH host; this version of dray deploys to 'local' only",
            "use servers: [local] on the host itself, or run dray there");
      }
    }
    return new DeployHost("local", engine, proxy(env, config.service()));
  }

  static Deployer deployer(
      Map<String, String> env,
      DrayConfig config,
      DockerEngine engine,
      Store store,
      EventSink events) {
    Clock clock = Clock.systemUTC();
    DeployHost host = host(env, config, engine);
    RegistryClient registry = Wiring.registry(env, config);
    ImageTransfer transfer = Wiring.transfer(env, config, engine, registry, clock, events);
    StepExecutor executor =
        new StepExecutor(
            host,
            transfer,
            ShellRunner.system(),
            dataDir(env).resolve("backups").resolve(config.service()),
            config.deploy().proxy().healthTimeout(),
            config.deploy().proxy().drainTimeout(),
            HttpProbe.system(),
            Sleeper.system(),
            clock,
            events);
    return new Deployer(
        new Deployer.Context(
            host,
            transfer,
            registry::manifestDigest,
            executor,
            store.deploys(),
            store.locks(),
            store.audit(),
            Notifiers.fromUrls(
                config.deploy().notifications().urls(), HttpClient.newHttpClient(), env),
            Identity.current(env),
            clock,
            events));
  }
}
