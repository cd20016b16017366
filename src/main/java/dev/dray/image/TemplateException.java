package dev.dray.image;

/** A template expression that cannot be parsed or evaluated; callers add which rule it was in. */
final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TemplateException(String message) {
    super(message);
  }
}
