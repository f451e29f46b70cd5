package dev.cfsim.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsLiteralTest {

  @TempDir Path tmp;

  @Test
  void quotes_backslashes_and_line_separators_are_escaped() {
    assertEquals("\"a\\u0022b\\u005cc\\u2028d\\u2029\"", JsLiteral.of("a\"b\\c\u2028d\u2029"));
    assertEquals("\"\\u003c/script\\u003e\\u0024{x}\"", JsLiteral.of("</script>${x}"));
    assertEquals("\"\\ud800\"", JsLiteral.of("\ud800"));
  }

  @Test
  void every_literal_is_printable_ascii_without_a_quote_or_backslash_inside() {
    HostileStrings hostile = new HostileStrings(6);
    for (int i = 0; i < 5_000; i++) {
      String literal = JsLiteral.of(hostile.next(12) + hostile.anyChar());
      String body = literal.substring(1, literal.length() - 1);
      assertTrue(literal.startsWith("\"") && literal.endsWith("\""), literal);
      for (int j = 0; j < body.length(); j++) {
        char c = body.charAt(j);
        assertTrue(c >= 0x20 && c < 0x7f && c != '"' && c != '$' && c != '<', literal);
        if (c == '\\') {
          assertTrue(body.startsWith("\\u", j) && body.substring(j + 2, j + 6).matches("[0-9a-f]{4}"), literal);
          j += 5;
        }
      }
    }
  }

  @Test
  void node_reads_back_exactly_the_code_units_that_went_in() throws Exception {
    HostileStrings hostile = new HostileStrings(2028);
    List<String> values = new ArrayList<>();
    StringBuilder js = new StringBuilder("'use strict';\nvar values = [\n");
    for (int i = 0; i < 2_000; i++) {
      String value = i < 1_000 ? hostile.next(10) : String.valueOf(hostile.anyChar()) + hostile.next(3);
      values.add(value);
      // Inside a template literal as well as plain: a value must not open a substitution.
      js.append("  ").append(JsLiteral.of(value)).append(",\n");
    }
    js.append("];\nvar units = values.map(function (s) { var u = []; for (var i = 0; i < s.length; i++)"
        + " { u.push(s.charCodeAt(i)); } return u; });\nprocess.stdout.write(JSON.stringify(units));\n");
    JsonNode units = new ObjectMapper().readTree(NodeScript.run(tmp, js.toString()));
    assertEquals(values.size(), units.size());
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      JsonNode u = units.get(i);
      assertEquals(value.length(), u.size(), "length of value " + i + ": " + JsLiteral.of(value));
      for (int j = 0; j < value.length(); j++) {
        assertEquals((int) value.charAt(j), u.get(j).asInt(), "value " + i + ": " + JsLiteral.of(value));
      }
    }
  }
}
