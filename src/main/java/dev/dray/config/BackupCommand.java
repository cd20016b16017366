package dev.dray.config;

import java.util.Objects;

/**
 * One backup step: a host shell command ({@code sh -c}) run before a deploy with {@code
 * DRAY_BACKUP_DIR} set to the directory its output belongs in.
 *
 * @param name a name for the step, unique among the backup commands
 * @param run the shell command
 */
public record BackupCommand(String name, String run) {
  public BackupCommand {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(run, "run");
  }
}
