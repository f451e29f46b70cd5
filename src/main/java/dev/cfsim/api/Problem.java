package dev.cfsim.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title a short summary of the kind of problem, the same for every occurrence
 * @param status the HTTP status code
 * @param detail what went wrong in this request, in words a caller can act on
 * @param instance the request path that failed
 * @param path extension member: the JSON path of the bad field ({@code $.regions.ap.data_out}),
 *     absent when the request as a whole is at fault
 * @param parameter extension member: the query parameter at fault, when one is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String path,
    String parameter) {

  /** The media type of a problem body. */
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * A problem the status says all about ({@code about:blank}), titled with the status phrase:
   * the refusals of the HTTP layer, which name no field.
   *
   * @param instance the request path, or null when the request could not be read that far
   */
  static Problem ofStatus(int status, String detail, String instance) {
    return new Problem("about:blank", HttpStatus.forStatus(status).getMessage(), status, detail,
        instance, null, null);
  }
}
