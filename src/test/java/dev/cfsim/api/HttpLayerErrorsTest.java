package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Requests Jetty refuses before any route sees them are answered as problems too: the right
 * 4xx, {@code application/problem+json} matching the document's Problem schema, never HTML.
 */
class HttpLayerErrorsTest extends LoopbackServerTest {

  private static void assertProblem(String request, int status) {
    RawHttp.Answer a = RawHttp.send(server, request);
    String shown = request.length() > 80 ? request.substring(0, 80) + "…" : request;
    assertEquals(status, a.status(), shown + "\n" + a.head() + "\n" + a.body());
    assertTrue(a.isProblem(), shown + "\n" + a.head());
    assertFalse(a.body().contains("<"), a.body());
    assertEquals(status, a.json().get("status").asInt(), a.body());
    assertFalse(a.json().get("detail").asText().isBlank(), a.body());
    OpenApiContract contract = new OpenApiContract(server.get("/openapi.json").body());
    assertEquals(Set.of(), contract.validate("/components/schemas/Problem", a.json()), a.body());
  }

  private static String get(String target) {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  }

  @Test
  void an_overlong_uri_is_414() {
    assertProblem(get("/api/v1/" + "a".repeat(20_000)), 414);
  }

  @Test
  void oversized_headers_are_431() {
    assertProblem("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(20_000)
        + "\r\n\r\n", 431);
  }

  @Test
  void a_content_length_that_is_not_a_number_is_400() {
    assertProblem("POST /api/v1/estimates HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}", 400);
  }

  @Test
  void a_request_without_host_is_400() {
    assertProblem("GET /health HTTP/1.1\r\n\r\n", 400);
  }

  @Test
  void a_garbage_request_line_is_400() {
    assertProblem("GARBAGE\r\n\r\n", 400);
    assertProblem("GET\u0001/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400);
  }

  @Test
  void an_unknown_http_version_is_505_as_rfc_9110_has_it_and_still_a_problem() {
    assertProblem("GET /health HTTP/7.3\r\nHost: 127.0.0.1\r\n\r\n", 505);
  }

  @Test
  void encoded_dot_segments_and_control_characters_in_the_path_are_400() {
    assertProblem(get("/%2e%2e/%2e%2e/etc/passwd"), 400);
    assertProblem(get("/api/v1/price-books/%00"), 400);
    assertProblem("PUT /%2e%2e/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n", 400);
  }
}
