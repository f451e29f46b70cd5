package dev.cfsim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.viewer.FieldValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Added with the function generator: its differential test found the order difference. */
class QueryStringsOrderTest {

  @Test
  void integer_names_come_first_in_ascending_order_as_a_javascript_object_enumerates_them() {
    Map<String, FieldValue> q = new LinkedHashMap<>();
    q.put("b", FieldValue.of("1"));
    q.put("10", FieldValue.of("x"));
    q.put("a", FieldValue.of("2"));
    q.put("2", FieldValue.of("y"));
    q.put("01", FieldValue.of("z"));
    // JavaScript: Object.keys({b:1, 10:1, a:1, 2:1, "01":1}) is ["2", "10", "b", "a", "01"].
    assertEquals("2=y&10=x&b=1&a=2&01=z", QueryStrings.serialise(q));
  }

  @Test
  void only_canonical_integers_below_two_to_the_32_minus_one_are_array_indices() {
    assertTrue(QueryStrings.isArrayIndex("0"));
    assertTrue(QueryStrings.isArrayIndex("4294967294"));
    assertFalse(QueryStrings.isArrayIndex("4294967295"));
    assertFalse(QueryStrings.isArrayIndex("00"));
    assertFalse(QueryStrings.isArrayIndex("-1"));
    assertFalse(QueryStrings.isArrayIndex("1.5"));
    assertFalse(QueryStrings.isArrayIndex(""));
    assertEquals(List.of("b", "a"), QueryStrings.javascriptOrder(List.of("b", "a")));
  }
}
