package dev.cfsim;

import java.util.Objects;

/**
 * Input a user gave us (a file, a flag, a request body) that cfsim refuses. It names where the
 * problem is so the CLI can print one line and exit 2, and the API can answer a 4xx problem+json
 * with the field's path; it is never a bug in cfsim.
 *
 * @param source the file name, or a label such as {@code request body} or {@code --price-class}
 * @param location the field path ({@code regions.ap.data_out}) or {@code line 42}; may be empty
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String location;
  private final String problem;

  public InvalidInputException(String source, String location, String problem) {
    this(source, location, problem, null);
  }

  public InvalidInputException(String source, String location, String problem, Throwable cause) {
    super(format(source, location, problem), cause);
    this.source = Objects.requireNonNullElse(source, "");
    this.location = Objects.requireNonNullElse(location, "");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** The file or input label, e.g. {@code examples/profiles/korea-mall.yaml}. */
  public String source() {
    return source;
  }

  /** Where in the source: a field path or a line; empty when the whole input is at fault. */
  public String location() {
    return location;
  }

  /** What is wrong, without the source and location. */
  public String problem() {
    return problem;
  }

  private static String format(String source, String location, String problem) {
    StringBuilder sb = new StringBuilder();
    if (source != null && !source.isEmpty()) {
      sb.append(source).append(": ");
    }
    if (location != null && !location.isEmpty()) {
      sb.append(location).append(": ");
    }
    return sb.append(problem).toString();
  }
}
