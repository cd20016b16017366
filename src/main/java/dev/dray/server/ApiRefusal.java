package dev.dray.server;

/**
 * A request the server refuses with a 4xx (or, while stopping, 503) status: the message becomes the
 * response's {@code {"error": …}} and the refusal log line, so it never holds a token or secret.
 */
final class ApiRefusal extends ServerException {
  private static final long serialVersionUID = 1L;

  private final int status;

  private ApiRefusal(int status, String message, String hint) {
    super(message, hint, null);
    this.status = status;
  }

  /** HTTP status of the refusal. */
  int status() {
    return status;
  }

  static ApiRefusal unauthorized(String message) {
    return new ApiRefusal(
        401,
        message,
        "send the token of 'dray server' as 'Authorization: Bearer <token>' ('dray server token'"
            + " makes a new one)");
  }

  static ApiRefusal badRequest(String message) {
    return new ApiRefusal(400, message, "");
  }

  static ApiRefusal notFound(String message) {
    return new ApiRefusal(404, message, "");
  }

  static ApiRefusal unavailable(String message) {
    return new ApiRefusal(503, message, "try again once the server runs");
  }
}
