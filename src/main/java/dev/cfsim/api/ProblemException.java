package dev.cfsim.api;

/**
 * Thrown by a handler to answer with a problem; the app renders it as
 * {@code application/problem+json}. One factory per kind of problem the API reports.
 */
final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final String TYPE_PREFIX = "urn:cfsim:problem:";

  private final int status;
  private final String type;
  private final String title;
  private final String path;
  private final String parameter;

  private ProblemException(int status, String slug, String title, String detail, String path) {
    this(status, slug, title, detail, path, null);
  }

  private ProblemException(
      int status, String slug, String title, String detail, String path, String parameter) {
    super(detail, null, false, false);
    this.status = status;
    this.type = slug == null ? "about:blank" : TYPE_PREFIX + slug;
    this.title = title;
    this.path = path;
    this.parameter = parameter;
  }

  static ProblemException malformedJson(String detail, String path) {
    return new ProblemException(400, "malformed-json", "Malformed JSON", detail, path);
  }

  static ProblemException jsonLimit(String detail, String path) {
    return new ProblemException(400, "json-limit", "JSON beyond the API's limits", detail, path);
  }

  static ProblemException badRequest(String detail, String path) {
    return new ProblemException(400, "bad-request", "Bad request", detail, path);
  }

  static ProblemException badParameter(String name, String detail) {
    return new ProblemException(
        400, "bad-parameter", "Bad query parameter", name + ": " + detail, null, name);
  }

  static ProblemException tooLarge(String detail) {
    return new ProblemException(413, "content-too-large", "Content too large", detail, null);
  }

  static ProblemException lengthRequired(String detail) {
    return new ProblemException(411, "length-required", "Length required", detail, null);
  }

  static ProblemException unsupportedMediaType(String detail) {
    return new ProblemException(
        415, "unsupported-media-type", "Unsupported media type", detail, null);
  }

  static ProblemException invalidInput(String detail, String path) {
    return new ProblemException(422, "invalid-input", "Invalid input", detail, path);
  }

  static ProblemException bodyTimeout(String detail) {
    return new ProblemException(408, "request-timeout", "Request body too slow", detail, null);
  }

  static ProblemException timeout(String detail) {
    return new ProblemException(503, "processing-timeout", "Request took too long", detail, null);
  }

  static ProblemException stopping(String detail) {
    return new ProblemException(503, "stopping", "Server stopping", detail, null);
  }

  static ProblemException busy(String detail) {
    return new ProblemException(503, "busy", "Server busy", detail, null);
  }

  static ProblemException notFound(String detail) {
    return new ProblemException(404, null, "Not Found", detail, null);
  }

  Problem toProblem(String instance) {
    return new Problem(type, title, status, getMessage(), instance, path, parameter);
  }
}
