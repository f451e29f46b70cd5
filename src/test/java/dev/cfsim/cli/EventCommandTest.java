package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.viewer.ViewerEventJson;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EventCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Main.newCommandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private static String testDb(String name) throws URISyntaxException {
    return Path.of(EventCommandTest.class.getResource("/maxmind/" + name).toURI()).toString();
  }

  @Test
  void a_korean_iphone_viewer_gets_country_and_device_headers_from_the_embedded_database() {
    assertEquals(Main.EXIT_OK, run("event", "--ip", "211.234.1.1", "--uri", "/shop",
        "--host", "www.example.com", "--user-agent",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148"));
    ViewerRequestEvent event = ViewerEventJson.read(out.toString(), "stdout");
    assertEquals("/shop", event.request().uri());
    assertEquals("KR", event.request().headers().get("cloudfront-viewer-country").value());
    assertEquals("true", event.request().headers().get("cloudfront-is-ios-viewer").value());
    assertEquals("www.example.com", event.request().headers().get("host").value());
  }

  @Test
  void without_a_host_the_event_carries_the_example_distribution_domain_as_cloudfront_always_sends_one() {
    assertEquals(Main.EXIT_OK, run("event", "--ip", "211.234.1.1"));
    ViewerRequestEvent event = ViewerEventJson.read(out.toString(), "stdout");
    assertEquals("d111111abcdef8.cloudfront.net", event.request().headers().get("host").value());
  }

  @Test
  void a_host_given_as_a_header_is_the_only_host() {
    assertEquals(Main.EXIT_OK, run("event", "--ip", "211.234.1.1", "--header", " HOST : shop.example"));
    ViewerRequestEvent event = ViewerEventJson.read(out.toString(), "stdout");
    assertEquals("shop.example", event.request().headers().get("host").value());
    assertEquals(1, out.toString().split("\"host\"", -1).length - 1, out.toString());
  }

  @Test
  void a_port_out_of_range_exits_2_with_one_line_naming_port() {
    assertEquals(Main.EXIT_BAD_INPUT, run("event", "--ip", "1.1.1.1", "--port", "99999"));
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().contains("--port"), err.toString());
  }

  @Test
  void a_query_in_the_uri_becomes_the_query_string() {
    assertEquals(Main.EXIT_OK, run("event", "--ip", "1.1.1.1", "--uri", "/a?x=1&y=2"));
    ViewerRequestEvent event = ViewerEventJson.read(out.toString(), "stdout");
    assertEquals("/a", event.request().uri());
    assertEquals("1", event.request().querystring().get("x").value());
    assertEquals("2", event.request().querystring().get("y").value());
  }

  @Test
  void a_method_that_is_not_an_http_token_exits_2() {
    assertEquals(Main.EXIT_BAD_INPUT, run("event", "--ip", "1.1.1.1", "--method", "GE T"));
    assertTrue(err.toString().contains("--method"), err.toString());
  }

  @Test
  void what_no_viewer_can_send_exits_2_naming_the_option() {
    String[][] cases = {
      {"--header", "bad header:x", "--header"},
      {"--header", "X-A:a\nb", "--header X-A"},
      {"--query", "q=a b", "--query"},
      {"--uri", "/a\tb", "--uri"},
      {"--user-agent", "UA\u0000x", "--user-agent"},
    };
    for (String[] c : cases) {
      err.getBuffer().setLength(0);
      assertEquals(Main.EXIT_BAD_INPUT, run("event", "--ip", "1.1.1.1", c[0], c[1]), c[1]);
      assertEquals(1, err.toString().strip().lines().count(), err.toString());
      assertTrue(err.toString().contains(c[2]), err.toString());
    }
  }

  @Test
  void a_second_host_header_or_an_over_long_url_exits_2() {
    assertEquals(Main.EXIT_BAD_INPUT, run("event", "--ip", "1.1.1.1", "--host", "a.example", "--header", "Host:b.example"));
    assertTrue(err.toString().contains("a second Host header"), err.toString());
    assertEquals(Main.EXIT_BAD_INPUT, run("event", "--ip", "1.1.1.1", "--uri", "/" + "a".repeat(8_191)));
    assertTrue(err.toString().contains("under 8,192 characters"), err.toString());
  }

  @Test
  void without_a_port_the_viewer_address_uses_the_documented_stand_in() {
    assertEquals(Main.EXIT_OK, run("event", "--ip", "1.1.1.1"));
    ViewerRequestEvent event = ViewerEventJson.read(out.toString(), "stdout");
    // 49152: the first IANA dynamic port, as the README says
    assertEquals("1.1.1.1:49152", event.request().headers().get("cloudfront-viewer-address").value());
  }

  @Test
  void a_city_database_and_header_selection_are_honoured() throws Exception {
    assertEquals(Main.EXIT_OK, run("event", "--ip", "81.2.69.142", "--compact",
        "--geoip", testDb("GeoIP2-City-Test.mmdb"),
        "--headers", "CloudFront-Viewer-City,cloudfront-viewer-country"));
    // GeoIP2-City-Test.json: ::81.2.69.142/127 → London, GB
    assertEquals("{\"version\":\"1.0\",\"context\":{\"eventType\":\"viewer-request\"},"
        + "\"viewer\":{\"ip\":\"81.2.69.142\"},\"request\":{\"method\":\"GET\",\"uri\":\"/\","
        + "\"querystring\":{},\"headers\":{\"host\":{\"value\":\"d111111abcdef8.cloudfront.net\"},"
        + "\"cloudfront-viewer-country\":{\"value\":\"GB\"},"
        + "\"cloudfront-viewer-city\":{\"value\":\"London\"}},\"cookies\":{}}}",
        out.toString().trim());
  }

  @Test
  void device_rule_flags_change_the_device_headers() {
    String ipad = "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
    assertEquals(Main.EXIT_OK, run("event", "--ip", "211.234.1.1", "--user-agent", ipad,
        "--tablet-is-mobile", "false", "--compact"));
    ViewerRequestEvent event = ViewerEventJson.read(out.toString(), "stdout");
    assertEquals("true", event.request().headers().get("cloudfront-is-tablet-viewer").value());
    assertEquals("false", event.request().headers().get("cloudfront-is-mobile-viewer").value());
  }

  @Test
  void an_empty_user_agent_can_be_no_device_at_all() {
    assertEquals(Main.EXIT_OK, run("event", "--ip", "211.234.1.1", "--user-agent", "",
        "--empty-user-agent", "none", "--compact"));
    ViewerRequestEvent event = ViewerEventJson.read(out.toString(), "stdout");
    assertEquals("false", event.request().headers().get("cloudfront-is-desktop-viewer").value());
  }

  @Test
  void an_unknown_ip_prints_the_event_without_geo_headers_and_says_so() {
    assertEquals(Main.EXIT_OK, run("event", "--ip", "10.0.0.1"));
    assertFalse(out.toString().contains("cloudfront-viewer-country"));
    assertTrue(err.toString().contains("10.0.0.1 is not in"), err.toString());
  }

  @Test
  void a_corrupt_geo_database_exits_2_naming_the_file() throws Exception {
    String broken = testDb("MaxMind-DB-test-broken-search-tree-24.mmdb");
    assertEquals(Main.EXIT_BAD_INPUT, run("event", "--ip", "1.1.1.1", "--geoip", broken));
    assertTrue(err.toString().startsWith("cfsim: " + broken + ": "), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
  }

  @Test
  void a_value_that_is_not_an_ip_exits_2() {
    assertEquals(Main.EXIT_BAD_INPUT, run("event", "--ip", "www.example.com"));
    assertEquals("cfsim: --ip: not an IPv4 or IPv6 address: www.example.com",
        err.toString().trim());
  }

  @Test
  void an_unknown_header_name_exits_2() {
    assertEquals(Main.EXIT_BAD_INPUT, run("event", "--ip", "1.1.1.1", "--headers", "x-foo"));
    assertTrue(err.toString().contains("'x-foo' is not a header CloudFront adds"), err.toString());
  }
}
