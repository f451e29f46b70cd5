package dev.cfsim.rules;

import static dev.cfsim.rules.Requests.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.viewer.FieldValue;
import dev.cfsim.viewer.ViewerRequest;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

  @Test
  void a_compiled_glob_decides_as_the_glob_itself() {
    List<String> patterns = List.of("/health", "/status/*", "*", "**", "/a*b", "/a?", "/x/**", "",
        "*.example.com", "a*", "?*", "/status/*x", "*/");
    List<String> inputs = List.of("", "/health", "/healthz", "/status/", "/status/x/y", "/status", "/ab",
        "/a", "/axb", "/x/", "www.example.com", "example.com", "a", "ab", "/", "b");
    for (String pattern : patterns) {
      Glob glob = new Glob(pattern);
      for (String input : inputs) {
        assertEquals(glob.matches(input), RuleEvaluator.matcher(glob).test(input), pattern + " on " + input);
      }
    }
  }


  private static RuleEvaluator rules(String yaml) {
    return RuleEvaluator.compile(RulesReader.parse(yaml, "test.yaml").rules());
  }

  private static Decision.Response response(Decision d) {
    return assertInstanceOf(Decision.Response.class, d);
  }

  private static Decision.Request request(Decision d) {
    return assertInstanceOf(Decision.Request.class, d);
  }

  @Nested
  class TheShopRules {
    private final RuleEvaluator shop;

    TheShopRules() throws IOException {
      shop = RuleEvaluator.compile(RulesReader.read(Path.of("examples/rules/shop.yaml")).rules());
    }

    private Requests www(String uri) {
      return get(uri).header("host", "www.shop.example")
          .header("user-agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
    }

    @Test
    void a_korean_viewer_on_the_global_site_goes_to_the_korean_site_with_path_and_query() {
      Decision d = shop.evaluate(www("/shoes/run").country("KR").devices(Device.DESKTOP)
          .query("size", "270").query("color", "red").build());
      Decision.Response r = response(d);
      assertEquals("korea-to-kr-site", r.ruleId());
      assertEquals(302, r.statusCode());
      assertEquals("Found", r.statusDescription());
      assertEquals(Map.of("location", "https://kr.shop.example/shoes/run?size=270&color=red"), r.headers());
    }

    @Test
    void repeated_and_empty_parameters_are_kept_in_order_as_name_equals_value() {
      Decision d = shop.evaluate(www("/s").country("KR")
          .query("tag", "a").query("q", "%EC%8B%A0%EB%B0%9C").query("tag", "b").query("flag", "").build());
      assertEquals("https://kr.shop.example/s?tag=a&tag=b&q=%EC%8B%A0%EB%B0%9C&flag=",
          response(d).location());
    }

    @Test
    void without_a_query_string_the_location_has_no_question_mark() {
      assertEquals("https://kr.shop.example/", response(shop.evaluate(www("/").country("KR").build())).location());
    }

    @Test
    void the_korean_site_itself_and_the_api_are_not_redirected() {
      Decision kr = shop.evaluate(get("/").header("host", "kr.shop.example").country("KR").build());
      assertEquals("pass", kr.ruleId());
      Decision api = shop.evaluate(www("/api/cart").country("KR").build());
      assertEquals("pass", api.ruleId());
    }

    @Test
    void the_host_is_compared_without_ascii_case() {
      Decision d = shop.evaluate(get("/").header("host", "WWW.Shop.EXAMPLE").country("KR").build());
      assertEquals("korea-to-kr-site", d.ruleId());
    }

    @Test
    void bots_and_health_checks_pass_even_from_korea() {
      Decision bot = shop.evaluate(get("/").header("host", "www.shop.example").country("KR")
          .header("user-agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").build());
      assertEquals("bots", bot.ruleId());
      assertSame(false, request(bot).changed());
      Decision naver = shop.evaluate(www("/").country("KR").header("user-agent", "Yeti/1.1 NaverBot").build());
      assertEquals("korea-to-kr-site", naver.ruleId(), "the second user-agent value is never looked at");
      Decision health = shop.evaluate(www("/healthz").country("KR").build());
      assertEquals("health-checks", health.ruleId());
      assertEquals("health-checks", shop.evaluate(www("/status/db").build()).ruleId());
    }

    @Test
    void phones_go_to_the_mobile_site_but_tablets_and_desktops_do_not() {
      Decision phone = shop.evaluate(www("/p/1").country("US").devices(Device.MOBILE, Device.IOS)
          .query("ref", "ad").build());
      assertEquals("phones-to-mobile", phone.ruleId());
      assertEquals("https://m.shop.example/p/1?ref=ad", response(phone).location());
      Decision tablet = shop.evaluate(www("/p/1").country("US").devices(Device.MOBILE, Device.TABLET).build());
      assertEquals("pass", tablet.ruleId());
      assertEquals("pass", shop.evaluate(www("/p/1").country("US").devices(Device.DESKTOP).build()).ruleId());
    }

    @Test
    void a_korean_phone_goes_to_the_korean_site_because_the_first_match_wins() {
      Decision d = shop.evaluate(www("/").country("KR").devices(Device.MOBILE, Device.ANDROID).build());
      assertEquals("korea-to-kr-site", d.ruleId());
    }

    @Test
    void without_geo_and_device_headers_nothing_matches_and_the_request_passes_unchanged() {
      ViewerRequest bare = www("/").build();
      Decision d = shop.evaluate(new ViewerRequestEvent("", "", "", "203.0.113.9", bare));
      assertEquals("pass", d.ruleId());
      assertSame(bare, request(d).request());
    }

    @Test
    void a_lower_case_country_header_is_not_korea() {
      assertEquals("pass", shop.evaluate(www("/").country("kr").build()).ruleId());
    }
  }

  @Test
  void keep_query_appends_with_an_ampersand_when_the_location_already_has_a_query() {
    RuleEvaluator e = rules("rules:\n  - id: r\n    redirect: { status: 301, "
        + "location: \"https://${host}/lang?to=ko&from=${uri}\", keep_query: true }\n");
    Decision.Response r = response(e.evaluate(get("/a").header("host", "x.example").query("b", "1").build()));
    assertEquals("https://x.example/lang?to=ko&from=/a&b=1", r.location());
    assertEquals("Moved Permanently", r.statusDescription());
  }

  @Test
  void the_querystring_placeholder_and_a_missing_host_expand_verbatim() {
    RuleEvaluator e = rules("rules:\n  - id: r\n    redirect: { status: 308, "
        + "location: \"https://${host}/x?${querystring}\" }\n");
    Decision.Response r = response(e.evaluate(get("/a").query("q", "a%20b").build()));
    assertEquals("https:///x?q=a%20b", r.location());
    assertEquals("Permanent Redirect", r.statusDescription());
  }

  @Test
  void a_relative_location_and_status_307_are_returned_as_written() {
    RuleEvaluator e = rules("rules:\n  - id: r\n    redirect: { status: 307, location: /maintenance.html }\n");
    Decision.Response r = response(e.evaluate(get("/x").build()));
    assertEquals(new Decision.Response("r", 307, "Temporary Redirect", Map.of("location", "/maintenance.html")), r);
  }

  @Test
  void header_names_in_rules_are_case_insensitive_but_cookie_and_query_names_are_not() {
    RuleEvaluator e = rules("""
        rules:
          - id: header
            when: { header: { X-Test: { equals: "1" } } }
            pass: true
          - id: cookie
            when: { cookie: { Session: { present: true } } }
            pass: true
          - id: query
            when: { query: { Lang: { equals: ko } } }
            pass: true
        """);
    assertEquals("header", e.evaluate(get("/").header("x-test", "1").build()).ruleId());
    assertEquals("pass", e.evaluate(get("/").cookie("session", "a").build()).ruleId());
    assertEquals("cookie", e.evaluate(get("/").cookie("Session", "a").build()).ruleId());
    assertEquals("pass", e.evaluate(get("/").query("lang", "ko").build()).ruleId());
    assertEquals("query", e.evaluate(get("/").query("Lang", "ko").build()).ruleId());
  }

  @Test
  void values_are_compared_exactly_on_the_first_value_only() {
    RuleEvaluator e = rules("""
        rules:
          - id: eq
            when: { query: { v: { equals: "a b" } } }
            pass: true
          - id: contains
            when: { cookie: { c: { contains: "Bot" } } }
            pass: true
        """);
    assertEquals("pass", e.evaluate(get("/").query("v", "a%20b").build()).ruleId(), "no decoding");
    assertEquals("pass", e.evaluate(get("/").query("v", "x").query("v", "a b").build()).ruleId());
    assertEquals("eq", e.evaluate(get("/").query("v", "a b").query("v", "x").build()).ruleId());
    assertEquals("pass", e.evaluate(get("/").cookie("c", "bot").build()).ruleId(), "case-sensitive");
    assertEquals("contains", e.evaluate(get("/").cookie("c", "xBotx").build()).ruleId());
  }

  @Test
  void present_false_is_true_for_a_missing_name_and_other_tests_are_false() {
    RuleEvaluator e = rules("""
        rules:
          - id: missing-ok
            when: { header: { x-a: { present: false } }, query: { q: { equals: "1" } } }
            pass: true
          - id: not-matches
            when: { not: { header: { x-b: { matches: "^z" } } } }
            pass: true
        """);
    assertEquals("missing-ok", e.evaluate(get("/").query("q", "1").build()).ruleId());
    assertEquals("not-matches", e.evaluate(get("/").header("x-a", "1").query("q", "1").build()).ruleId());
    assertEquals("pass", e.evaluate(get("/").header("x-a", "1").header("x-b", "zz").build()).ruleId());
  }

  @Test
  void a_backtracking_regex_search_stops_when_its_thread_is_interrupted() throws InterruptedException {
    RuleEvaluator e = rules("""
        rules:
          - id: slow
            when: { header: { user-agent: { matches: "a*!" } } }
            pass: true
        """);
    // patterns that split a value many ways are refused (EcmaRegex); one repeat is allowed, and its
    // search is quadratic: 40,000 a's took 1.4 s, 900,000 take minutes
    ViewerRequest event = get("/").header("user-agent", "a".repeat(900_000)).build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    Thread search = new Thread(() -> {
      started.countDown();
      try {
        e.evaluate(event);
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    search.setDaemon(true); // without the fix it would spin for hours; do not hold the JVM
    search.start();
    started.await();
    search.interrupt();
    search.join(10_000); // the search takes far longer than this unless it stops
    assertFalse(search.isAlive(), "still searching after the interrupt");
    assertInstanceOf(CancellationException.class, thrown.get());
  }

  @Test
  void country_region_needs_both_the_country_and_the_subdivision() {
    RuleEvaluator e = rules("rules:\n  - id: seoul\n    when: { country_region: [KR-11, US-CA] }\n    pass: true\n");
    assertEquals("seoul", e.evaluate(get("/").country("KR").header("cloudfront-viewer-country-region", "11").build()).ruleId());
    assertEquals("pass", e.evaluate(get("/").country("JP").header("cloudfront-viewer-country-region", "11").build()).ruleId());
    assertEquals("pass", e.evaluate(get("/").country("KR").build()).ruleId());
    assertEquals("seoul", e.evaluate(get("/").country("US").header("cloudfront-viewer-country-region", "CA").build()).ruleId());
  }

  @Test
  void method_path_prefix_and_any_combine() {
    RuleEvaluator e = rules("""
        rules:
          - id: writes
            when:
              method: [POST, PUT]
              any: [ { path_prefix: /api/ }, { path: "/cart/?" } ]
            pass: true
        """);
    assertEquals("writes", e.evaluate(Requests.request("POST", "/api/x").build()).ruleId());
    assertEquals("writes", e.evaluate(Requests.request("PUT", "/cart/1").build()).ruleId());
    assertEquals("pass", e.evaluate(Requests.request("PUT", "/cart/12").build()).ruleId());
    assertEquals("pass", e.evaluate(Requests.request("GET", "/api/x").build()).ruleId());
  }

  @Test
  void a_modifying_rule_removes_then_sets_headers_then_rewrites_from_the_original_uri() {
    RuleEvaluator e = rules("""
        rules:
          - id: eu
            rewrite: { uri: "/eu${uri}" }
            set_headers: { X-Region: eu, accept-language: de }
            remove_headers: [X-Debug]
        """);
    ViewerRequest in = get("/p?x").header("host", "a.example").header("accept-language", "en")
        .header("accept-language", "ko").header("x-debug", "1").query("x", "").cookie("c", "1").build();
    Decision.Request d = request(e.evaluate(in));
    assertTrue(d.changed());
    ViewerRequest out = d.request();
    assertEquals("/eu/p?x", out.uri());
    assertEquals(List.of("host", "accept-language", "x-region"), List.copyOf(out.headers().keySet()),
        "a replaced header keeps its place, a new one goes last, a removed one is gone");
    assertEquals(FieldValue.of("de"), out.headers().get("accept-language"), "every earlier value replaced");
    assertEquals(in.querystring(), out.querystring());
    assertEquals(in.cookies(), out.cookies());
    assertEquals("GET", out.method());
  }

  @Test
  void removing_an_absent_header_is_no_change() {
    RuleEvaluator e = rules("rules:\n  - id: r\n    remove_headers: [x-debug]\n");
    assertFalse(request(e.evaluate(get("/").build())).changed());
  }

  @Test
  void a_default_other_than_pass_decides_as_default() {
    RuleEvaluator e = rules("""
        rules:
          - id: page
            when: { path: /maintenance.html }
            pass: true
        default:
          redirect: { status: 307, location: "https://${host}/maintenance.html" }
        """);
    assertEquals(List.of("page", "default"), e.decisionIds());
    Decision d = e.evaluate(get("/shop").header("host", "www.example").build());
    assertEquals("default", d.ruleId());
    assertEquals("https://www.example/maintenance.html", response(d).location());
    assertEquals("page", e.evaluate(get("/maintenance.html").build()).ruleId());
  }

  @Test
  void a_relative_location_never_names_another_site() {
    RuleEvaluator e = rules("rules:\n  - id: slash\n    redirect: { location: \"${uri}/\", keep_query: true }\n");
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("//evil.example", "/evil.example/");
    expected.put("/\\evil.example", "/evil.example/");
    expected.put("///evil.example", "/evil.example/");
    expected.put("/\\/\\evil.example", "/evil.example/");
    expected.put("/\t/evil.example", "/evil.example/");
    expected.put("/\n/evil.example", "/evil.example/");
    expected.put("/shop//x", "/shop//x/");
    expected.put("/", "/");
    expected.forEach((uri, location) ->
        assertEquals(location, response(e.evaluate(get(uri).build())).location(), uri));
    assertEquals("/evil.example/?a=1", response(e.evaluate(get("//evil.example").query("a", "1").build())).location());

    RuleEvaluator under = rules("rules:\n  - id: under\n    redirect: { location: \"/${uri}\" }\n");
    assertEquals("/shop", response(under.evaluate(get("/shop").build())).location());
    RuleEvaluator absolute = rules("rules:\n  - id: abs\n    redirect: { location: \"https://x.example${uri}\" }\n");
    assertEquals("https://x.example//evil.example", response(absolute.evaluate(get("//evil.example").build())).location(),
        "an absolute location names its host already");
  }
}
