package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Query options are read strictly: a bad percent-escape, a repeated option or an unknown one is
 * a 400 naming it on every route, never ignored.
 */
class QueryParametersTest extends LoopbackServerTest {
  private static final String ESTIMATES = "/api/v1/estimates";

  private static RawHttp.Answer postProfile(String target) {
    String body = Profiles.SMALL_SITE;
    return RawHttp.send(server, "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length()
        + "\r\nConnection: close\r\n\r\n" + body);
  }

  private static void assertBadParameter(RawHttp.Answer a, String parameter, String says) {
    assertEquals(400, a.status(), a.head() + "\n" + a.body());
    assertTrue(a.isProblem(), a.head());
    assertEquals(parameter, a.json().get("parameter").asText(), a.body());
    assertTrue(a.json().get("detail").asText().contains(says), a.body());
  }

  @Test
  void a_bad_percent_escape_is_400_naming_the_parameter() {
    assertBadParameter(postProfile(ESTIMATES + "?price_class=1%ZZ"), "price_class", "percent-escape");
    assertBadParameter(postProfile(ESTIMATES + "?free_tier=%ZZ"), "free_tier", "percent-escape");
    assertBadParameter(postProfile(ESTIMATES + "?currency=KRW&fx=%ZZ"), "fx", "percent-escape");
    assertBadParameter(postProfile(ESTIMATES + "?price_class=10%"), "price_class", "percent-escape");
    assertBadParameter(postProfile(ESTIMATES + "?price_class=%2"), "price_class", "percent-escape");
    assertBadParameter(postProfile("/api/v1/functions/generate?check=%ZZ"), "check", "percent-escape");
  }

  @Test
  void an_escape_that_is_not_utf_8_is_400_naming_the_parameter() {
    assertBadParameter(postProfile(ESTIMATES + "?currency=%FF&fx=2"), "currency", "not UTF-8");
  }

  @Test
  void a_repeated_parameter_is_400_even_when_the_first_value_is_good() {
    assertBadParameter(postProfile(ESTIMATES + "?price_class=100&price_class=zzz"), "price_class",
        "more than once");
    assertBadParameter(postProfile(ESTIMATES + "?free_tier=none&free_tier=none"), "free_tier",
        "more than once");
  }

  @Test
  void well_formed_escapes_decode_as_the_values_they_stand_for() {
    assertEquals(200, postProfile(ESTIMATES + "?price_class=%32%30%30&free%5Ftier=none").status());
    RawHttp.Answer plain = postProfile(ESTIMATES + "?currency=KRW&fx=1400");
    RawHttp.Answer escaped = postProfile(ESTIMATES + "?currency=%4b%52%57&fx=1400&");
    assertEquals(200, escaped.status(), escaped.body());
    assertEquals(plain.body(), escaped.body());
  }

  @Test
  void get_routes_refuse_unknown_parameters_as_the_post_routes_do() {
    for (String path : new String[] {"/health", "/openapi.json", "/api/v1/price-books",
        "/api/v1/price-books/2025-11-18"}) {
      assertBadParameter(RawHttp.get(server, path + "?verbose=true"), "verbose", "unknown option");
      assertEquals(200, RawHttp.get(server, path).status(), path);
    }
  }
}
