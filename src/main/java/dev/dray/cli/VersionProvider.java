package dev.dray.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports dray's version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"dray " + version()};
  }

  /** The version from the jar manifest, {@code dev} when run from classes. */
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
