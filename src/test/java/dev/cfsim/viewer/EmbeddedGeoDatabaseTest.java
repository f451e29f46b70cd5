package dev.cfsim.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maxmind.db.Reader;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The database the build fetched and packed (DB-IP IP to Country Lite 2.3.2026060120, pinned in
 * src/main/geo/package-lock.json). This test is the whole-file check that lets cfsim skip the walk
 * at start; the known answers are the pinned release's.
 */
class EmbeddedGeoDatabaseTest {

  @Test
  void the_embedded_database_is_whole_and_has_country_code_records() throws Exception {
    try (InputStream in = getClass().getResourceAsStream(GeoDatabases.EMBEDDED_RESOURCE)) {
      assertNotNull(in, "the build did not fetch the embedded geo database");
      try (Reader reader = new Reader(in)) {
        Map<?, ?> first = MmdbFiles.walk(reader);
        assertTrue(first.containsKey("country_code"), String.valueOf(first));
        assertEquals(6, reader.getMetadata().getIpVersion());
      }
    }
  }

  @Test
  void the_embedded_database_knows_korean_ipv4_and_ipv6_viewers() throws Exception {
    GeoDatabase db = GeoDatabases.embedded();
    assertEquals(GeoLocation.country("KR", "South Korea"),
        db.locate(InetAddress.getByName("211.234.1.1")).orElseThrow());
    assertEquals("KR", db.locate(InetAddress.getByName("2001:220::1")).orElseThrow().countryCode());
    assertEquals("US", db.locate(InetAddress.getByName("8.8.8.8")).orElseThrow().countryCode());
  }

  @Test
  void the_embedded_database_does_not_place_private_addresses() throws Exception {
    GeoDatabase db = GeoDatabases.embedded();
    assertTrue(db.locate(InetAddress.getByName("10.0.0.1")).isEmpty());
    assertTrue(db.locate(InetAddress.getByName("192.168.1.1")).isEmpty());
    assertTrue(db.locate(InetAddress.getByName("fd00::1")).isEmpty());
  }

  @Test
  void an_enricher_built_without_a_database_uses_the_embedded_one() {
    ViewerEnricher enricher = ViewerEnricher.builder().build();
    ViewerRequestEvent event = enricher.enrich(RecordedRequest.from("211.234.1.1").build());
    assertEquals("KR", event.request().headers().get("cloudfront-viewer-country").value());
    assertEquals("South Korea",
        event.request().headers().get("cloudfront-viewer-country-name").value());
    assertTrue(enricher.geoDescription().contains("DB-IP"));
  }
}
