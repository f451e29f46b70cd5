package dev.cfsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private static String problem(ObjectMapper mapper, String text) {
    return Json.readProblem(assertThrows(JsonProcessingException.class, () -> mapper.readTree(text)));
  }

  /** Jackson's own wording names parser features, classes and a redacted source: none may show. */
  static void assertPlain(String message) {
    for (String internal : new String[] {"com.fasterxml", "REDACTED", "Feature", "Source:", "`", "\n"}) {
      assertFalse(message.contains(internal), message);
    }
  }

  @Test
  void common_json_mistakes_are_told_in_plain_words_with_line_and_column() {
    Map<String, String> cases = Map.ofEntries(
        Map.entry("{\"name\": \"x\", \"regions\": {", "the JSON ends early (line 1, column 27)"),
        Map.entry("{\"a\": \"abc", "the JSON ends early, inside a string (line 1, column 11)"),
        Map.entry("{\"a\": 1} {}", "unexpected text after the JSON value (line 1, column 10)"),
        Map.entry("{\"a\": NaN}", "NaN is not a JSON number (line 1, column 7)"),
        Map.entry("{\"a\":\n -Infinity}", "-Infinity is not a JSON number (line 2, column 2)"),
        Map.entry("# note\n{}", "comments ('#') are not allowed in JSON (line 1, column 1)"),
        Map.entry("{\"a\": 1,}", "expected a field name in double quotes, found '}' (line 1, column 9)"),
        Map.entry("{\"a\" 1}", "expected ':' after the field name, found '1' (line 1, column 6)"),
        Map.entry("{\"a\": 1 \"b\": 2}", "expected ',' or '}' after a field, found '\"' (line 1, column 9)"),
        Map.entry("{\"a\": 'x'}", "strings go in double quotes, not single ones (line 1, column 7)"),
        Map.entry("{\"a\": tru}", "'tru' is not a JSON value (text goes in double quotes) (line 1, column 7)"),
        Map.entry("{\"a\": +1}", "a JSON number cannot start with '+' (line 1, column 8)"),
        Map.entry("{\"a\": 01}", "a JSON number cannot start with 0 (line 1, column 8)"),
        Map.entry("{\"a\": [1}", "found '}' where ']' should be (line 1, column 9)"),
        Map.entry("{\"a\": \"\\q\"}", "\\q is not a JSON escape (line 1, column 9)"));
    cases.forEach((text, expected) -> {
      String message = problem(JSON, text);
      assertEquals(expected, message, text);
      assertPlain(message);
    });
  }

  @Test
  void limits_and_characters_past_latin_1_are_told_too() {
    // review: these read "not readable" (a backtick clause wiped the whole message) or leaked
    String deep = "[".repeat(1_001) + "]".repeat(1_001);
    String message = problem(JSON, deep);
    assertTrue(message.startsWith("Document nesting depth (1001) exceeds the maximum allowed (1000)"), message);
    assertPlain(message);
    assertEquals("expected a field name in double quotes, found '€' (line 1, column 2)", problem(JSON, "{€}"));
  }

  @Test
  void yaml_problems_lose_the_quoted_source_and_keep_the_problems_position() {
    YAMLMapper yaml = new YAMLMapper();
    assertEquals("mapping values are not allowed here (line 2, column 3)", problem(yaml, "a: 1\n b: 2\nc"));
    assertEquals("while scanning a quoted scalar: found unexpected end of stream (line 1, column 6)",
        problem(yaml, "a: \"x"));
  }
}
