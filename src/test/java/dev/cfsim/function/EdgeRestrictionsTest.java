package dev.cfsim.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeRestrictionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  private static final String EVENT = "{'request': {'method': 'GET', 'uri': '/a b', 'querystring': {'q': {'value': 'x y'}},"
      + " 'headers': {'host': {'value': 'www.example.com'}}, 'cookies': {}}}";

  private static List<String> problems(String output) throws Exception {
    return EdgeRestrictions.problems(json(output), json(EVENT));
  }

  @Test
  void the_request_passed_on_unchanged_is_accepted_even_with_odd_viewer_values() throws Exception {
    assertEquals(List.of(), EdgeRestrictions.problems(json(EVENT).get("request"), json(EVENT)));
  }

  @Test
  void a_changed_method_is_refused() throws Exception {
    assertEquals(List.of("request.method changed from \"GET\" to \"POST\"; it is read-only"),
        problems("{'method': 'POST', 'uri': '/a b', 'querystring': {'q': {'value': 'x y'}}, 'headers': {'host': {'value': 'www.example.com'}}}"));
  }

  @Test
  void changing_host_or_adding_a_disallowed_header_is_refused() throws Exception {
    List<String> found = problems("{'method': 'GET', 'uri': '/a b', 'querystring': {'q': {'value': 'x y'}},"
        + " 'headers': {'host': {'value': 'evil.example'}, 'x-forwarded-proto': {'value': 'https'}, 'x-edge-foo': {'value': '1'}}}");
    assertEquals(3, found.size(), found.toString());
    assertTrue(found.contains("header 'x-forwarded-proto' is disallowed: CloudFront answers 502"), found.toString());
    assertTrue(found.contains("header 'x-edge-foo' is disallowed: CloudFront answers 502"), found.toString());
  }

  @Test
  void a_new_uri_must_start_with_a_slash_and_hold_no_space_or_hash() throws Exception {
    String rest = ", 'querystring': {'q': {'value': 'x y'}}, 'headers': {'host': {'value': 'www.example.com'}}}";
    assertEquals(List.of("request.uri \"index.html\" does not start with '/'"),
        problems("{'method': 'GET', 'uri': 'index.html'" + rest));
    assertEquals(List.of("request.uri has a space, a control character or '#'"),
        problems("{'method': 'GET', 'uri': '/x#y'" + rest));
  }

  @Test
  void a_new_query_string_may_not_add_a_hash_or_space() throws Exception {
    assertEquals(List.of("the query string has a space, a control character or '#'"),
        problems("{'method': 'GET', 'uri': '/a b', 'querystring': 'a=b#c', 'headers': {'host': {'value': 'www.example.com'}}}"));
  }

  @Test
  void a_response_header_value_may_not_carry_a_line_break() throws Exception {
    assertEquals(List.of("response header 'location' has a control character in its value"),
        problems("{'statusCode': 302, 'headers': {'location': {'value': 'https://x/\\r\\nset-cookie: a=b'}}}"));
  }
}
