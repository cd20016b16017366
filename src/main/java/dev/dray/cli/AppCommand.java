package dev.dray.cli;

import dev.dray.config.ConfigLoader;
import dev.dray.config.DrayConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Loads dray.yml for commands that act on the app it describes. */
final class AppCommand {
  private AppCommand() {}

  static DrayConfig config(CommonOptions common, Map<String, String> env) {
    return ConfigLoader.load(
        ConfigLoader.locate(Path.of("").toAbsolutePath(), Optional.ofNullable(common.config)), env);
  }
}
