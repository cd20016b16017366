package dev.dray.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports dray's version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"dray " + (v == null ? "dev" : v)};
  }
}
