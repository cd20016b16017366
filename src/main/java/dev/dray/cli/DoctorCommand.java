package dev.dray.cli;

import dev.dray.DrayException;
import dev.dray.build.ByteSize;
import dev.dray.config.ConfigLoader;
import dev.dray.config.DrayConfig;
import dev.dray.engine.DockerEngine;
import dev.dray.engine.EngineInfo;
import dev.dray.registry.PushAccess;
import dev.dray.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code dray doctor}: checks that everything a build needs is in place and says how to fix what is
 * not. Exits non-zero when a check fails.
 */
@Command(
    name = "doctor",
    description = "Check Docker, BuildKit, the registry, disk space and GPU runtime.")
final class DoctorCommand implements Callable<Integer> {
  private static final long FAIL_BELOW = 2L << 30;
  private static final long WARN_BELOW = 10L << 30;
  private static final List<String> BUILDX_DIRS =
      List.of(
          "/usr/libexec/docker/cli-plugins",
          "/usr/lib/docker/cli-plugins",
          "/usr/local/lib/docker/cli-plugins",
          "/usr/local/libexec/docker/cli-plugins");

  private final Map<String, String> env;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  DoctorCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    List<DoctorCheck> checks = new ArrayList<>();
    Optional<EngineInfo> info = engineChecks(checks);
    checks.add(buildx());
    registryCheck(checks);
    checks.add(disk(info));
    checks.add(gpu(info));
    checks.add(store());
    return print(checks);
  }

  private Optional<EngineInfo> engineChecks(List<DoctorCheck> checks) {
    try (DockerEngine engine = Wiring.engine(env)) {
      EngineInfo info = engine.info();
      checks.add(
          DoctorCheck.ok(
              "docker",
              "Docker "
                  + info.serverVersion()
                  + " ("
                  + info.os()
                  + "/"
                  + info.arch()
                  + "), API "
                  + info.apiVersion()));
      checks.add(
          info.buildKit()
              ? DoctorCheck.ok("buildkit", "BuildKit builds available through the Engine API")
              : DoctorCheck.fail(
                  "buildkit",
                  "this engine cannot build with BuildKit",
                  "upgrade Docker to 18.09 or newer and make sure BuildKit is not disabled in daemon.json"));
      return Optional.of(info);
    } catch (DrayException e) {
      checks.add(DoctorCheck.fail("docker", e.getMessage(), e.hint().orElse("")));
      return Optional.empty();
    }
  }

  private static DoctorCheck buildx() {
    for (String dir : BUILDX_DIRS) {
      if (Files.isExecutable(Path.of(dir, "docker-buildx"))) {
        return DoctorCheck.ok("buildx", "found " + dir + "/docker-buildx");
      }
    }
    Path home = Path.of(System.getProperty("user.home"), ".docker", "cli-plugins", "docker-buildx");
    if (Files.isExecutable(home)) {
      return DoctorCheck.ok("buildx", "found " + home);
    }
    return DoctorCheck.info(
        "buildx",
        "not installed; dray does not need it (it builds through the Engine API)",
        "only needed for --cache-to type=registry,mode=max with a container driver");
  }

  private void registryCheck(List<DoctorCheck> checks) {
    DrayConfig config;
    try {
      config =
          ConfigLoader.load(
              ConfigLoader.locate(
                  Path.of("").toAbsolutePath(), Optional.ofNullable(common.config)));
    } catch (DrayException e) {
      checks.add(
          DoctorCheck.info(
              "registry",
              "not checked: " + firstLine(e.getMessage()),
              e.hint().orElse("run dray doctor where dray.yml is")));
      return;
    }
    PushAccess access = Wiring.registry(env, config).checkPushAccess(config.image());
    checks.add(
        switch (access) {
          case PushAccess.Ok ok ->
              DoctorCheck.ok("registry", config.image().name() + ": " + ok.detail());
          case PushAccess.Unauthorized no ->
              DoctorCheck.fail(
                  "registry",
                  config.image().name()
                      + ": "
                      + no.detail()
                      + "; tried: "
                      + String.join("; ", no.attempts()),
                  "run 'docker login "
                      + config.image().registry()
                      + "' or set DRAY_REGISTRY_USERNAME/DRAY_REGISTRY_PASSWORD");
          case PushAccess.Unreachable no ->
              DoctorCheck.fail(
                  "registry",
                  config.image().name() + ": " + no.detail(),
                  "start the registry, check the address, or list the host under registry.insecure if it speaks plain http");
        });
  }

  private static DoctorCheck disk(Optional<EngineInfo> info) {
    Path where =
        info.map(i -> Path.of(i.dockerRootDir())).filter(Files::isDirectory).orElse(Path.of("/"));
    try {
      long free = Files.getFileStore(where).getUsableSpace();
      String detail = ByteSize.format(free) + " free on " + where;
      if (free < FAIL_BELOW) {
        return DoctorCheck.fail(
            "disk", detail, "free space: 'docker system prune' or 'dray prune'");
      }
      return free < WARN_BELOW
          ? DoctorCheck.warn(
              "disk", detail, "builds of large images may run out; consider 'docker system prune'")
          : DoctorCheck.ok("disk", detail);
    } catch (IOException e) {
      return DoctorCheck.warn(
          "disk", "cannot read free space of " + where + ": " + e.getMessage(), "");
    }
  }

  private static DoctorCheck gpu(Optional<EngineInfo> info) {
    if (info.isEmpty()) {
      return DoctorCheck.info("gpu", "not checked: no engine", "");
    }
    return info.get().runtimes().contains("nvidia")
        ? DoctorCheck.ok("gpu", "NVIDIA container runtime registered")
        : DoctorCheck.info(
            "gpu",
            "no NVIDIA runtime (runtimes: " + String.join(", ", info.get().runtimes()) + ")",
            "GPU services need nvidia-container-toolkit on this host");
  }

  private DoctorCheck store() {
    try (Store store = Stores.open(env)) {
      return DoctorCheck.ok("store", store.location().toString());
    } catch (DrayException e) {
      return DoctorCheck.fail("store", e.getMessage(), e.hint().orElse(""));
    }
  }

  private int print(List<DoctorCheck> checks) {
    PrintWriter out = spec.commandLine().getOut();
    Terminal term = Terminal.detect(env);
    boolean failed = false;
    for (DoctorCheck c : checks) {
      String mark =
          switch (c.status()) {
            case OK -> term.green("ok  ");
            case INFO -> term.dim("--  ");
            case WARN -> term.yellow("warn");
            case FAIL -> term.red("FAIL");
          };
      out.printf("%s  %-9s %s%n", mark, c.name(), c.detail());
      if (!c.fix().isEmpty() && c.status() != DoctorCheck.Status.OK) {
        out.printf("            fix: %s%n", c.fix());
      }
      failed |= c.status() == DoctorCheck.Status.FAIL;
    }
    out.flush();
    return failed ? 1 : 0;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
