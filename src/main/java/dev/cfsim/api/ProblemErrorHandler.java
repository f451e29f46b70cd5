package dev.cfsim.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's answers to requests that never reach a route (an overlong URI or header, a bad
 * Content-Length, no Host, an unreadable request line, an ambiguous or invalid path) as
 * {@code application/problem+json} like every other error, instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
  /** Longest detail taken from Jetty: its reasons are short, but may quote the request. */
  private static final int MAX_DETAIL = 200;

  private final ObjectMapper mapper;

  ProblemErrorHandler(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Requests Jetty refuses before dispatch: unparsable ones, invalid or ambiguous paths. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    return ByteBuffer.wrap(json(Problem.ofStatus(status, detail(status, reason), null)));
  }

  /** Errors Jetty's own handlers send while dispatching, outside Javalin's error mapping. */
  @Override
  protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
      HttpServletResponse response, int code, String message) throws IOException {
    byte[] body = json(Problem.ofStatus(code, detail(code, message), request.getRequestURI()));
    response.setContentType(Problem.MEDIA_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    baseRequest.setHandled(true);
  }

  /** Every method gets a problem body, not only GET, POST and HEAD as in Jetty's default. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  /** Jetty's reason, when it says more than the status phrase; sizes for the size limits. */
  private static String detail(int status, String reason) {
    switch (status) {
      case HttpStatus.URI_TOO_LONG_414:
        return "the request URI is longer than this server reads";
      case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431:
        return "the request's header fields are larger than this server reads";
      default:
        break;
    }
    if (reason == null || reason.isBlank() || reason.equals(HttpStatus.getMessage(status))) {
      return status == HttpStatus.BAD_REQUEST_400
          ? "the request is not valid HTTP, or its path is invalid or ambiguous (such as an "
              + "encoded dot segment or control character)"
          : HttpStatus.getMessage(status);
    }
    return reason.length() > MAX_DETAIL ? reason.substring(0, MAX_DETAIL) + "…" : reason;
  }

  private byte[] json(Problem problem) {
    try {
      return mapper.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
