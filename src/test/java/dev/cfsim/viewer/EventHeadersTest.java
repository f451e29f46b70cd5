package dev.cfsim.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The event's headers answer a lookup without building the map; every answer must be the one
 * the built map gives, whatever the viewer sent.
 */
class EventHeadersTest {
  /** Names a rule or report could ask for, in every spelling that matters. */
  private static final List<String> PROBES = List.of(
      "host", "Host", "HOST", "hOST", "hosT", "user-agent", "User-agent", "x-repeated", "x-Repeated", "cookie", "Cookie",
      "referer", "cloudfront-viewer-country", "CloudFront-Viewer-Country",
      "cloudfront-viewer-city", "cloudfront-viewer-address", "cloudfront-viewer-tls",
      "cloudfront-viewer-http-version", "cloudfront-forwarded-proto", "cloudfront-viewer-asn",
      "cloudfront-is-mobile-viewer", "cloudfront-is-tablet-viewer", "cloudfront-custom",
      "key", "\u212Aey", "xi\u0307d", "x\u0130d", "X\u0130d", "missing", "", "cloudfront-", "x-empty");

  private static RecordedRequest awkward() {
    return RecordedRequest.from("216.160.83.57")
        .port(46532)
        .header("HOST", "www.example.com")
        .header("hOST", "again.example.com") // folds with HOST into one host header
        .userAgent(ViewerEnricherTest.IPHONE)
        .header("X-Repeated", "a")
        .header("x-repeated", "b")
        .header("X-REPEATED", "c")
        .header("Cookie", "a=1")
        .header("cookie", "b=2")
        .header("CloudFront-Viewer-Country", "XX") // a viewer's own value, which CloudFront drops
        .header("CloudFront-Is-Mobile-Viewer", "false")
        .header("CloudFront-Custom", "kept") // not a CloudFront name: kept as sent
        .header("\u212Aey", "kelvin") // the Kelvin sign, which toLowerCase folds to 'k'
        .header("X\u0130d", "dotted") // a dotted capital I, which toLowerCase makes two characters
        .header("x-empty", "")
        .build();
  }

  @Test
  void every_lookup_answers_as_the_built_map_does() {
    for (HeaderSelection selection : List.of(HeaderSelection.all(),
        HeaderSelection.of(CloudFrontHeader.VIEWER_COUNTRY, CloudFrontHeader.IS_TABLET_VIEWER))) {
      ViewerEnricher enricher = TestDatabases.cityEnricher().headers(selection).build();
      for (RecordedRequest request : List.of(awkward(), RecordedRequest.from("10.1.2.3").build(),
          RecordedRequest.from("not an ip").http().header("User-Agent", "curl/8").build())) {
        Map<String, FieldValue> lazy = enricher.enrich(request).request().headers();
        Map<String, FieldValue> built = new LinkedHashMap<>(
            enricher.enrich(request).request().headers()); // iterates, so builds the map
        List<String> names = new ArrayList<>(PROBES);
        names.addAll(built.keySet());
        for (String name : names) {
          assertEquals(built.get(name), lazy.get(name), selection + " " + request + ": " + name);
          assertEquals(built.containsKey(name), lazy.containsKey(name), name);
        }
        assertNull(lazy.get(42));
      }
    }
  }

  @Test
  void no_lookup_builds_the_map() {
    // the report asks every event for its country and device; an unknown IP, a database
    // without cities or a selection without device headers must not make that build the map
    for (HeaderSelection selection : List.of(HeaderSelection.all(),
        HeaderSelection.of(CloudFrontHeader.VIEWER_COUNTRY))) {
      ViewerEnricher enricher = ViewerEnricher.builder().headers(selection).build();
      for (RecordedRequest request : List.of(awkward(), RecordedRequest.from("10.1.2.3").build(),
          RecordedRequest.from("-").http().build())) {
        EventHeaders headers = (EventHeaders) enricher.enrich(request).request().headers();
        for (String name : PROBES) {
          headers.get(name);
          headers.containsKey(name);
        }
        assertFalse(headers.built(), request.toString());
        headers.size();
        assertTrue(headers.built());
      }
    }
  }

  @Test
  void lookups_fold_repeats_drop_the_viewers_cloudfront_headers_and_lower_names() {
    Map<String, FieldValue> h = TestDatabases.cityEnricher().build().enrich(awkward())
        .request().headers();
    assertEquals(new FieldValue("a", List.of("a", "b", "c")), h.get("x-repeated"));
    assertEquals(new FieldValue("www.example.com", List.of("www.example.com", "again.example.com")),
        h.get("host"));
    assertNull(h.get("Host"), "names in the event are lower case");
    assertNull(h.get("cookie"), "cookies are in request.cookies, not the headers");
    // GeoIP2-City-Test.json, ::216.160.83.56/125 is US; the viewer's XX is gone
    assertEquals(FieldValue.of("US"), h.get("cloudfront-viewer-country"));
    assertEquals(FieldValue.of("true"), h.get("cloudfront-is-mobile-viewer"));
    assertEquals(FieldValue.of("kept"), h.get("cloudfront-custom"));
    // header names are ASCII tokens: only A to Z fold, as in the rules and the generated function
    assertNull(h.get("key"));
    assertEquals(FieldValue.of("kelvin"), h.get("\u212Aey"));
    assertEquals(FieldValue.of("dotted"), h.get("x\u0130d"));
    assertEquals(FieldValue.of(""), h.get("x-empty"));
    assertEquals(FieldValue.of("216.160.83.57:46532"), h.get("cloudfront-viewer-address"));
    assertFalse(h.containsKey("cloudfront-viewer-asn"), "no ASN database");
    assertTrue(h.containsKey("user-agent"));
  }
}
