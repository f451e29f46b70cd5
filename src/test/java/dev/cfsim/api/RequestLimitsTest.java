package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bodies the API refuses before doing any work, each with the status RFC 9110 gives it. */
class RequestLimitsTest {
  private static final String ESTIMATES = "/api/v1/estimates";
  private static final int BODY_LIMIT = 2048;
  private static RunningApi server;

  @BeforeAll
  static void start() {
    server =
        RunningApi.start(
            ApiSettings.loopback(0).withLimits(ApiLimits.DEFAULT.withMaxBodyBytes(BODY_LIMIT)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_body_without_a_json_content_type_is_415() {
    RunningApi.Answer a = server.post(ESTIMATES, "text/plain", Profiles.KOREA_MALL);
    assertProblem(a, 415);
    assertTrue(a.json().get("detail").asText().contains("application/json"), a.body());
  }

  @Test
  void a_body_with_no_content_type_is_415() {
    assertProblem(server.post(ESTIMATES, null, Profiles.KOREA_MALL), 415);
  }

  @Test
  void a_body_with_a_content_encoding_is_415_not_read_as_text() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(Profiles.KOREA_MALL.getBytes(StandardCharsets.UTF_8));
    }
    RunningApi.Answer a = server.send(HttpRequest.newBuilder(URI.create(server.url(ESTIMATES)))
        .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())));
    assertProblem(a, 415);
    assertTrue(a.json().get("detail").asText().contains("Content-Encoding gzip"), a.body());
    RunningApi.Answer identity = server.send(HttpRequest.newBuilder(URI.create(server.url(ESTIMATES)))
        .header("Content-Type", "application/json").header("Content-Encoding", "identity")
        .POST(HttpRequest.BodyPublishers.ofString(Profiles.KOREA_MALL)));
    assertEquals(200, identity.status(), identity.body());
  }

  @Test
  void a_json_subtype_is_accepted_as_json() {
    assertEquals(200, server.post(ESTIMATES, "application/merge-patch+json", Profiles.KOREA_MALL).status());
  }

  @Test
  void malformed_json_is_400_with_line_column_and_path() {
    RunningApi.Answer a = server.postJson(ESTIMATES, "{\"regions\": {\"ap\": {\"requests\": 12,,}}}");
    assertProblem(a, 400);
    assertTrue(a.json().get("detail").asText().contains("line 1, column"), a.body());
    assertEquals("$.regions.ap.requests", a.json().get("path").asText());
  }

  @Test
  void an_empty_body_is_400() {
    assertProblem(server.postJson(ESTIMATES, ""), 400);
  }

  @Test
  void a_whitespace_only_body_is_400_naming_the_body_on_every_body_route() {
    List<String[]> routes = List.of(
        new String[] {ESTIMATES, "application/json"},
        new String[] {"/api/v1/plans/compare", "application/json"},
        new String[] {"/api/v1/functions/generate", "application/json"},
        new String[] {"/api/v1/functions/generate", "application/yaml"});
    for (String[] route : routes) {
      for (String blank : List.of("\n", "   ", " \r\n\t ")) {
        RunningApi.Answer a = server.post(route[0], route[1], blank);
        assertProblem(a, 400);
        assertTrue(a.json().get("detail").asText().startsWith("the request body is empty"),
            route[0] + " " + route[1] + ": " + a.body());
      }
    }
  }

  @Test
  void a_body_past_the_declared_size_limit_is_413() {
    String big = "{\"name\":\"" + "x".repeat(BODY_LIMIT) + "\"}";
    assertProblem(server.postJson(ESTIMATES, big), 413);
  }

  @Test
  void a_chunked_body_past_the_size_limit_is_413() {
    byte[] big = ("{\"name\":\"" + "x".repeat(BODY_LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);
    RunningApi.Answer a =
        server.send(
            HttpRequest.newBuilder(URI.create(server.url(ESTIMATES)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
    assertProblem(a, 413);
  }

  @Test
  void a_malformed_chunked_body_is_400_saying_the_body_is_malformed() {
    RawHttp.Answer a = RawHttp.send(server, "POST " + ESTIMATES + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "zz\r\n{\"regions\": {}}\r\n0\r\n\r\n");
    assertEquals(400, a.status(), a.head() + "\n" + a.body());
    assertTrue(a.isProblem(), a.head());
    assertTrue(a.json().get("detail").asText().contains("body is malformed"), a.body());
  }

  @Test
  void nesting_past_the_depth_limit_is_400_naming_where_it_stopped() {
    RunningApi.Answer a = server.postJson(ESTIMATES, Profiles.nested(ApiLimits.DEFAULT.maxJsonDepth() + 5));
    assertProblem(a, 400);
    assertTrue(a.json().get("detail").asText().contains("nesting depth"), a.body());
    assertTrue(a.json().get("path").asText().startsWith("$.regions[0]"), a.body());
  }

  @Test
  void a_string_past_the_length_limit_is_400() {
    RunningApi server2 = RunningApi.start(); // default body limit, so the string limit is hit first
    try {
      String longName = "x".repeat(ApiLimits.DEFAULT.maxStringLength() + 1);
      RunningApi.Answer a = server2.postJson(ESTIMATES, "{\"name\":\"" + longName + "\"}");
      assertProblem(a, 400);
      assertTrue(a.json().get("detail").asText().contains("String value length"), a.body());
    } finally {
      server2.close();
    }
  }

  @Test
  void duplicate_keys_are_400() {
    assertProblem(server.postJson(ESTIMATES, "{\"hours\": 730, \"hours\": 1}"), 400);
  }

  @Test
  void a_json_array_instead_of_a_profile_is_422_at_the_root() {
    RunningApi.Answer a = server.postJson(ESTIMATES, "[1, 2]");
    assertProblem(a, 422);
    assertEquals("$", a.json().get("path").asText());
  }

  @Test
  void an_absurd_number_deep_in_the_body_is_422_naming_its_json_path() {
    RunningApi.Answer a =
        server.postJson(ESTIMATES, "{\"regions\": {\"ap\": {\"requests\": 1}}, \"x\": [0, {\"y\": 1e-400}]}");
    assertProblem(a, 422);
    assertEquals("$.x[1].y", a.json().get("path").asText());
  }

  static void assertProblem(RunningApi.Answer a, int status) {
    assertEquals(status, a.status(), a.body());
    assertTrue(a.isProblem(), a.contentType());
    assertEquals(status, a.json().get("status").asInt(), a.body());
  }
}
