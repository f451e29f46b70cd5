package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonPointer;
import org.junit.jupiter.api.Test;

class JsonPathsTest {

  @Test
  void a_dotted_field_location_becomes_a_json_path() {
    assertEquals("$.regions.ap.data_out", JsonPaths.fromLocation("regions.ap.data_out"));
    assertEquals("$.rules[2].when", JsonPaths.fromLocation("rules[2].when"));
    assertEquals("$[0]", JsonPaths.fromLocation("[0]"));
    assertEquals("$.rules[0].when.colour", JsonPaths.fromLocation("rules[0] (korea).when.colour"));
  }

  @Test
  void no_location_or_a_line_number_is_no_path() {
    assertNull(JsonPaths.fromLocation(""));
    assertNull(JsonPaths.fromLocation(null));
    assertNull(JsonPaths.fromLocation("line 42"));
  }

  @Test
  void a_json_pointer_becomes_a_json_path_with_indexes_in_brackets() {
    assertEquals("$.regions[3].ap", JsonPaths.fromPointer(JsonPointer.compile("/regions/3/ap")));
    assertEquals("$", JsonPaths.fromPointer(JsonPointer.compile("")));
  }
}
