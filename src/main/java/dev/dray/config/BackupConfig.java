package dev.dray.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backups taken before each deploy and how many are kept.
 *
 * @param keep how many backups are kept, at least 1; older ones are removed
 * @param commands the backup steps, in order; empty for no backups
 */
public record BackupConfig(int keep, List<BackupCommand> commands) {
  public static final int DEFAULT_KEEP = 5;

  public BackupConfig {
    commands = List.copyOf(commands);
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, got " + keep);
    }
  }

  /** The settings when the {@code backups} section is left out: no commands. */
  public static BackupConfig defaults() {
    return new BackupConfig(DEFAULT_KEEP, List.of());
  }

  static BackupConfig read(ConfigNode backups) {
    List<BackupCommand> commands = new ArrayList<>();
    Map<String, ConfigNode> names = new HashMap<>();
    for (ConfigNode command : backups.get("commands").elements()) {
      ConfigNode name = command.get("name");
      ConfigNode first = names.putIfAbsent(name.text(""), name);
      if (first != null) {
        name.problem(
            "duplicate backup name '" + name.text("") + "'; first used at " + first.where());
      }
      commands.add(new BackupCommand(name.text(""), command.get("run").text("")));
    }
    return new BackupConfig(backups.get("keep").integer().orElse(DEFAULT_KEEP), commands);
  }
}
