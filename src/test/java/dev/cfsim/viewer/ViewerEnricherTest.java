package dev.cfsim.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ViewerEnricherTest {
  static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"
      + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

  private final ViewerEnricher enricher = TestDatabases.cityEnricher().build();

  @Test
  void a_us_iphone_request_gets_every_header_cloudfront_adds() {
    RecordedRequest request = RecordedRequest.from("216.160.83.57")
        .port(46532)
        .uri("/shop/item")
        .host("www.example.com")
        .userAgent(IPHONE)
        .header("Accept", "text/html")
        .build();
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("host", "www.example.com");
    expected.put("user-agent", IPHONE);
    expected.put("accept", "text/html");
    expected.put("cloudfront-viewer-address", "216.160.83.57:46532");
    expected.put("cloudfront-viewer-http-version", "2.0");
    expected.put("cloudfront-viewer-tls", "TLSv1.3:TLS_AES_128_GCM_SHA256:fullHandshake");
    expected.put("cloudfront-forwarded-proto", "https");
    // GeoIP2-City-Test.json, ::216.160.83.56/125: Milton, WA, US, metro 819, postal 98354
    expected.put("cloudfront-viewer-country", "US");
    expected.put("cloudfront-viewer-country-name", "United States");
    expected.put("cloudfront-viewer-country-region", "WA");
    expected.put("cloudfront-viewer-country-region-name", "Washington");
    expected.put("cloudfront-viewer-city", "Milton");
    expected.put("cloudfront-viewer-postal-code", "98354");
    expected.put("cloudfront-viewer-time-zone", "America/Los_Angeles");
    expected.put("cloudfront-viewer-latitude", "47.2513");
    expected.put("cloudfront-viewer-longitude", "-122.3149");
    expected.put("cloudfront-viewer-metro-code", "819");
    expected.put("cloudfront-is-desktop-viewer", "false");
    expected.put("cloudfront-is-mobile-viewer", "true");
    expected.put("cloudfront-is-tablet-viewer", "false");
    expected.put("cloudfront-is-smarttv-viewer", "false");
    expected.put("cloudfront-is-ios-viewer", "true");
    expected.put("cloudfront-is-android-viewer", "false");
    assertEquals(expected, values(enricher.enrich(request).request().headers()));
  }

  @Test
  void non_ascii_city_and_region_names_are_percent_encoded() {
    // GeoIP2-City-Test.json, ::89.160.20.112/124: Linköping, Östergötland County, SE
    Map<String, FieldValue> h = enricher.enrich(RecordedRequest.from("89.160.20.113").build())
        .request().headers();
    assertEquals("Link%C3%B6ping", h.get("cloudfront-viewer-city").value());
    assertEquals("%C3%96sterg%C3%B6tland County",
        h.get("cloudfront-viewer-country-region-name").value());
    assertEquals("E", h.get("cloudfront-viewer-country-region").value());
  }

  @Test
  void a_private_ip_gets_no_geo_headers_and_is_counted() {
    ViewerRequestEvent event = enricher.enrich(RecordedRequest.from("10.1.2.3").build());
    assertTrue(event.request().headers().keySet().stream()
        .noneMatch(n -> n.startsWith("cloudfront-viewer-c") || n.contains("time-zone")));
    assertEquals(new EnrichmentStats(1, 1, 0), enricher.stats());
  }

  @Test
  void an_ip_that_is_not_an_address_gets_no_geo_headers_and_is_counted_apart() {
    ViewerRequestEvent event = enricher.enrich(RecordedRequest.from("www.example.com").build());
    assertNull(event.request().headers().get("cloudfront-viewer-country"));
    assertEquals(new EnrichmentStats(1, 0, 1), enricher.stats());
  }

  @Test
  void a_run_shares_the_caches_and_answers_but_counts_on_its_own() {
    ViewerEnricher base = TestDatabases.cityEnricher().build();
    RecordedRequest inSweden = RecordedRequest.from("89.160.20.113").build();
    RecordedRequest inside = RecordedRequest.from("10.1.2.3").build();
    ViewerEnricher first = base.forRun();
    ViewerEnricher second = base.forRun();
    assertEquals(base.enrich(inSweden), first.enrich(inSweden));
    first.enrich(inside);
    assertEquals(base.enrich(inSweden), second.enrich(inSweden));
    assertEquals(new EnrichmentStats(2, 1, 0), first.stats());
    assertEquals(new EnrichmentStats(1, 0, 0), second.stats());
    assertEquals(new EnrichmentStats(2, 0, 0), base.stats());
    assertEquals(base.geoDescription(), second.geoDescription());
  }

  @Test
  void cookies_are_split_out_of_the_headers() {
    ViewerRequest r = enricher.enrich(RecordedRequest.from("81.2.69.142")
        .cookie("session=abc; theme=dark")
        .cookie("session=def")
        .build()).request();
    assertFalse(r.headers().containsKey("cookie"));
    assertEquals(new FieldValue("abc", List.of("abc", "def")), r.cookies().get("session"));
    assertEquals(FieldValue.of("dark"), r.cookies().get("theme"));
  }

  @Test
  void repeated_headers_fold_into_multi_value_and_names_become_lower_case() {
    ViewerRequest r = enricher.enrich(RecordedRequest.from("81.2.69.142")
        .header("X-Variant", "a")
        .header("x-variant", "b")
        .header("Accept", "text/html, application/json")
        .build()).request();
    assertEquals(new FieldValue("a", List.of("a", "b")), r.headers().get("x-variant"));
    // one header carrying a comma list is not split
    assertEquals(FieldValue.of("text/html, application/json"), r.headers().get("accept"));
  }

  @Test
  void the_query_string_keeps_names_and_encoded_values_as_sent() {
    ViewerRequest r = enricher.enrich(RecordedRequest.from("81.2.69.142")
        .querystring("ID=42&q=%E5%AE%B6&NoValue&tag=a&tag=b")
        .build()).request();
    Map<String, FieldValue> expected = new LinkedHashMap<>();
    expected.put("ID", FieldValue.of("42"));
    expected.put("q", FieldValue.of("%E5%AE%B6"));
    expected.put("NoValue", FieldValue.of(""));
    expected.put("tag", new FieldValue("a", List.of("a", "b")));
    assertEquals(expected, r.querystring());
  }

  @Test
  void a_header_the_viewer_sent_under_a_cloudfront_name_is_overwritten() {
    ViewerRequest r = enricher.enrich(RecordedRequest.from("81.2.69.142")
        .header("CloudFront-Viewer-Country", "KR")
        .build()).request();
    assertEquals(FieldValue.of("GB"), r.headers().get("cloudfront-viewer-country"));
  }

  @Test
  void a_viewer_sent_cloudfront_header_that_cfsim_does_not_add_is_dropped() {
    // Only the country is selected: every other CloudFront-owned name the viewer sent goes.
    ViewerEnricher countryOnly = TestDatabases.cityEnricher()
        .headers(HeaderSelection.of(CloudFrontHeader.VIEWER_COUNTRY))
        .build();
    ViewerRequest r = countryOnly.enrich(RecordedRequest.from("81.2.69.142")
        .header("CloudFront-Viewer-City", "Fake")
        .header("cloudfront-is-mobile-viewer", "true")
        .header("CloudFront-Viewer-JA3-Fingerprint", "forged")
        .header("CloudFront-Forwarded-Proto", "https")
        .header("CloudFront-Policy", "kept: not a header CloudFront adds")
        .build()).request();
    assertEquals(List.of("cloudfront-policy", "cloudfront-viewer-country"),
        new ArrayList<>(r.headers().keySet()));
  }

  @Test
  void an_unknown_viewer_keeps_no_forged_country() {
    ViewerRequest r = enricher.enrich(RecordedRequest.from("10.0.0.1")
        .header("CloudFront-Viewer-Country", "ZZ")
        .build()).request();
    assertNull(r.headers().get("cloudfront-viewer-country"));
  }

  @Test
  void only_the_selected_headers_are_added() {
    ViewerEnricher countryOnly = TestDatabases.cityEnricher()
        .headers(HeaderSelection.of(CloudFrontHeader.VIEWER_COUNTRY,
            CloudFrontHeader.IS_MOBILE_VIEWER))
        .build();
    ViewerRequest r = countryOnly.enrich(RecordedRequest.from("81.2.69.142")
        .host("www.example.com").userAgent(IPHONE).build()).request();
    assertEquals(List.of("host", "user-agent", "cloudfront-viewer-country",
        "cloudfront-is-mobile-viewer"), new ArrayList<>(r.headers().keySet()));
  }

  @Test
  void plain_http_gets_no_tls_header_and_proto_http() {
    Map<String, FieldValue> h = enricher.enrich(RecordedRequest.from("81.2.69.142").http()
        .httpVersion("HTTP/1.1").build()).request().headers();
    assertNull(h.get("cloudfront-viewer-tls"));
    assertEquals("http", h.get("cloudfront-forwarded-proto").value());
    assertEquals("1.1", h.get("cloudfront-viewer-http-version").value());
  }

  @Test
  void the_asn_header_comes_from_the_asn_database() {
    ViewerEnricher withAsn = TestDatabases.cityEnricher()
        .asn(AsnDatabase.open(TestDatabases.file("GeoLite2-ASN-Test.mmdb"))).build();
    // GeoLite2-ASN-Test: 1.128.0.0/11 → AS1221
    assertEquals(FieldValue.of("1221"), withAsn.enrich(RecordedRequest.from("1.128.0.1").build())
        .request().headers().get("cloudfront-viewer-asn"));
  }

  @Test
  void an_answer_cached_for_a_network_is_what_a_fresh_lookup_of_each_address_gives() {
    // City test db: 81.2.69.160/27 is London and 81.2.69.192/28 is not; ASN test db:
    // 1.128.0.0/11 is AS1221 (around it, other networks or none); 10.0.0.0/8 is unknown
    List<String> ips = List.of("81.2.69.160", "81.2.69.191", "81.2.69.192", "81.2.69.159", "81.2.70.1",
        "1.128.0.1", "1.159.255.255", "1.160.0.0", "1.127.255.255", "10.0.0.1", "10.200.3.4",
        "89.160.20.112", "89.160.20.128", "89.160.21.1", "2.125.160.216", "2.125.160.223", "2.125.160.224");
    AsnDatabase asn = AsnDatabase.open(TestDatabases.file("GeoLite2-ASN-Test.mmdb"));
    ViewerEnricher shared = TestDatabases.cityEnricher().asn(asn).build();
    for (String ip : ips) {
      shared.enrich(RecordedRequest.from(ip).build()); // fills the network caches in this order
    }
    for (String ip : ips) {
      RecordedRequest request = RecordedRequest.from(ip).build();
      ViewerEnricher fresh = TestDatabases.cityEnricher().asn(asn).build();
      assertEquals(values(fresh.enrich(request).request().headers()),
          values(shared.enrich(request).request().headers()), ip);
    }
  }

  @Test
  void many_threads_share_one_enricher_and_get_the_same_events() throws Exception {
    List<RecordedRequest> requests = List.of(
        RecordedRequest.from("81.2.69.142").userAgent(IPHONE).build(),
        RecordedRequest.from("2001:220::1").userAgent("").build(),
        RecordedRequest.from("89.160.20.112").build(),
        RecordedRequest.from("10.0.0.1").build());
    ViewerEnricher shared = TestDatabases.cityEnricher().cacheSizes(2, 2).build();
    List<ViewerRequestEvent> expected = requests.stream().map(enricher::enrich).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          for (int i = 0; i < 2_000; i++) {
            int k = i % requests.size();
            if (!shared.enrich(requests.get(k)).equals(expected.get(k))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : results) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdown();
    }
    // 8 threads × 2,000 events; one in four is the private 10.0.0.1
    assertEquals(new EnrichmentStats(16_000, 4_000, 0), shared.stats());
  }

  private static Map<String, String> values(Map<String, FieldValue> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }
}
