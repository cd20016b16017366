package dev.dray.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dray.config.BackupCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Backups before a deploy: one directory per rollout under the app's backup root, holding what the
 * configured commands wrote and a snapshot of the release (config files, env variable names — never
 * values —, image digests); only the newest {@code keep} directories stay.
 */
final class Backups {
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(30);

  private final Path root;
  private final ShellRunner shell;

  Backups(Path root, ShellRunner shell) {
    this.root = root;
    this.shell = shell;
  }

  /** Creates backup {@code name}; returns its directory. */
  Path create(
      String name, List<BackupCommand> commands, ReleaseSnapshot snapshot, Map<String, String> env)
      throws InterruptedException {
    Path dir = root.resolve(name);
    try {
      Files.createDirectories(dir);
      writeSnapshot(dir, snapshot);
      for (BackupCommand c : commands) {
        Map<String, String> commandEnv = new LinkedHashMap<>(env);
        commandEnv.put("DRAY_BACKUP_DIR", dir.toString());
        ShellRunner.Result r = shell.run(c.run(), commandEnv, COMMAND_TIMEOUT);
        if (r.exitCode() != 0) {
          throw new DeployException(
              "backup '"
                  + c.name()
                  + "' failed with exit code "
                  + r.exitCode()
                  + ":\n"
                  + tail(r.output()),
              "fix the command under backups.commands in dray.yml; nothing was deployed");
        }
      }
      return dir;
    } catch (IOException e) {
      throw new DeployException(
          "cannot write backup to " + dir + ": " + e.getMessage(),
          "check that " + root + " is writable, or set DRAY_HOME");
    }
  }

  /** Deletes all but the newest {@code keep} backups. */
  void retain(int keep) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(root)) {
      List<Path> old =
          dirs.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).skip(keep).toList();
      for (Path d : old) {
        deleteTree(d);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeSnapshot(Path dir, ReleaseSnapshot snapshot) throws IOException {
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(dir.resolve("release.json").toFile(), snapshot);
    for (Path file : snapshot.configFiles()) {
      if (Files.isRegularFile(file)) {
        Files.copy(file, dir.resolve(file.getFileName().toString()));
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String tail(String output) {
    String[] lines = output.strip().split("\n");
    return String.join(
        "\n", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 15), lines.length));
  }
}
