package dev.cfsim.api;

import static dev.cfsim.api.RequestLimitsTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FunctionRoutesTest extends LoopbackServerTest {
  private static final String GENERATE = "/api/v1/functions/generate";
  private static final Path SHOP_RULES = Path.of("examples/rules/shop.yaml");
  private static final String YAML = "application/yaml";

  @Test
  void the_shop_rules_become_the_function_cfsim_generate_prints_checked_and_sized() throws IOException {
    RunningApi.Answer a = server.post(GENERATE, YAML, Files.readString(SHOP_RULES));
    assertEquals(200, a.status(), a.body());
    JsonNode answer = a.json();
    String source = answer.get("source").asText();
    // The same code as the CLI's, but for the first comment line, which names the rules' source.
    assertEquals(withoutFirstLine(Cli.run("generate", "--rules", SHOP_RULES.toString(), "--no-check")),
        withoutFirstLine(source));
    assertEquals(source.getBytes(StandardCharsets.UTF_8).length, answer.get("size_bytes").asInt());
    assertTrue(answer.get("fits").asBoolean());
    assertEquals("cloudfront-js-2.0", answer.get("runtime").asText());
    JsonNode check = answer.get("runtime_check");
    assertTrue(check.get("ran").asBoolean(), check.toString());
    assertTrue(check.get("passed").asBoolean(), check.toString());
    assertFalse(check.toString().contains("/tmp/"), "server paths leaked: " + check);
    assertEquals("viewer-request", answer.get("test_event").get("context").get("eventType").asText());
    // the shop rules test country and mobile / tablet: the policy must add exactly these three
    assertEquals("[\"CloudFront-Viewer-Country\",\"CloudFront-Is-Mobile-Viewer\",\"CloudFront-Is-Tablet-Viewer\"]",
        answer.get("cloudfront_headers").toString());
  }

  private static String withoutFirstLine(String text) {
    return text.substring(text.indexOf('\n') + 1);
  }

  @Test
  void the_runtime_option_picks_the_javascript_runtime_and_check_false_skips_node() throws IOException {
    JsonNode answer = server.post(GENERATE + "?runtime=cloudfront-js-1.0&check=false", YAML,
        Files.readString(SHOP_RULES)).json();
    assertEquals("cloudfront-js-1.0", answer.get("runtime").asText());
    assertFalse(answer.get("runtime_check").get("ran").asBoolean());
  }

  @Test
  void bad_options_are_400_naming_the_parameter() throws IOException {
    String rules = Files.readString(SHOP_RULES);
    assertEquals("runtime", problemParameter(server.post(GENERATE + "?runtime=node-22", YAML, rules)));
    assertEquals("check", problemParameter(server.post(GENERATE + "?check=maybe", YAML, rules)));
  }

  private static String problemParameter(RunningApi.Answer a) {
    assertProblem(a, 400);
    return a.json().get("parameter").asText();
  }

  @Test
  void rules_with_an_unknown_condition_are_422_naming_the_field() {
    RunningApi.Answer a = server.post(GENERATE, YAML,
        "rules:\n  - id: x\n    when: {colour: red}\n    pass: true\n");
    assertProblem(a, 422);
    assertEquals("$.rules[0].when.colour", a.json().get("path").asText());
  }

  @Test
  void rules_may_be_sent_as_json() {
    RunningApi.Answer a = server.postJson(GENERATE + "?check=false",
        "{\"rules\": [{\"id\": \"health\", \"when\": {\"path\": \"/health\"}, \"pass\": true}]}");
    assertEquals(200, a.status(), a.body());
  }

  @Test
  void rules_sent_as_another_media_type_are_415() {
    assertProblem(server.post(GENERATE, "text/csv", "a,b"), 415);
  }
}
