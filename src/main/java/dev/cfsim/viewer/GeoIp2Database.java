package dev.cfsim.viewer;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.AbstractCountryResponse;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.record.Location;
import com.maxmind.geoip2.record.Subdivision;
import com.maxmind.geoip2.record.Traits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** A GeoIP2 or GeoLite2 City or Country database, read with MaxMind's typed GeoIP2 reader. */
final class GeoIp2Database implements GeoDatabase {

  private final DatabaseReader reader;
  private final boolean city;
  private final String description;
  private final int ipVersion;

  GeoIp2Database(DatabaseReader reader, boolean city, String description) {
    this.reader = reader;
    this.city = city;
    this.description = description;
    this.ipVersion = reader.getMetadata().getIpVersion();
  }

  /** The network comes from the response's traits; an unknown address reports none. */
  @Override
  public Located locateInNetwork(InetAddress address) {
    if (!MmdbFiles.holds(ipVersion, address)) {
      return Located.UNKNOWN;
    }
    try {
      if (city) {
        return reader.tryCity(address)
            .map(r -> new Located(Optional.of(fromCity(r)), bits(address, r.getTraits())))
            .orElse(Located.UNKNOWN);
      }
      return reader.tryCountry(address)
          .map(r -> new Located(
              Optional.of(fromCountry(r)).filter(g -> !g.countryCode().isEmpty()),
              bits(address, r.getTraits())))
          .orElse(Located.UNKNOWN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeoIp2Exception e) {
      throw new IllegalStateException(description + ": " + e.getMessage(), e);
    }
  }

  private static int bits(InetAddress address, Traits traits) {
    return MmdbFiles.ipv4NetworkBits(address, traits.getNetwork());
  }

  @Override
  public String description() {
    return description;
  }

  /** Uses {@code country}, where the viewer is, never {@code registered_country}. */
  private static GeoLocation fromCountry(AbstractCountryResponse r) {
    return GeoLocation.country(r.getCountry().getIsoCode(), r.getCountry().getName());
  }

  private static GeoLocation fromCity(CityResponse r) {
    List<Subdivision> subdivisions = r.getSubdivisions();
    // CloudFront-Viewer-Country-Region is the first-level subdivision: MaxMind lists them
    // from the largest (first) to the smallest.
    Subdivision region = subdivisions.isEmpty() ? null : subdivisions.get(0);
    Location location = r.getLocation();
    return new GeoLocation(
        r.getCountry().getIsoCode(),
        r.getCountry().getName(),
        region == null ? "" : region.getIsoCode(),
        region == null ? "" : region.getName(),
        r.getCity().getName(),
        r.getPostal().getCode(),
        location.getTimeZone(),
        location.getLatitude(),
        location.getLongitude(),
        metroCode(location));
  }

  @SuppressWarnings("deprecation") // MaxMind deprecates metro codes, but CloudFront still sends them
  private static Integer metroCode(Location location) {
    return location.getMetroCode();
  }
}
