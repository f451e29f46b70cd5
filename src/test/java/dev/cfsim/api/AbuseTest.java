package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and careless bodies against every JSON route: each must be answered with a 4xx
 * problem that matches the OpenAPI document, and the server must keep serving afterwards.
 */
class AbuseTest extends LoopbackServerTest {
  private static OpenApiContract contract;

  @BeforeAll
  static void readContract() {
    contract = new OpenApiContract(server.get("/openapi.json").body());
  }

  /** The JSON-body routes, from the document itself so a new one is covered at once. */
  private static List<String> jsonRoutes() {
    List<String> routes = new ArrayList<>();
    contract.document().get("paths").fields().forEachRemaining(e -> {
      if (e.getValue().path("post").path("requestBody").path("content").has("application/json")) {
        routes.add(e.getKey());
      }
    });
    assertTrue(routes.contains("/api/v1/estimates"), routes.toString());
    return routes;
  }

  private static List<String> badBodies() {
    return List.of(
        "{", "}", "{\"regions\":", "nul", "{'regions': {}}", "{\"a\" 1}", "\u0000\u0001\u0002",
        "{\"regions\": {\"ap\": {\"requests\": 1}}} trailing", "\uFEFF{}", "NaN", "[1,]",
        "{\"hours\": 1e999999}", "{\"hours\": " + "9".repeat(500) + "}",
        Profiles.nested(10_000), "{\"regions\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001),
        "{\"name\": \"" + "y".repeat(100_000) + "\"}",
        "x".repeat(200_000),
        "null", "true", "42", "\"profile\"", "[]", "{}",
        "{\"regions\": \"ap\"}", "{\"regions\": []}", "{\"regions\": {}}",
        "{\"regions\": {\"mars\": {\"requests\": 1}}}",
        "{\"regions\": {\"ap\": {\"requests\": \"lots\"}}}",
        "{\"regions\": {\"ap\": {\"requests\": -1}}}",
        "{\"regions\": {\"ap\": {\"requests\": 1, \"https_share\": 7}}}",
        "{\"regions\": {\"ap\": {\"data_out\": \"20 parsecs\"}}}",
        "{\"regions\": {\"ap\": {\"requests\": 1}}, \"hours\": 0}",
        "{\"regions\": {\"ap\": {\"requests\": 1}}, \"price_class\": \"cheap\"}",
        "{\"regions\": {\"ap\": {\"requests\": 1}}, \"functions\": {\"viewer_request\": [1]}}",
        "{\"regions\": {\"ap\": {\"requests\": 1}}, \"surprise\": true}",
        "{\"regions\": {\"ap\": {\"requests\": {\"$gt\": 0}}}}");
  }

  @Test
  void every_bad_body_on_every_json_route_is_a_4xx_problem_and_the_server_keeps_serving() {
    for (String route : jsonRoutes()) {
      for (String body : badBodies()) {
        assertFourXxProblem(route, server.postJson(route, body), body);
      }
    }
    assertStillServing();
  }

  @Test
  void broken_uploads_to_the_emulation_route_are_4xx_problems_and_the_server_keeps_serving() {
    String route = "/api/v1/emulations";
    List<String> contentTypes = List.of(
        "multipart/form-data; boundary=xyz", "multipart/form-data", "multipart/form-data; boundary=",
        "multipart/mixed; boundary=xyz");
    List<String> bodies = List.of(
        "", "garbage", "--xyz\r\n", "--xyz\r\nContent-Disposition: form-data; name=\"log\"\r\n\r\nabc",
        "--xyz\r\nContent-Disposition: form-data; name=\"log\"; filename=\"a\"\r\n\r\n\u001f\u008bnot gzip\r\n"
            + "--xyz\r\nContent-Disposition: form-data; name=\"rules\"\r\n\r\nrules: []\r\n--xyz--\r\n",
        "--xyz\r\nContent-Disposition: form-data; name=\"log\"; filename=\"a\"\r\n\r\n#Fields: nothing\nx\r\n"
            + "--xyz\r\nContent-Disposition: form-data; name=\"rules\"\r\n\r\n{{{\r\n--xyz--\r\n");
    for (String type : contentTypes) {
      for (String body : bodies) {
        RunningApi.Answer a = server.post(route, type, body);
        assertFourXxProblem(route, a, type + " | " + body);
      }
    }
    assertStillServing();
  }

  @Test
  void randomly_damaged_profiles_never_cause_a_server_error() {
    Random random = new Random(20261124L); // fixed seed: the same bodies every run
    byte[] good = Profiles.KOREA_MALL.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 300; i++) {
      byte[] damaged = good.clone();
      for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
        damaged[random.nextInt(damaged.length)] = (byte) (32 + random.nextInt(95));
      }
      String body = new String(damaged, StandardCharsets.UTF_8);
      RunningApi.Answer a = server.postJson("/api/v1/estimates", body);
      if (a.status() != 200) {
        assertFourXxProblem("/api/v1/estimates", a, body);
      }
    }
    assertStillServing();
  }

  private static void assertFourXxProblem(String route, RunningApi.Answer a, String body) {
    String sent = body.length() > 120 ? body.substring(0, 120) + "…" : body;
    assertTrue(a.status() >= 400 && a.status() < 500,
        route + " answered " + a.status() + " to " + sent + ": " + a.body());
    assertTrue(a.isProblem(), route + " " + a.contentType() + " for " + sent);
    assertTrue(!a.body().contains("\tat ") && !a.body().contains("Exception"),
        "stack trace or exception name leaked: " + a.body());
    Set<String> violations = contract.violations("POST", route, a);
    assertEquals(Set.of(), violations, route + " for " + sent + ": " + a.body());
  }

  private static void assertStillServing() {
    assertEquals(200, server.get("/health").status());
    assertEquals(200, server.postJson("/api/v1/estimates", Profiles.KOREA_MALL).status());
  }
}
