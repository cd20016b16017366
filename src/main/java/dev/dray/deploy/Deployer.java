package dev.dray.deploy;

import dev.dray.Secret;
import dev.dray.build.ImageTransfer;
import dev.dray.build.ManifestLookup;
import dev.dray.config.DeployConfig;
import dev.dray.config.DrayConfig;
import dev.dray.config.ServiceConfig;
import dev.dray.deploy.DeployEvent.Warning;
import dev.dray.events.EventSink;
import dev.dray.image.Digest;
import dev.dray.image.ImageRef;
import dev.dray.notify.Notification;
import dev.dray.notify.Notifier;
import dev.dray.store.AuditLog;
import dev.dray.store.DeployHistory;
import dev.dray.store.DeployLocks;
import dev.dray.store.LockResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Deploys, rolls back and recovers an app on one host: resolves the version's digests, skips what
 * already runs, takes the lock, repairs interrupted rollouts, plans, runs, records, notifies.
 */
public final class Deployer {
  private static final DateTimeFormatter BACKUP_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** What the deployer works with. */
  public record Context(
      DeployHost host,
      ImageTransfer transfer,
      ManifestLookup registry,
      StepExecutor executor,
      DeployHistory history,
      DeployLocks locks,
      AuditLog audit,
      List<Notifier> notifiers,
      Identity identity,
      Clock clock,
      EventSink events) {}

  /** One request to deploy. */
  public record Request(
      DrayConfig config,
      Optional<String> version,
      boolean force,
      boolean planOnly,
      String message,
      Duration lockWait,
      Set<String> profiles,
      Map<String, String> env) {}

  private final Context ctx;

  public Deployer(Context ctx) {
    this.ctx = ctx;
  }

  /** A fresh rollout id, as every deploy and rollback gets one. */
  public static String newDeployId() {
    return UUID.randomUUID().toString();
  }

  /** {@code dray deploy}. */
  public DeployResult deploy(Request req) throws InterruptedException {
    return deploy(req, newDeployId());
  }

  /**
   * {@code dray deploy} under an id made beforehand (see {@link #newDeployId()}), so that whoever
   * queued the request can name the rollout's record before it exists.
   */
  public DeployResult deploy(Request req, String deployId) throws InterruptedException {
    requireId(deployId);
    DrayConfig config = req.config();
    String app = config.service();
    DeployConfig deploy = config.deploy();
    String version =
        req.version()
            .or(() -> config.compose().flatMap(dev.dray.config.ComposeFile::defaultVersion))
            .orElse("latest");
    List<ServiceConfig> services = deploy.activeServices(req.profiles());
    Map<String, String> images = resolve(services, version);
    Map<String, CurrentContainer> current = AppState.current(ctx.host().engine(), app);
    // what an interrupted rollout left running is no reason to skip: recover and roll out instead
    if (!req.force()
        && !services.isEmpty()
        && alreadyRunning(services, images, current)
        && ctx.history().running(app).isEmpty()) {
      return new DeployResult.AlreadyRunning(version, List.copyOf(images.values()));
    }
    String id = deployId;
    RolloutInputs inputs =
        new RolloutInputs(
            id,
            app,
            version,
            deploy,
            images,
            current,
            secrets(services, req.env()),
            config.file().getParent(),
            configFiles(config),
            BACKUP_NAME.format(ctx.clock().instant()) + "-" + ContainerNames.shortId(id),
            req.profiles());
    RolloutPlan plan = new RolloutPlanner().plan(inputs);
    if (req.planOnly()) {
      return new DeployResult.Planned(plan);
    }
    return withLock(
        app,
        req,
        recovered -> {
          // what runs may have changed while waiting for the lock or by recovery: plan again
          Map<String, CurrentContainer> now = AppState.current(ctx.host().engine(), app);
          if (!req.force() && alreadyRunning(services, images, now)) {
            return new DeployResult.AlreadyRunning(version, List.copyOf(images.values()));
          }
          RolloutPlan fresh = new RolloutPlanner().plan(withCurrent(inputs, now));
          return new DeployResult.Ran(runAndTell(fresh, deploy), recovered);
        });
  }

  /** {@code dray rollback [VERSION]}. */
  public DeployResult rollback(
      DrayConfig config,
      Optional<String> version,
      String message,
      Duration lockWait,
      Set<String> profiles,
      boolean planOnly)
      throws InterruptedException {
    return rollback(config, version, message, lockWait, profiles, planOnly, newDeployId());
  }

  /** {@code dray rollback [VERSION]} under an id made beforehand (see {@link #newDeployId()}). */
  public DeployResult rollback(
      DrayConfig config,
      Optional<String> version,
      String message,
      Duration lockWait,
      Set<String> profiles,
      boolean planOnly,
      String deployId)
      throws InterruptedException {
    requireId(deployId);
    String app = config.service();
    String id = deployId;
    RolloutPlan plan =
        new RollbackPlanner()
            .plan(
                id,
                app,
                config.deploy(),
                profiles,
                AppState.all(ctx.host().engine(), app),
                version);
    if (planOnly) {
      return new DeployResult.Planned(plan);
    }
    Request req = new Request(config, version, true, false, message, lockWait, profiles, Map.of());
    return withLock(
        app, req, recovered -> new DeployResult.Ran(runAndTell(plan, config.deploy()), recovered));
  }

  /** {@code dray recover}: repairs interrupted rollouts under the lock. */
  public List<String> recover(DrayConfig config, Set<String> profiles, Duration lockWait)
      throws InterruptedException {
    Request req =
        new Request(config, Optional.empty(), true, false, "recover", lockWait, profiles, Map.of());
    List<String> out = new ArrayList<>();
    withLock(
        config.service(),
        req,
        recovered -> {
          out.addAll(recovered);
          return null;
        });
    return out;
  }

  /** {@code dray prune}: old containers and images beyond {@code keep} per service. */
  public List<String> prune(DrayConfig config, int keep) {
    List<String> removed = new Pruner(ctx.host().engine()).prune(config.service(), keep);
    removed.forEach(
        name ->
            ctx.audit()
                .append(
                    ctx.host().name(), config.service(), "pruned", name, ctx.clock().instant()));
    return removed;
  }

  /** The proxy routes of the app's web services. */
  public static List<dev.dray.proxy.Route> routes(DrayConfig config, Set<String> profiles) {
    return RolloutPlanner.routes(
        config.service(),
        config.deploy(),
        RolloutPlanner.ServiceOrder.sort(config.deploy().activeServices(profiles)));
  }

  private static void requireId(String deployId) {
    if (deployId == null || deployId.isBlank()) {
      throw new IllegalArgumentException("a rollout id must not be blank");
    }
  }

  private interface Locked {
    DeployResult run(List<String> recovered) throws InterruptedException;
  }

  private DeployResult withLock(String app, Request req, Locked body) throws InterruptedException {
    Identity me = ctx.identity();
    Instant deadline = ctx.clock().instant().plus(req.lockWait());
    List<String> recovered = new ArrayList<>();
    while (true) {
      LockResult r =
          ctx.locks()
              .acquire(
                  app, me.holder(), me.hostname(), me.pid(), req.message(), ctx.clock().instant());
      if (r instanceof LockResult.Acquired) {
        break;
      }
      LockResult.Held held = (LockResult.Held) r;
      if (held.stale()) {
        ctx.events()
            .emit(
                new Warning(
                    ctx.clock().instant(),
                    "lock of "
                        + held.lock().holder()
                        + " is stale: its process is gone; taking it over"));
        ctx.audit()
            .append(
                ctx.host().name(),
                app,
                "lock taken over",
                "stale lock of " + held.lock().holder(),
                ctx.clock().instant());
        ctx.locks().forceRelease(app);
        continue;
      }
      if (ctx.clock().instant().isAfter(deadline)) {
        throw new LockHeldException(held.lock(), false);
      }
      Thread.sleep(1000);
    }
    try {
      List<String> repaired =
          new Recovery(ctx.host(), ctx.executor(), ctx.history(), ctx.clock(), ctx.events())
              .recover(app, req.config().deploy(), req.profiles());
      repaired.forEach(
          line ->
              ctx.audit().append(ctx.host().name(), app, "recover", line, ctx.clock().instant()));
      recovered.addAll(repaired);
      return body.run(recovered);
    } finally {
      ctx.locks().release(app, me.holder());
    }
  }

  private DeployReport runAndTell(RolloutPlan plan, DeployConfig deploy) {
    String host = ctx.host().name();
    ctx.audit()
        .append(
            host,
            plan.app(),
            plan.kind() + " started",
            plan.version() + " " + ContainerNames.shortId(plan.deployId()),
            ctx.clock().instant());
    DeployReport report =
        new RolloutRunner(ctx.executor(), ctx.history(), ctx.clock(), ctx.events())
            .run(plan, ctx.identity().user());
    ctx.audit()
        .append(
            host,
            plan.app(),
            plan.kind() + " " + report.outcome().name().toLowerCase(java.util.Locale.ROOT),
            plan.version() + report.failedStep().map(s -> " at " + s).orElse(""),
            ctx.clock().instant());
    notify(report, deploy);
    return report;
  }

  private void notify(DeployReport report, DeployConfig deploy) {
    // a failed deploy is a failure even when its changes were undone; a rollback is one asked for
    String outcome =
        !report.succeeded() ? "failure" : report.kind().equals("rollback") ? "rollback" : "success";
    if (!deploy.notifications().sends(outcome)) {
      return;
    }
    Notification n =
        new Notification(
            report.app(),
            report.version(),
            outcome,
            report.duration(),
            ctx.identity().user(),
            report.failedStep(),
            report.failure().map(f -> f.lines().findFirst().orElse(f)));
    for (Notifier notifier : ctx.notifiers()) {
      try {
        notifier.send(n);
      } catch (RuntimeException e) {
        ctx.events()
            .emit(
                new Warning(
                    ctx.clock().instant(),
                    "notification via " + notifier.describe() + " failed: " + e.getMessage()));
      }
    }
  }

  private Map<String, String> resolve(List<ServiceConfig> services, String version) {
    Map<String, String> images = new LinkedHashMap<>();
    Map<String, String> byRepo = new LinkedHashMap<>();
    for (ServiceConfig s : services) {
      ImageRef ref = s.image().withTag(version);
      String pinned =
          byRepo.computeIfAbsent(
              ref.toString(),
              k -> {
                Digest digest =
                    ctx.registry()
                        .digestOf(ref)
                        .orElseThrow(
                            () ->
                                new DeployException(
                                    "image " + ref + " is not in the registry",
                                    "build and push it first ('dray build --push'), or pick a version from 'dray releases'"));
                return ref.withDigest(digest).toString();
              });
      images.put(s.name(), pinned);
    }
    return images;
  }

  private static boolean alreadyRunning(
      List<ServiceConfig> services,
      Map<String, String> images,
      Map<String, CurrentContainer> current) {
    return services.stream()
        .allMatch(
            s ->
                current.containsKey(s.name())
                    && current.get(s.name()).image().equals(images.get(s.name())));
  }

  private static Map<String, Secret> secrets(
      List<ServiceConfig> services, Map<String, String> env) {
    Map<String, Secret> out = new LinkedHashMap<>();
    for (ServiceConfig s : services) {
      for (String name : s.secrets()) {
        String v = env.get(name);
        if (v != null) {
          out.put(name, Secret.of(v));
        }
      }
    }
    return out;
  }

  private static List<Path> configFiles(DrayConfig config) {
    List<Path> files = new ArrayList<>(List.of(config.file()));
    config.compose().map(dev.dray.config.ComposeFile::file).ifPresent(files::add);
    return files;
  }

  private static RolloutInputs withCurrent(
      RolloutInputs in, Map<String, CurrentContainer> current) {
    return new RolloutInputs(
        in.deployId(),
        in.app(),
        in.version(),
        in.config(),
        in.images(),
        current,
        in.secrets(),
        in.configDir(),
        in.configFiles(),
        in.backupName(),
        in.profiles());
  }
}
