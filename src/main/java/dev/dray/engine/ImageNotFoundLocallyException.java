package dev.dray.engine;

/**
 * A container could not be created because its image is not on the Docker host; the engine does not
 * pull on create.
 */
public final class ImageNotFoundLocallyException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final String image;

  public ImageNotFoundLocallyException(String image, String engineMessage) {
    super(
        "image " + image + " is not on the Docker host: " + engineMessage,
        "pull it first (docker pull " + image + "); a deploy pulls before it creates containers");
    this.image = image;
  }

  /** The image reference or ID that is missing. */
  public String image() {
    return image;
  }
}
