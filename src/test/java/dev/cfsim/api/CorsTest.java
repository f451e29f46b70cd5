package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
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
}
