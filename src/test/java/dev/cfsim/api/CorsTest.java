package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CorsTest {
  private static final String DASHBOARD = "https://dash.example.com";

  private static RunningApi.Answer getWithOrigin(RunningApi server, String origin) {
    return server.send(
        HttpRequest.newBuilder(URI.create(server.url("/health"))).header("Origin", origin).GET());
  }

  @Test
  void cors_is_off_by_default_so_no_origin_is_allowed() {
    try (RunningApi server = RunningApi.start()) {
      RunningApi.Answer a = getWithOrigin(server, DASHBOARD);
      assertEquals(200, a.status());
      assertTrue(a.raw().headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
          a.raw().headers().toString());
    }
  }

  @Test
  void a_configured_origin_is_allowed_and_another_is_not() {
    try (RunningApi server =
        RunningApi.start(ApiSettings.loopback(0).withCorsOrigins(List.of(DASHBOARD)))) {
      assertEquals(DASHBOARD,
          getWithOrigin(server, DASHBOARD).raw().headers()
              .firstValue("Access-Control-Allow-Origin").orElse("(none)"));
      assertTrue(getWithOrigin(server, "https://evil.example.net").raw().headers()
          .firstValue("Access-Control-Allow-Origin").isEmpty());
    }
  }

  @Test
  void a_browser_preflight_for_a_json_post_is_allowed_for_a_configured_origin() {
    try (RunningApi server =
        RunningApi.start(ApiSettings.loopback(0).withCorsOrigins(List.of(DASHBOARD)))) {
      RunningApi.Answer a = server.send(
          HttpRequest.newBuilder(URI.create(server.url("/api/v1/estimates")))
              .header("Origin", DASHBOARD)
              .header("Access-Control-Request-Method", "POST")
              .header("Access-Control-Request-Headers", "content-type")
              .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
      assertEquals(200, a.status(), a.body());
      assertEquals(DASHBOARD, a.raw().headers().firstValue("Access-Control-Allow-Origin").orElse("(none)"));
      assertTrue(a.raw().headers().firstValue("Access-Control-Allow-Headers").orElse("")
          .toLowerCase(Locale.ROOT).contains("content-type"), a.raw().headers().toString());
    }
  }
}
