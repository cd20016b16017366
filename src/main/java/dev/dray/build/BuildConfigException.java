package dev.dray.build;

/** The build settings ask for something this build cannot do. */
public final class BuildConfigException extends BuildException {
  private static final long serialVersionUID = 1L;

  public BuildConfigException(String message, String hint) {
    super(message, hint);
  }
}
