package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
  private static RunningApi server;
  private static OpenApiContract contract;

  @BeforeAll
  static void start() {
    server = RunningApi.start();
    RunningApi.Answer doc = server.get("/openapi.json");
    assertEquals(200, doc.status());
    contract = new OpenApiContract(doc.body());
  }

  @AfterAll
  static void stop() {
    server.close();
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

  /** Successful and failing calls of every operation; each answer must match the document. */
  private static List<Call> calls() {
    return List.of(
        get("/health", "/health"),
        get("/openapi.json", "/openapi.json"));
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
}
