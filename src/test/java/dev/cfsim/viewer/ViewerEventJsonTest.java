package dev.cfsim.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cfsim.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewerEventJsonTest {

  private static ViewerRequestEvent sample() {
    Map<String, FieldValue> query = new LinkedHashMap<>();
    query.put("ID", FieldValue.of("42"));
    query.put("tag", new FieldValue("a", List.of("a", "b")));
    Map<String, FieldValue> headers = new LinkedHashMap<>();
    headers.put("host", FieldValue.of("www.example.com"));
    headers.put("cloudfront-viewer-country", FieldValue.of("KR"));
    Map<String, FieldValue> cookies = Map.of("id", FieldValue.of("x\"y"));
    return new ViewerRequestEvent("", "", "", "2001:db8::1",
        new ViewerRequest("GET", "/index.html", query, headers, cookies));
  }

  @Test
  void an_event_serialises_to_the_shape_a_function_receives() {
    String expected = "{\"version\":\"1.0\",\"context\":{\"eventType\":\"viewer-request\"},"
        + "\"viewer\":{\"ip\":\"2001:db8::1\"},"
        + "\"request\":{\"method\":\"GET\",\"uri\":\"/index.html\","
        + "\"querystring\":{\"ID\":{\"value\":\"42\"},"
        + "\"tag\":{\"value\":\"a\",\"multiValue\":[{\"value\":\"a\"},{\"value\":\"b\"}]}},"
        + "\"headers\":{\"host\":{\"value\":\"www.example.com\"},"
        + "\"cloudfront-viewer-country\":{\"value\":\"KR\"}},"
        + "\"cookies\":{\"id\":{\"value\":\"x\\\"y\"}}}}";
    assertEquals(expected, ViewerEventJson.write(sample()));
  }

  @Test
  void empty_maps_are_written_as_empty_objects_and_context_ids_when_known() {
    ViewerRequestEvent event = new ViewerRequestEvent("d111111abcdef8.cloudfront.net",
        "EDFDVBD6EXAMPLE", "req-1", "192.0.2.1", new ViewerRequest("GET", "/", null, null, null));
    assertEquals("{\"version\":\"1.0\",\"context\":{\"distributionDomainName\":"
        + "\"d111111abcdef8.cloudfront.net\",\"distributionId\":\"EDFDVBD6EXAMPLE\","
        + "\"eventType\":\"viewer-request\",\"requestId\":\"req-1\"},"
        + "\"viewer\":{\"ip\":\"192.0.2.1\"},\"request\":{\"method\":\"GET\",\"uri\":\"/\","
        + "\"querystring\":{},\"headers\":{},\"cookies\":{}}}", ViewerEventJson.write(event));
  }

  @Test
  void reading_the_json_back_gives_the_same_event() {
    ViewerRequestEvent event = sample();
    assertEquals(event, ViewerEventJson.read(ViewerEventJson.write(event), "test"));
    assertEquals(event, ViewerEventJson.read(ViewerEventJson.writePretty(event), "test"));
  }

  @Test
  void the_tree_is_what_reading_the_written_text_gives() throws Exception {
    Map<String, FieldValue> headers = new LinkedHashMap<>();
    headers.put("user-agent", FieldValue.of("\uD55C\uAD6D \uD83D\uDE00 \\ \" \u0001"));
    headers.put("x-empty", FieldValue.of(""));
    for (ViewerRequestEvent event : List.of(sample(), new ViewerRequestEvent("d1.cloudfront.net", "E1", "r",
        "192.0.2.1", new ViewerRequest("POST", "/%ED%95%9C", Map.of(), headers, Map.of())))) {
      assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree(ViewerEventJson.write(event)),
          ViewerEventJson.tree(event));
    }
  }

  @Test
  void an_event_without_viewer_ip_is_refused_naming_the_field() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ViewerEventJson.read("{\"request\":{}}", "event.json"));
    assertEquals("event.json: viewer.ip: missing", e.getMessage());
  }
}
