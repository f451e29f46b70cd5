package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {
  private static RunningApi server;

  @BeforeAll
  static void start() {
    server = RunningApi.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void health_answers_ok() {
    RunningApi.Answer a = server.get("/health");
    assertEquals(200, a.status());
    assertEquals("ok", a.json().get("status").asText());
  }

  @Test
  void unknown_route_is_a_404_problem_naming_the_route() {
    RunningApi.Answer a = server.get("/api/v1/nothing-here");
    assertEquals(404, a.status());
    assertTrue(a.isProblem(), a.contentType());
    assertEquals(404, a.json().get("status").asInt());
    assertEquals("about:blank", a.json().get("type").asText());
    assertTrue(a.json().get("detail").asText().contains("/api/v1/nothing-here"), a.body());
  }

  @Test
  void wrong_method_on_a_known_route_is_a_405_problem() {
    RunningApi.Answer a =
        server.send(HttpRequest.newBuilder(URI.create(server.url("/health"))).DELETE());
    assertEquals(405, a.status());
    assertTrue(a.isProblem(), a.contentType());
    assertEquals("Method Not Allowed", a.json().get("title").asText());
  }

  @Test
  void problems_never_carry_a_stack_trace() {
    RunningApi.Answer a = server.get("/api/v1/nothing-here");
    assertFalse(a.body().contains("at dev.cfsim") || a.body().contains("Exception"), a.body());
  }
}
