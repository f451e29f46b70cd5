package dev.cfsim.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMapTest {

  @Test
  void a_field_map_equals_a_linked_hash_map_with_the_same_entries_in_order() {
    FieldMap map = FieldMap.builder(2).append("b", "1").append("a", "2").build();
    Map<String, FieldValue> expected = new LinkedHashMap<>();
    expected.put("b", FieldValue.of("1"));
    expected.put("a", FieldValue.of("2"));
    assertEquals(expected, map);
    assertEquals(expected.hashCode(), map.hashCode());
    assertEquals(List.of("b", "a"), new ArrayList<>(map.keySet()));
  }

  @Test
  void every_one_of_many_names_is_found_and_absent_names_are_not() {
    FieldMap.Builder b = FieldMap.builder(2);
    for (int i = 0; i < 300; i++) {
      b.append("name-" + i, Integer.toString(i));
    }
    FieldMap map = b.build();
    for (int i = 0; i < 300; i++) {
      assertEquals(Integer.toString(i), map.get("name-" + i).value());
    }
    assertNull(map.get("name-300"));
    assertFalse(map.containsKey(42));
    assertEquals(300, map.size());
  }

  @Test
  void a_repeated_name_folds_into_multi_value_in_arrival_order() {
    FieldMap map = FieldMap.builder(4).append("x", "1").append("y", "a").append("x", "2")
        .append("x", "3").build();
    assertEquals(new FieldValue("1", List.of("1", "2", "3")), map.get("x"));
    assertEquals(List.of("x", "y"), new ArrayList<>(map.keySet()));
  }

  @Test
  void put_replaces_a_name_and_moves_it_to_the_end() {
    FieldMap map = FieldMap.builder(4).append("x", "viewer").append("y", "a")
        .put("x", FieldValue.of("cloudfront")).build();
    assertEquals(List.of("y", "x"), new ArrayList<>(map.keySet()));
    assertEquals("cloudfront", map.get("x").value());
  }

  @Test
  void a_field_map_is_not_copied_again_and_cannot_be_changed() {
    FieldMap map = FieldMap.builder(1).append("x", "1").build();
    assertSame(map, FieldMap.copyOf(map));
    assertSame(map, new ViewerRequest("GET", "/", map, map, map).headers());
    assertThrows(UnsupportedOperationException.class, () -> map.put("y", FieldValue.of("2")));
    assertThrows(UnsupportedOperationException.class, () -> map.entrySet().clear());
  }

  @Test
  void cookies_parsed_on_first_read_equal_cookies_parsed_at_once() {
    Map<String, FieldValue> lazy = LazyFieldMap.cookies("a=1; b=; c; a=2");
    Map<String, FieldValue> expected = new LinkedHashMap<>();
    expected.put("a", new FieldValue("1", List.of("1", "2")));
    expected.put("b", FieldValue.of(""));
    expected.put("c", FieldValue.of(""));
    assertEquals(expected, lazy);
    assertEquals(lazy, expected);
    assertSame(lazy, new ViewerRequest("GET", "/", null, null, lazy).cookies());
  }

  @Test
  void names_added_past_the_expected_size_land_in_order() {
    FieldMap.Builder b = FieldMap.builder(1).append("host", "a");
    for (String name : List.of("x", "y", "z", "w", "v")) {
      b.add(name, FieldValue.of(name.toUpperCase(java.util.Locale.ROOT)));
    }
    FieldMap map = b.build();
    assertEquals(List.of("host", "x", "y", "z", "w", "v"), new ArrayList<>(map.keySet()));
    assertEquals("V", map.get("v").value());
  }

  @Test
  void a_builder_cannot_be_used_after_build() {
    FieldMap.Builder b = FieldMap.builder(1).append("x", "1");
    b.build();
    assertThrows(NullPointerException.class, () -> b.append("y", "2"));
  }
}
