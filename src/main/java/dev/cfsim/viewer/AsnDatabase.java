package dev.cfsim.viewer;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
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
    return numberInNetwork(address).asn();
  }

  /** The number with the network it holds for, as {@link GeoDatabase#locateInNetwork} gives it. */
  Numbered numberInNetwork(InetAddress address) {
    if (!MmdbFiles.holds(ipVersion, address)) {
      return Numbered.UNKNOWN;
    }
    try {
      return reader.tryAsn(address)
          .map(r -> new Numbered(
              r.getAutonomousSystemNumber() == null
                  ? OptionalLong.empty()
                  : OptionalLong.of(r.getAutonomousSystemNumber()),
              MmdbFiles.ipv4NetworkBits(address, r.getNetwork())))
          .orElse(Numbered.UNKNOWN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeoIp2Exception e) {
      throw new IllegalStateException(description + ": " + e.getMessage(), e);
    }
  }

  /**
   * An answer and its network.
   *
   * @param ipv4NetworkBits see {@link GeoDatabase.Located#ipv4NetworkBits}
   */
  record Numbered(OptionalLong asn, int ipv4NetworkBits) {
    static final Numbered UNKNOWN = new Numbered(OptionalLong.empty(), GeoDatabase.Located.UNKNOWN_NETWORK);
  }

  /** The file and database type. */
  public String description() {
    return description;
  }
}
