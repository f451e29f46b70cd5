package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest extends LoopbackServerTest {
  private static OpenApiContract contract;

  @BeforeAll
  static void readContract() {
    RunningApi.Answer doc = server.get("/openapi.json");
    assertEquals(200, doc.status());
    contract = new OpenApiContract(doc.body());
  }

  /** One call to make, and the operation of the document it belongs to. */
  record Call(String method, String template, HttpRequest.Builder request) {}

  private static Call get(String template, String path) {
    return new Call("GET", template, HttpRequest.newBuilder(URI.create(server.url(path))).GET());
  }

  private static Call post(String template, String path, String contentType, String body) {
    return new Call("POST", template,
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static final String SHOP_RULES = read("examples/rules/shop.yaml");
  private static final byte[] SAMPLE_LOG = read("src/test/resources/emulator/shop-sample.log").getBytes(StandardCharsets.UTF_8);

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpRequest.Builder emulationUpload(String rules) {
    byte[] body = new Multipart().file("log", "access.log", SAMPLE_LOG).text("rules", rules).bytes();
    return HttpRequest.newBuilder(URI.create(server.url("/api/v1/emulations")))
        .header("Content-Type", Multipart.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  /** Successful and failing calls of every operation; each answer must match the document. */
  private static List<Call> calls() {
    String estimates = "/api/v1/estimates";
    String compare = "/api/v1/plans/compare";
    String json = "application/json";
    String generate = "/api/v1/functions/generate";
    String emulations = "/api/v1/emulations";
    return List.of(
        get("/", "/"),
        get("/health", "/health"),
        get("/openapi.json", "/openapi.json"),
        post(estimates, estimates, json, Profiles.KOREA_MALL),
        post(estimates, estimates + "?price_class=100&free_tier=none", json, Profiles.KOREA_MALL),
        post(estimates, estimates + "?currency=KRW&fx=1400", json, Profiles.SMALL_SITE),
        post(estimates, estimates, json, "{\"regions\": {\"ap\": {\"requests\": -1}}}"),
        post(estimates, estimates, json, "{\"regions\": "),
        post(estimates, estimates, "text/plain", Profiles.KOREA_MALL),
        post(estimates, estimates + "?price_class=cheap", json, Profiles.KOREA_MALL),
        post(compare, compare, json, Profiles.KOREA_MALL),
        post(compare, compare, json, Profiles.SMALL_SITE),
        post(compare, compare, json, "[]"),
        get("/api/v1/price-books", "/api/v1/price-books"),
        get("/api/v1/price-books/{id}", "/api/v1/price-books/2025-11-18"),
        get("/api/v1/price-books/{id}", "/api/v1/price-books/1999-01-01"),
        get("/api/v1/price-books/{id}", "/api/v1/price-books/..%2F..%2Fpom.xml"),
        post(generate, generate + "?check=false", "application/yaml", SHOP_RULES),
        post(generate, generate, "application/yaml", "rules: [{id: x, when: {colour: red}, pass: true}]"),
        post(generate, generate, "text/csv", "a,b"),
        new Call("POST", emulations, emulationUpload(SHOP_RULES)),
        new Call("POST", emulations, emulationUpload("rules: 7")),
        post(emulations, emulations, json, "{}"));
  }

  @Test
  void the_document_is_openapi_3_1_and_lists_every_route_the_server_serves_and_no_other() {
    assertTrue(contract.document().get("openapi").asText().startsWith("3.1"));
    Set<String> served = new TreeSet<>();
    for (String route : server.api().routes()) {
      served.add(route);
    }
    assertEquals(served, new TreeSet<>(contract.operations()));
  }

  @Test
  void every_answer_matches_the_schema_the_document_declares_for_it() {
    for (Call call : calls()) {
      RunningApi.Answer answer = server.send(call.request());
      Set<String> violations = contract.violations(call.method(), call.template(), answer);
      assertTrue(violations.isEmpty(),
          call.method() + " " + call.template() + " -> " + answer.status() + " " + answer.body()
              + "\n" + violations);
    }
  }

  @Test
  void an_unknown_route_answers_a_problem_as_the_document_defines_it() {
    RunningApi.Answer answer = server.get("/api/v1/no-such-thing");
    assertEquals(404, answer.status());
    assertEquals(Set.of(), contract.validate("/components/schemas/Problem", answer.json()));
  }

  @Test
  void schema_validation_catches_a_body_that_breaks_the_contract() {
    Set<String> violations =
        contract.validate("/components/schemas/Problem",
            RunningApi.Answer.parse("{\"type\":\"about:blank\",\"status\":\"four hundred\"}"));
    assertTrue(violations.size() >= 2, violations.toString()); // title missing, status a string
  }

  @Test
  void the_profile_schema_allows_counts_written_as_text_as_the_reader_does() {
    String profile = "{\"name\":\"t\",\"regions\":{\"ap\":{\"requests_per_hour\":\"600,000\",\"data_out\":\"20 TB\"}},"
        + "\"invalidation_paths\":\"1_000\"}";
    assertEquals(Set.of(), contract.validate("/components/schemas/TrafficProfile", RunningApi.Answer.parse(profile)));
    assertEquals(200, server.postJson("/api/v1/estimates", profile).status());
    String words = "{\"name\":\"t\",\"regions\":{\"ap\":{\"requests_per_hour\":\"lots\"}}}";
    assertTrue(!contract.validate("/components/schemas/TrafficProfile", RunningApi.Answer.parse(words)).isEmpty());
    assertEquals(422, server.postJson("/api/v1/estimates", words).status());
  }
}
