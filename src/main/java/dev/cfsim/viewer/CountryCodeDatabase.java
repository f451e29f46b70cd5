package dev.cfsim.viewer;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A country-only MMDB file whose records are a plain {@code {country_code: "KR"}}, as the openly
 * licensed ip-location-db databases are. GeoIP2's typed reader cannot read that record, so this
 * uses MaxMind's lower-level reader; the English country name comes from the JDK's ISO tables.
 */
final class CountryCodeDatabase implements GeoDatabase {
  static final String FIELD = "country_code";

  private final Reader reader;
  private final String description;
  private final int ipVersion;
  private final Map<String, GeoLocation> byCode = new ConcurrentHashMap<>();

  CountryCodeDatabase(Reader reader, String description) {
    this.reader = reader;
    this.description = description;
    this.ipVersion = reader.getMetadata().getIpVersion();
  }

  @Override
  public Located locateInNetwork(InetAddress address) {
    if (!MmdbFiles.holds(ipVersion, address)) {
      return Located.UNKNOWN;
    }
    DatabaseRecord<Map> found;
    try {
      found = reader.getRecord(address, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // an unknown address is unknown for its whole network too
    int bits = MmdbFiles.ipv4NetworkBits(address, found.getNetwork());
    Map<?, ?> record = found.getData();
    if (record == null || !(record.get(FIELD) instanceof String code) || code.isEmpty()) {
      return new Located(Optional.empty(), bits);
    }
    return new Located(Optional.of(byCode.computeIfAbsent(code, CountryCodeDatabase::location)), bits);
  }

  @Override
  public String description() {
    return description;
  }

  private static GeoLocation location(String code) {
    String upper = code.toUpperCase(Locale.ROOT);
    String name = new Locale("", upper).getDisplayCountry(Locale.ENGLISH);
    // The JDK echoes codes it has no name for (e.g. XK); CloudFront would send a name, we cannot.
    return GeoLocation.country(upper, name.equals(upper) ? "" : name);
  }
}
