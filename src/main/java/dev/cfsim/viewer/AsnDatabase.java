package dev.cfsim.viewer;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.AsnResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.OptionalLong;

/** A GeoLite2/GeoIP2 ASN database: the number behind CloudFront-Viewer-ASN. */
public final class AsnDatabase {
  private final DatabaseReader reader;
  private final String description;
  private final int ipVersion;

  private AsnDatabase(DatabaseReader reader, String description) {
    this.reader = reader;
    this.description = description;
    this.ipVersion = reader.getMetadata().getIpVersion();
  }

  /** Opens and checks an ASN database; a missing, corrupt or non-ASN file names itself in the error. */
  public static AsnDatabase open(Path file) {
    DatabaseReader reader = MmdbFiles.openGeoIp2(file);
    String type = reader.getMetadata().getDatabaseType();
    if (!type.contains("ASN")) {
      throw MmdbFiles.invalid(file, "is a " + type + " database, not an ASN database");
    }
    return new AsnDatabase(reader, file + " (" + type + ")");
  }

  /** The autonomous system number, or empty when the database does not know the address. */
  public OptionalLong asn(InetAddress address) {
    if (!MmdbFiles.holds(ipVersion, address)) {
      return OptionalLong.empty();
    }
    try {
      return reader.tryAsn(address)
          .map(AsnResponse::getAutonomousSystemNumber)
          .map(OptionalLong::of)
          .orElse(OptionalLong.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeoIp2Exception e) {
      throw new IllegalStateException(description + ": " + e.getMessage(), e);
    }
  }

  /** The file and database type. */
  public String description() {
    return description;
  }
}
