package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {

  @Test
  void a_computed_answer_is_remembered_under_its_key() {
    AnswerCache cache = new AnswerCache(10_000);
    String key = AnswerCache.key("/r", "a=1", "{}");
    assertNull(cache.get(key));
    assertEquals("answer", cache.compute(key, () -> "answer"));
    assertEquals("answer", cache.get(key));
  }

  @Test
  void the_same_body_under_another_query_or_route_is_another_key() {
    String body = "{\"regions\":{}}";
    assertEquals(3, Set.of(
        AnswerCache.key("/a", null, body),
        AnswerCache.key("/a", "x=1", body),
        AnswerCache.key("/b", null, body)).size());
  }

  @Test
  void a_full_cache_starts_afresh_instead_of_growing() {
    AnswerCache cache = new AnswerCache(1_600); // entries of up to 100 characters
    for (int i = 0; i < 100; i++) {
      cache.compute("key-" + i, () -> "x".repeat(80));
    }
    // 100 entries of ~86 characters would be ~8,600; the cache holds at most 1,600, so the
    // early keys are gone and the latest is there.
    assertNull(cache.get("key-0"));
    assertEquals("x".repeat(80), cache.get("key-99"));
  }

  @Test
  void an_answer_too_big_for_the_cache_is_returned_but_not_kept() {
    AnswerCache cache = new AnswerCache(1_600);
    String big = "y".repeat(500);
    assertEquals(big, cache.compute("k", () -> big));
    assertNull(cache.get("k"));
  }
}
