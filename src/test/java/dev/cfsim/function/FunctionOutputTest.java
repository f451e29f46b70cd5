package dev.cfsim.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FunctionOutputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  private static final String EVENT = "{'request': {'method': 'GET', 'uri': '/a', 'querystring': {},"
      + " 'headers': {'accept': {'value': 'a', 'multiValue': [{'value': 'a'}, {'value': 'b'}]},"
      + " 'host': {'value': 'x'}}, 'cookies': {}}}";

  @Test
  void header_order_does_not_matter_but_values_do() throws Exception {
    JsonNode event = json(EVENT);
    JsonNode one = json("{'method': 'GET', 'uri': '/a', 'querystring': {}, 'headers': {'x': {'value': '1'}, 'y': {'value': '2'}}}");
    JsonNode two = json("{'method': 'GET', 'uri': '/a', 'querystring': {}, 'headers': {'y': {'value': '2'}, 'x': {'value': '1'}}}");
    JsonNode three = json("{'method': 'GET', 'uri': '/a', 'querystring': {}, 'headers': {'y': {'value': '2'}, 'x': {'value': '9'}}}");
    assertEquals(FunctionOutput.canonical(one, event), FunctionOutput.canonical(two, event));
    assertNotEquals(FunctionOutput.canonical(one, event), FunctionOutput.canonical(three, event));
  }

  @Test
  void a_changed_value_replaces_only_the_first_of_repeated_values() throws Exception {
    JsonNode event = json(EVENT);
    JsonNode changed = json("{'method': 'GET', 'uri': '/a', 'headers': {'accept':"
        + " {'value': 'z', 'multiValue': [{'value': 'a'}, {'value': 'b'}]}}}");
    assertEquals(json("['z', 'b']"),
        FunctionOutput.canonical(changed, event).path("request").path("headers").path("accept"));
  }

  @Test
  void a_changed_multi_value_wins_over_value() throws Exception {
    JsonNode event = json(EVENT);
    JsonNode changed = json("{'method': 'GET', 'uri': '/a', 'headers': {'accept':"
        + " {'value': 'z', 'multiValue': [{'value': 'c'}]}}}");
    assertEquals(json("['c']"),
        FunctionOutput.canonical(changed, event).path("request").path("headers").path("accept"));
  }

  @Test
  void a_response_keeps_only_what_cloudfront_reads() throws Exception {
    JsonNode response = json("{'statusCode': 302, 'statusDescription': 'Found', 'extra': 1,"
        + " 'headers': {'location': {'value': 'https://kr.example.com/'}}}");
    assertEquals(json("{'response': {'statusCode': 302, 'statusDescription': 'Found',"
            + " 'headers': {'location': ['https://kr.example.com/']}, 'cookies': {}}}"),
        FunctionOutput.canonical(response, json(EVENT)));
  }

  @Test
  void nothing_returned_is_invalid() throws Exception {
    assertEquals(json("{'invalid': null}"), FunctionOutput.canonical(null, json(EVENT)));
  }
}
