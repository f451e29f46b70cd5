package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A body that is not JSON gets a detail a user can act on, never Jackson's own wording. */
class MalformedJsonTest extends LoopbackServerTest {
  private static final String ESTIMATES = "/api/v1/estimates";

  private static String detail(String body) {
    RunningApi.Answer a = server.postJson(ESTIMATES, body);
    assertEquals(400, a.status(), a.body());
    assertTrue(a.isProblem(), a.contentType());
    for (String internal : new String[] {"com.fasterxml", "REDACTED", "Feature", "`"}) {
      assertFalse(a.body().contains(internal), a.body());
    }
    return a.json().get("detail").asText();
  }

  @Test
  void text_after_the_object_is_named_with_its_line_and_column() {
    assertEquals("the body is not valid JSON: unexpected text after the JSON value (line 1, column 46)",
        detail("{\"name\":\"x\",\"regions\":{\"us\":{\"requests\":1}}} {}"));
  }

  @Test
  void nan_is_not_a_json_number() {
    assertEquals("the body is not valid JSON: NaN is not a JSON number (line 1, column 41)",
        detail("{\"name\":\"x\",\"regions\":{\"us\":{\"requests\":NaN}}}"));
  }

  @Test
  void a_body_cut_short_ends_early() {
    assertEquals("the body is not valid JSON: the JSON ends early (line 1, column 27)",
        detail("{\"name\": \"x\", \"regions\": {"));
  }
}
