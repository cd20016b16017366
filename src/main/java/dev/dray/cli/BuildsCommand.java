package dev.dray.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dray.build.BuildReport;
import dev.dray.build.ByteSize;
import dev.dray.store.Store;
import java.io.PrintWriter;
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

/** {@code dray builds}: the build history kept in the store, newest first, or one build in full. */
@Command(
    name = "builds",
    description =
        "Show recorded builds: duration, cache hits, digest, size. Give an id for details.")
final class BuildsCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final Map<String, String> env;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "A build id (or a unique prefix).")
  String id;

  @Option(names = "--service", description = "Only builds of this service.")
  String service;

  @Option(
      names = {"-n", "--limit"},
      defaultValue = "20",
      description = "How many (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print the reports as JSON.")
  boolean json;

  BuildsCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = Stores.open(env)) {
      if (id != null) {
        BuildReport report =
            store
                .builds()
                .find(id)
                .orElseThrow(
                    () ->
                        new CliInputException(
                            "no build with id " + id, "list them with 'dray builds'"));
        if (json) {
          out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
          new BuildSummary(Terminal.detect(env)).print(report, out);
        }
        return 0;
      }
      List<BuildReport> reports = store.builds().recent(Optional.ofNullable(service), limit);
      if (json) {
        ObjectMapper mapper = Json.mapper();
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(reports));
        return 0;
      }
      if (reports.isEmpty()) {
        out.println("no builds recorded yet (store: " + store.location() + ")");
        return 0;
      }
      out.printf(
          Locale.ROOT,
          "%-8s  %-20s  %-14s  %-9s  %8s  %6s  %9s  %s%n",
          "ID",
          "STARTED",
          "SERVICE",
          "OUTCOME",
          "DURATION",
          "CACHE",
          "SIZE",
          "DIGEST");
      for (BuildReport r : reports) {
        out.printf(
            Locale.ROOT,
            "%-8s  %-20s  %-14s  %-9s  %8s  %5.0f%%  %9s  %s%n",
            r.id().substring(0, Math.min(8, r.id().length())),
            WHEN.format(r.startedAt()),
            r.service(),
            r.outcome().name().toLowerCase(Locale.ROOT),
            Durations.format(r.duration()),
            r.cacheHitRatio() * 100,
            r.sizeBytes() > 0 ? ByteSize.format(r.sizeBytes()) : "-",
            r.digest().map(d -> d.length() > 19 ? d.substring(0, 19) : d).orElse("-"));
      }
    }
    return 0;
  }
}
