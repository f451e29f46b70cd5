package dev.cfsim.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void a_star_matches_any_run_of_characters_across_slashes() {
    Glob api = new Glob("/api/*");
    assertTrue(api.matches("/api/"));
    assertTrue(api.matches("/api/v1/orders/7"));
    assertFalse(api.matches("/api"));
    assertFalse(api.matches("/shop/api/x"));
  }

  @Test
  void a_question_mark_matches_exactly_one_character() {
    Glob g = new Glob("/p?.html");
    assertTrue(g.matches("/p1.html"));
    assertTrue(g.matches("/p/.html"));
    assertFalse(g.matches("/p.html"));
    assertFalse(g.matches("/p12.html"));
  }

  @Test
  void without_wildcards_a_glob_is_an_exact_case_sensitive_match() {
    Glob g = new Glob("/Health");
    assertTrue(g.isExact());
    assertTrue(g.matches("/Health"));
    assertFalse(g.matches("/health"));
    assertFalse(g.matches("/Health/"));
  }

  @Test
  void stars_backtrack_to_find_a_match() {
    Glob g = new Glob("*.min.js");
    assertTrue(g.matches("/a.min.b.min.js"));
    assertFalse(g.matches("/a.min.js.map"));
    assertTrue(new Glob("*a*b*").matches("xxaxxbxx"));
    assertFalse(new Glob("*a*b*").matches("xxbxxaxx"));
  }

  @Test
  void percent_encoding_is_matched_as_written_never_decoded() {
    Glob g = new Glob("/caf%C3%A9/*");
    assertTrue(g.matches("/caf%C3%A9/menu"));
    assertFalse(g.matches("/café/menu"));
  }

  @Test
  void only_all_star_patterns_match_everything() {
    assertTrue(new Glob("*").matchesEverything());
    assertTrue(new Glob("**").matchesEverything());
    assertFalse(new Glob("/*").matchesEverything());
    assertFalse(new Glob("").matchesEverything());
  }
}
