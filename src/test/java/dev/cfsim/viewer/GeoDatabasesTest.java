package dev.cfsim.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.InvalidInputException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoDatabasesTest {

  @Test
  void a_city_database_places_an_ip_in_country_region_and_city() throws Exception {
    // GeoIP2-City-Test.json: ::81.2.69.142/127 → GB, ENG England, London, 51.5142/-0.0931
    GeoLocation g = TestDatabases.city().locate(InetAddress.getByName("81.2.69.142")).orElseThrow();
    assertEquals(new GeoLocation("GB", "United Kingdom", "ENG", "England", "London", "",
        "Europe/London", 51.5142, -0.0931, null), g);
  }

  @Test
  void a_country_database_uses_the_country_not_the_registered_country() throws Exception {
    // GeoIP2-Country-Test: 81.2.69.142 is in GB, registered to US
    GeoDatabase db = GeoDatabases.open(TestDatabases.file("GeoIP2-Country-Test.mmdb"));
    assertEquals("GB", db.locate(InetAddress.getByName("81.2.69.142")).orElseThrow().countryCode());
    assertEquals("SE", db.locate(InetAddress.getByName("89.160.20.112")).orElseThrow().countryCode());
  }

  @Test
  void the_free_geolite2_schema_reads_the_same_way() throws Exception {
    GeoDatabase db = GeoDatabases.open(TestDatabases.file("GeoLite2-Country-Test.mmdb"));
    assertEquals("KR", db.locate(InetAddress.getByName("2001:220::1")).orElseThrow().countryCode());
  }

  @Test
  void ipv6_addresses_are_located() throws Exception {
    // GeoIP2-City-Test.json: 2001:220::/32 → KR, Asia/Seoul, 37 / 127.5
    GeoLocation g = TestDatabases.city().locate(InetAddress.getByName("2001:220::1")).orElseThrow();
    assertEquals("KR", g.countryCode());
    assertEquals("Asia/Seoul", g.timeZone());
  }

  @Test
  void a_lookup_says_which_ipv4_network_its_answer_holds_for() throws Exception {
    // GeoIP2-City-Test.json: ::81.2.69.160/123 is London, i.e. 81.2.69.160/27 (123 - 96)
    GeoDatabase.Located london = TestDatabases.city().locateInNetwork(InetAddress.getByName("81.2.69.170"));
    assertEquals(27, london.ipv4NetworkBits());
    assertEquals("London", london.location().orElseThrow().city());
    // GeoIP2-Country-Test.json: ::89.160.20.112/124 is SE, i.e. 89.160.20.112/28
    GeoDatabase country = GeoDatabases.open(TestDatabases.file("GeoIP2-Country-Test.mmdb"));
    assertEquals(28, country.locateInNetwork(InetAddress.getByName("89.160.20.120")).ipv4NetworkBits());
    // GeoLite2-ASN-Test.json: 1.128.0.0/11 is AS1221
    AsnDatabase asn = AsnDatabase.open(TestDatabases.file("GeoLite2-ASN-Test.mmdb"));
    assertEquals(new AsnDatabase.Numbered(OptionalLong.of(1221), 11),
        asn.numberInNetwork(InetAddress.getByName("1.150.3.4")));
  }

  @Test
  void an_ipv6_lookup_or_an_unknown_geoip2_address_claims_no_network() throws Exception {
    GeoDatabase.Located v6 = TestDatabases.city().locateInNetwork(InetAddress.getByName("2001:220::1"));
    assertEquals("KR", v6.location().orElseThrow().countryCode());
    assertEquals(GeoDatabase.Located.UNKNOWN_NETWORK, v6.ipv4NetworkBits());
    GeoDatabase.Located unknown = TestDatabases.city().locateInNetwork(InetAddress.getByName("10.0.0.1"));
    assertTrue(unknown.location().isEmpty());
    assertEquals(GeoDatabase.Located.UNKNOWN_NETWORK, unknown.ipv4NetworkBits());
  }

  @Test
  void a_country_code_database_reports_the_network_even_of_an_unknown_address(@TempDir Path dir)
      throws Exception {
    // Ipv4OnlyMmdb writes one node whose two records both point at the data: each answer holds
    // for half the IPv4 space, a /1
    GeoDatabase db = GeoDatabases.open(
        Ipv4OnlyMmdb.write(dir, "DBIP-Country", Map.of("country_code", "US")));
    assertEquals(1, db.locateInNetwork(InetAddress.getByName("1.1.1.1")).ipv4NetworkBits());
    assertEquals(1, db.locateInNetwork(InetAddress.getByName("200.1.1.1")).ipv4NetworkBits());
    // the embedded DB-IP database: 10.0.0.0/8 is private, known to no one
    GeoDatabase.Located private10 = GeoDatabases.embedded().locateInNetwork(InetAddress.getByName("10.1.2.3"));
    assertTrue(private10.location().isEmpty());
    assertEquals(8, private10.ipv4NetworkBits());
  }

  @Test
  void an_ipv4_only_country_code_database_knows_no_ipv6_viewer(@TempDir Path dir)
      throws Exception {
    GeoDatabase db = GeoDatabases.open(
        Ipv4OnlyMmdb.write(dir, "DBIP-Country", Map.of("country_code", "US")));
    assertEquals("US", db.locate(InetAddress.getByName("1.1.1.1")).orElseThrow().countryCode());
    assertTrue(db.locate(InetAddress.getByName("2001:db8::1")).isEmpty());
    assertTrue(db.locate(InetAddress.getByName("2a00:1450:4001:800::200e")).isEmpty());
  }

  @Test
  void an_ipv4_only_geoip2_country_database_knows_no_ipv6_viewer(@TempDir Path dir)
      throws Exception {
    GeoDatabase db = GeoDatabases.open(Ipv4OnlyMmdb.write(dir, "GeoLite2-Country",
        Map.of("country", Map.of("iso_code", "US", "names", Map.of("en", "United States")))));
    assertEquals("US", db.locate(InetAddress.getByName("1.1.1.1")).orElseThrow().countryCode());
    assertTrue(db.locate(InetAddress.getByName("2001:db8::1")).isEmpty());
  }

  @Test
  void an_ipv4_only_asn_database_knows_no_ipv6_viewer(@TempDir Path dir) throws Exception {
    AsnDatabase db = AsnDatabase.open(Ipv4OnlyMmdb.write(dir, "GeoLite2-ASN",
        Map.of("autonomous_system_number", new Ipv4OnlyMmdb.Uint32(13335))));
    assertEquals(OptionalLong.of(13335), db.asn(InetAddress.getByName("1.1.1.1")));
    assertEquals(OptionalLong.empty(), db.asn(InetAddress.getByName("2001:db8::1")));
  }

  @Test
  void an_ipv6_viewer_unknown_to_an_ipv4_only_database_is_counted_unknown(@TempDir Path dir)
      throws Exception {
    ViewerEnricher enricher = ViewerEnricher.builder().geo(GeoDatabases.open(
        Ipv4OnlyMmdb.write(dir, "DBIP-Country", Map.of("country_code", "US")))).build();
    ViewerRequestEvent event = enricher.enrich(
        RecordedRequest.from("2001:db8::1").build());
    assertNull(event.request().headers().get("cloudfront-viewer-country"));
    assertEquals(new EnrichmentStats(1, 1, 0), enricher.stats());
  }

  @Test
  void a_private_address_is_unknown() throws Exception {
    assertTrue(TestDatabases.city().locate(InetAddress.getByName("10.0.0.1")).isEmpty());
  }

  @Test
  void a_corrupt_database_fails_at_open_naming_the_file() {
    Path broken = TestDatabases.file("MaxMind-DB-test-broken-search-tree-24.mmdb");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> GeoDatabases.open(broken));
    assertEquals(broken.toString(), e.source());
    assertTrue(e.getMessage().contains("MaxMind-DB-test-broken-search-tree-24.mmdb"));
  }

  @Test
  void a_missing_database_fails_at_open_naming_the_file() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> GeoDatabases.open(Path.of("no-such-dir/GeoLite2-City.mmdb")));
    assertTrue(e.getMessage().startsWith("no-such-dir/GeoLite2-City.mmdb: "), e.getMessage());
  }

  @Test
  void an_asn_database_given_as_geo_database_is_refused_with_advice() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> GeoDatabases.open(TestDatabases.file("GeoLite2-ASN-Test.mmdb")));
    assertTrue(e.getMessage().contains("--asn"), e.getMessage());
  }

  @Test
  void the_asn_database_gives_the_autonomous_system_number() throws Exception {
    AsnDatabase asn = AsnDatabase.open(TestDatabases.file("GeoLite2-ASN-Test.mmdb"));
    // GeoLite2-ASN-Test source data: 1.128.0.0/11 → AS1221 (Telstra Pty Ltd)
    assertEquals(OptionalLong.of(1221), asn.asn(InetAddress.getByName("1.128.0.1")));
    assertEquals(OptionalLong.empty(), asn.asn(InetAddress.getByName("10.0.0.1")));
  }

  @Test
  void a_corrupt_asn_database_fails_at_open_naming_the_file() {
    Path broken = TestDatabases.file("MaxMind-DB-test-broken-search-tree-24.mmdb");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> AsnDatabase.open(broken));
    assertEquals(broken.toString(), e.source());
  }
}
