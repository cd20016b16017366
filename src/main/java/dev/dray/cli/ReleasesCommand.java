package dev.dray.cli;

import dev.dray.store.DeployRecord;
import dev.dray.store.DeployStepRecord;
import dev.dray.store.Store;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dray releases [ID]}: the app's rollouts with digests, who, when and outcome; one in full.
 * Read from the store, or with a server configured ({@code --server}, {@code DRAY_SERVER}) from its
 * API, printed the same way.
 */
@Command(
    name = "releases",
    description =
        "List the app's deploys and rollbacks; give an id for its step journal; --server (or"
            + " DRAY_SERVER) asks dray server.")
final class ReleasesCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final Map<String, String> env;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ServerOptions source;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "A rollout id or prefix.")
  String id;

  @Option(
      names = {"-n", "--limit"},
      defaultValue = "20",
      description = "How many (default ${DEFAULT-VALUE}).")
  int limit;

  ReleasesCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Optional<ServerTarget> server = source.target(env);
    if (server.isPresent()) {
      try (ServerApi api = new ServerApi(server.get())) {
        print(out, new ServerReleases(api, () -> source.app(common, env)));
      }
      out.println(Terminal.detect(env).dim("(from server " + server.get() + ")"));
      return 0;
    }
    try (Store store = Stores.open(env)) {
      print(out, new StoreReleases(store, () -> AppCommand.config(common, env).service()));
    }
    return 0;
  }

  private void print(PrintWriter out, ReleaseSource releases) {
    if (id != null) {
      DeployJournal j =
          releases
              .journal(id)
              .orElseThrow(
                  () ->
                      new CliInputException(
                          "no rollout with id " + id, "list them with 'dray releases'"));
      journal(out, j.record(), j.steps());
      return;
    }
    String app = releases.app();
    List<DeployRecord> records = releases.recent(app, limit);
    if (records.isEmpty()) {
      out.println("no releases of " + app + " yet");
      return;
    }
    table(out, records);
  }

  private static void journal(PrintWriter out, DeployRecord r, List<DeployStepRecord> steps) {
    out.println(
        r.kind()
            + " "
            + r.app()
            + " "
            + r.version()
            + " by "
            + r.who()
            + " at "
            + WHEN.format(r.startedAt())
            + ": "
            + r.outcome());
    r.images().forEach((service, image) -> out.println("  " + service + "  " + image));
    r.failure().ifPresent(f -> out.println("  failure: " + f));
    for (DeployStepRecord s : steps) {
      out.printf(
          Locale.ROOT,
          "  %3d %-8s %s  %s%s%n",
          s.seq(),
          s.state(),
          WHEN.format(s.at()),
          s.step(),
          s.detail().isBlank() ? "" : "  (" + s.detail() + ")");
    }
  }

  private static void table(PrintWriter out, List<DeployRecord> records) {
    out.printf(
        Locale.ROOT,
        "%-8s  %-20s  %-8s  %-20s  %-11s  %8s  %-10s  %s%n",
        "ID",
        "STARTED",
        "KIND",
        "VERSION",
        "OUTCOME",
        "DURATION",
        "WHO",
        "IMAGES");
    for (DeployRecord r : records) {
      String took =
          r.finishedAt().map(f -> Durations.format(Duration.between(r.startedAt(), f))).orElse("-");
      out.printf(
          Locale.ROOT,
          "%-8s  %-20s  %-8s  %-20s  %-11s  %8s  %-10s  %s%n",
          r.id().substring(0, 8),
          WHEN.format(r.startedAt()),
          r.kind(),
          r.version(),
          r.outcome().toLowerCase(Locale.ROOT),
          took,
          r.who(),
          String.join(
              " ",
              r.images().values().stream().map(StatusPrinter::shortImage).distinct().toList()));
    }
  }
}
