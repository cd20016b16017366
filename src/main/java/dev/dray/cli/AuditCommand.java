package dev.dray.cli;

import dev.dray.config.DrayConfig;
import dev.dray.store.AuditEntry;
import dev.dray.store.Store;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dray audit}: the append-only record of what dray did to each host. */
@Command(name = "audit", description = "What dray did to each host, newest first (append-only).")
final class AuditCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final Map<String, String> env;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = {"-n", "--limit"},
      defaultValue = "50",
      description = "How many (default ${DEFAULT-VALUE}).")
  int limit;

  AuditCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    DrayConfig config = AppCommand.config(common, env);
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = Stores.open(env)) {
      List<AuditEntry> entries = store.audit().recent(config.service(), limit);
      for (AuditEntry e : entries) {
        out.println(WHEN.format(e.at()) + "  " + e.host() + "  " + e.action() + "  " + e.detail());
      }
      if (entries.isEmpty()) {
        out.println("nothing on record for " + config.service());
      }
      return 0;
    }
  }
}
