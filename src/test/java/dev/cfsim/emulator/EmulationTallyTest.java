package dev.cfsim.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cfsim.rules.Decision;
import dev.cfsim.viewer.FieldValue;
import dev.cfsim.viewer.ViewerRequest;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmulationTallyTest {
  private static final List<String> IDS = List.of("korea", "rewrite", "pass");

  private static Replayed replayed(String id, String country, String device, String uri, String result, double w) {
    Map<String, FieldValue> headers = new LinkedHashMap<>();
    headers.put("host", FieldValue.of("www.example.com"));
    if (country != null) {
      headers.put("cloudfront-viewer-country", FieldValue.of(country));
    }
    if (device != null) {
      headers.put("cloudfront-is-" + device + "-viewer", FieldValue.of("true"));
    }
    ViewerRequest request = new ViewerRequest("GET", uri, Map.of(), headers, Map.of());
    Decision decision = switch (id.equals("other") ? "other" : id) {
      case "korea" -> new Decision.Response(id, 302, "Found", Map.of("location", "https://kr.example.com" + uri + "?a=1"));
      case "rewrite" -> new Decision.Request(id, new ViewerRequest("GET", "/eu" + uri, Map.of(), headers, Map.of()), true);
      default -> new Decision.Request(id, request, false);
    };
    return new Replayed(w, result, new ViewerRequestEvent("", "", "", "192.0.2.1", request), decision);
  }

  @Test
  void a_function_s_own_answers_and_errors_are_not_redirects_and_errors_save_nothing() {
    // emulate --function: "response" may be a 200 from the edge, "error" the 503 of a throw
    EmulationTally t = new EmulationTally(List.of("response", "changed", "error"), java.util.Set.of("error"));
    ViewerRequest request = new ViewerRequest("GET", "/a", Map.of(), Map.of(), Map.of());
    ViewerRequestEvent event = new ViewerRequestEvent("", "", "", "192.0.2.1", request);
    t.add(new Replayed(1, "Miss", event, new Decision.Response("response", 200, "OK", Map.of())));
    t.add(new Replayed(1, "Miss", event, new Decision.Response("error", 503, "Service Unavailable", Map.of())));
    ViewerRequestEvent other = new ViewerRequestEvent("", "", "", "192.0.2.2",
        new ViewerRequest("GET", "/b", Map.of(), Map.of(), Map.of()));
    t.add(new Replayed(1, "Miss", other, new Decision.Response("response", 301, "Moved Permanently",
        Map.of("location", "https://www.example.com/b"))));
    ViewerRequest withQuery = new ViewerRequest("GET", "/a", Map.of("a", FieldValue.of("1")), Map.of(), Map.of());
    t.add(new Replayed(1, "Hit", event, new Decision.Request("changed", withQuery, true)));
    EmulationCounts c = t.counts();
    // before: 3 redirects, 3 follow-ups, 3 saved, and targets "200 (no location)", "503 (no location)"
    assertEquals(1.0, c.edgeResponses(), "only the 301 is a redirect");
    assertEquals(Map.of("301 https://www.example.com", 1.0), c.redirectTargets());
    assertEquals(2.0, c.originFetchesAvoided(), "the 200 and the 301 were Misses answered at the edge; the 503 is a failure");
    assertEquals(List.of("200 OK from the edge", "301 Moved Permanently -> https://www.example.com/b"),
        c.samples().get("response").stream().map(Sample::outcome).sorted().toList());
    assertEquals("forwarded with query string a=1", c.samples().get("changed").get(0).outcome());
  }

  @Test
  void decisions_countries_devices_and_targets_are_counted_with_weights() {
    EmulationTally t = new EmulationTally(IDS);
    t.add(replayed("korea", "KR", "mobile", "/a", "Miss", 1));
    t.add(replayed("korea", "KR", "desktop", "/b", "Hit", 1));
    t.add(replayed("rewrite", "DE", "tablet", "/c", "Hit", 100));
    t.add(replayed("pass", null, null, "/d", "Miss", 1));
    EmulationCounts c = t.counts();
    assertEquals(4, c.records());
    assertEquals(103.0, c.requests(), "1 + 1 + 100 + 1");
    assertEquals(Map.of("korea", 2.0, "rewrite", 100.0, "pass", 1.0), c.decisions());
    assertEquals(List.of("korea", "rewrite", "pass"), List.copyOf(c.decisions().keySet()), "rule order");
    assertEquals(List.of("DE", "KR", "unknown"), List.copyOf(c.byCountry().keySet()), "most requests first");
    assertEquals(Map.of("korea", 2.0), c.byCountry().get("KR"));
    assertEquals(Map.of("rewrite", 100.0), c.byDevice().get("tablet"));
    assertEquals(Map.of("pass", 1.0), c.byDevice().get("unknown"));
    assertEquals(Map.of("302 https://kr.example.com", 2.0), c.redirectTargets());
    assertEquals(2.0, c.edgeResponses());
    assertEquals(1.0, c.originFetchesAvoided(), "only the Miss went to the origin");
    assertEquals(100.0, c.changedRequests());
    assertEquals("302 Found -> https://kr.example.com/a?a=1",
        c.samples().get("korea").stream().filter(s -> s.uri().equals("/a")).findFirst().orElseThrow().outcome());
    assertEquals("forwarded with uri /eu/c", c.samples().get("rewrite").get(0).outcome());
  }

  @Test
  void samples_are_bounded_and_the_same_whichever_thread_saw_which_request() {
    EmulationTally one = new EmulationTally(IDS);
    EmulationTally a = new EmulationTally(IDS);
    EmulationTally b = new EmulationTally(IDS);
    for (int i = 0; i < 200; i++) {
      Replayed r = replayed("pass", "KR", "desktop", "/p/" + i, "Hit", 1);
      one.add(r);
      (i % 3 == 0 ? a : b).add(r);
    }
    List<Sample> together = one.counts().samples().get("pass");
    assertEquals(EmulationTally.SAMPLES_PER_DECISION, together.size());
    assertEquals(together, b.merge(a).counts().samples().get("pass"));
    assertEquals(200.0, b.counts().decisions().get("pass"));
  }

  @Test
  void a_browser_resends_a_post_redirected_with_301_302_or_303_as_a_get_and_fails_a_redirected_preflight() {
    // the Fetch standard's HTTP-redirect fetch: only 307 and 308 keep a POST's method and body
    assertEquals(true, Redirects.changesMethod("POST", 301));
    assertEquals(true, Redirects.changesMethod("POST", 302));
    assertEquals(true, Redirects.changesMethod("POST", 303));
    assertEquals(false, Redirects.changesMethod("POST", 307));
    assertEquals(false, Redirects.changesMethod("POST", 308));
    assertEquals(false, Redirects.changesMethod("PUT", 302)); // kept on 301/302: only POST changes
    assertEquals(true, Redirects.changesMethod("DELETE", 303));
    assertEquals(true, Redirects.changesMethod("OPTIONS", 308)); // a preflight fails on any redirect
    assertEquals(false, Redirects.changesMethod("GET", 303));
    assertEquals(false, Redirects.changesMethod("HEAD", 302));
  }

  @Test
  void redirected_requests_a_browser_will_not_resend_are_counted_per_rule_with_weights_across_threads() {
    EmulationTally a = new EmulationTally(IDS);
    EmulationTally b = new EmulationTally(IDS);
    for (String[] m : new String[][] {{"POST", "302"}, {"GET", "302"}, {"OPTIONS", "307"}, {"POST", "307"}}) {
      ViewerRequest q = new ViewerRequest(m[0], "/", Map.of(), Map.of(), Map.of());
      Decision d = new Decision.Response("korea", Integer.parseInt(m[1]), "Found", Map.of("location", "https://kr.example.com/"));
      a.add(new Replayed(2.5, "Hit", new ViewerRequestEvent("", "", "", "192.0.2.1", q), d));
      b.add(new Replayed(1, "Hit", new ViewerRequestEvent("", "", "", "192.0.2.1", q), d));
    }
    b.add(replayed("pass", "KR", null, "/", "Hit", 1)); // a POST passed on is not counted: there is none here
    // POST 302 and OPTIONS 307 in each: 2 x 2.5 + 2 x 1
    assertEquals(Map.of("korea", 7.0), a.merge(b).counts().redirectsChangingMethod());
    assertEquals(Map.of(), new EmulationTally(IDS).counts().redirectsChangingMethod());
  }

  @Test
  void a_redirect_to_the_url_requested_is_a_loop_whatever_the_host_s_case_or_a_fragment() {
    ViewerRequest q = new ViewerRequest("GET", "/a", Map.of(),
        Map.of("host", FieldValue.of("www.shop.example")), Map.of());
    assertEquals(true, Redirects.isOwnUrl(q, true, "https://www.shop.example/a"));
    assertEquals(true, Redirects.isOwnUrl(q, true, "https://WWW.Shop.Example/a#top"));
    assertEquals(true, Redirects.isOwnUrl(q, true, "/a"));
    assertEquals(false, Redirects.isOwnUrl(q, true, "https://www.shop.example/a?x=1"), "another query: another request");
    assertEquals(false, Redirects.isOwnUrl(q, true, "https://kr.shop.example/a"));
    assertEquals(false, Redirects.isOwnUrl(q, true, "https://www.shop.example.evil/a"));
    assertEquals(false, Redirects.isOwnUrl(q, true, "http://www.shop.example/a"), "the scheme changes");
    EmulationTally upgrades = new EmulationTally(IDS);
    upgrades.add(new Replayed(1, "Hit", new ViewerRequestEvent("", "", "", "192.0.2.1", q),
        new Decision.Response("korea", 301, "Moved Permanently", Map.of("location", "https://www.shop.example/a")), false));
    assertEquals(Map.of(), upgrades.counts().redirectsToSelf());
    assertEquals(true, Redirects.isOwnUrl(q, true, "//www.shop.example/a"), "keeps the request's scheme");
    // an HTTP request sent to HTTPS is the usual upgrade, which ends after one redirect
    assertEquals(false, Redirects.isOwnUrl(q, false, "https://www.shop.example/a"));
    assertEquals(true, Redirects.isOwnUrl(q, false, "http://www.shop.example/a"));
    assertEquals(true, Redirects.isOwnUrl(q, false, "/a"));
    ViewerRequest root = new ViewerRequest("GET", "/", Map.of("x", FieldValue.of("1")),
        Map.of("host", FieldValue.of("www.shop.example")), Map.of());
    assertEquals(true, Redirects.isOwnUrl(root, true, "https://www.shop.example?x=1"));

    EmulationTally t = new EmulationTally(IDS);
    t.add(new Replayed(2, "Hit", new ViewerRequestEvent("", "", "", "192.0.2.1", q),
        new Decision.Response("korea", 302, "Found", Map.of("location", "https://www.shop.example/a"))));
    t.add(new Replayed(1, "Hit", new ViewerRequestEvent("", "", "", "192.0.2.1", q),
        new Decision.Response("korea", 302, "Found", Map.of("location", "https://kr.shop.example/a"))));
    assertEquals(Map.of("korea", 2.0), t.counts().redirectsToSelf());
  }

  @Test
  void redirect_targets_beyond_the_cap_are_counted_together() {
    EmulationTally t = new EmulationTally(List.of("r", "pass"));
    for (int i = 0; i < EmulationTally.MAX_TARGETS + 5; i++) {
      ViewerRequest q = new ViewerRequest("GET", "/", Map.of(), Map.of(), Map.of());
      t.add(new Replayed(1, null, new ViewerRequestEvent("", "", "", "192.0.2.1", q),
          new Decision.Response("r", 301, "Moved Permanently", Map.of("location", "https://s" + i + ".example/x"))));
    }
    Map<String, Double> targets = t.counts().redirectTargets();
    assertEquals(EmulationTally.MAX_TARGETS + 1, targets.size());
    assertEquals(5.0, targets.get(EmulationTally.OTHER_TARGETS));
  }

  @Test
  void one_rule_redirecting_to_several_sites_and_statuses_files_each_under_its_own_target() {
    EmulationTally t = new EmulationTally(IDS);
    String[][] redirects = {
        {"302", "https://kr.example.com/a"}, {"302", "https://kr.example.com?q=1"},
        {"301", "https://kr.example.com/b"}, {"302", "https://kr.example.com.evil/c"},
        {"302", "https://kr.example.com"}, {"302", "https://kr.example.co/d"},
        {"302", "/local?x=1"}, {"302", "/local/y"}, {"302", "https://kr.example.com#top"}};
    for (String[] r : redirects) {
      ViewerRequest request = new ViewerRequest("GET", "/", Map.of(), Map.of(), Map.of());
      Decision decision = new Decision.Response("korea", Integer.parseInt(r[0]), "Found", Map.of("location", r[1]));
      t.add(new Replayed(1, "Hit", new ViewerRequestEvent("", "", "", "192.0.2.1", request), decision));
    }
    assertEquals(Map.of(
        "302 https://kr.example.com", 4.0, // /a, ?q=1, (nothing), #top
        "301 https://kr.example.com", 1.0,
        "302 https://kr.example.com.evil", 1.0,
        "302 https://kr.example.co", 1.0,
        "302 /local", 1.0,
        "302 /local/y", 1.0), t.counts().redirectTargets());
  }

  @Test
  void a_relative_location_is_filed_under_its_path() {
    assertEquals("/maintenance.html", EmulationTally.site("/maintenance.html?x=1"));
    assertEquals("https://kr.example.com", EmulationTally.site("https://kr.example.com?x=/a"));
  }

  @Test
  void a_decision_from_another_rule_set_is_refused() {
    EmulationTally t = new EmulationTally(IDS);
    assertThrows(IllegalArgumentException.class, () -> t.add(replayed("other", "KR", null, "/", null, 1)));
  }
}
