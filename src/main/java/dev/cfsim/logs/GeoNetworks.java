package dev.cfsim.logs;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Network;
import com.maxmind.db.Networks;
import com.maxmind.db.Reader;
import dev.cfsim.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The networks a GeoIP2, GeoLite2 or DB-IP country database assigns to each country, so generated
 * viewer IPs geolocate to the country they were drawn for with the same database the emulator
 * uses. IPv4 networks are preferred; a country with only IPv6 networks (as South Korea in
 * MaxMind's test database) gets IPv6 addresses.
 */
public final class GeoNetworks {

  /** Networks kept per country: plenty for variety, bounded for memory. */
  static final int MAX_PER_COUNTRY = 4096;

  private final Map<String, List<Network>> byCountry;
  private final String description;

  private GeoNetworks(Map<String, List<Network>> byCountry, String description) {
    this.byCountry = byCountry;
    this.description = description;
  }

  /**
   * Scans the database for the networks of {@code countries}.
   *
   * @param description names the database in messages
   * @throws InvalidInputException when the file is not a MaxMind DB or a country has no network
   */
  public static GeoNetworks scan(InputStream mmdb, String description, Set<String> countries)
      throws IOException {
    Map<String, List<Network>> v4 = new HashMap<>();
    Map<String, List<Network>> v6 = new HashMap<>();
    try (Reader reader = new Reader(mmdb)) {
      @SuppressWarnings("rawtypes")
      Networks<Map> it = reader.networks(false, Map.class);
      while (it.hasNext()) {
        @SuppressWarnings("rawtypes")
        DatabaseRecord<Map> rec = it.next();
        String iso = isoCode(rec.getData());
        if (iso == null || !countries.contains(iso)) {
          continue;
        }
        Network n = rec.getNetwork();
        List<Network> list =
            (n.getNetworkAddress() instanceof Inet4Address ? v4 : v6)
                .computeIfAbsent(iso, k -> new ArrayList<>());
        if (list.size() < MAX_PER_COUNTRY) {
          list.add(n);
        }
      }
    } catch (com.maxmind.db.InvalidDatabaseException | com.maxmind.db.InvalidNetworkException e) {
      throw new InvalidInputException(description, "", "not a MaxMind DB file: " + e.getMessage());
    }
    Map<String, List<Network>> chosen = new HashMap<>();
    for (String c : countries) {
      List<Network> list = v4.containsKey(c) ? v4.get(c) : v6.get(c);
      if (list == null) {
        throw new InvalidInputException(
            description, "", "has no network for country " + c + "; drop it from the mix or use another --geoip database");
      }
      chosen.put(c, List.copyOf(list));
    }
    return new GeoNetworks(chosen, description);
  }

  /** Which database the networks came from. */
  public String description() {
    return description;
  }

  /** A random address inside one of the country's networks. */
  public String randomAddress(String country, SplittableRandom rnd) {
    List<Network> list = byCountry.get(country);
    Network n = list.get(rnd.nextInt(list.size()));
    byte[] base = n.getNetworkAddress().getAddress();
    int hostBits = base.length * 8 - n.getPrefixLength();
    int bits = Math.min(hostBits, 62);
    long host = bits == 0 ? 0 : rnd.nextLong() & ((1L << bits) - 1);
    if (base.length == 4 && hostBits >= 2) {
      // not the network or broadcast address of an IPv4 network
      host = 1 + Math.floorMod(host, (1L << hostBits) - 2);
    }
    byte[] addr = new BigInteger(1, base).add(BigInteger.valueOf(host)).toByteArray();
    byte[] out = new byte[base.length];
    int copy = Math.min(addr.length, out.length);
    System.arraycopy(addr, addr.length - copy, out, out.length - copy, copy);
    try {
      return InetAddress.getByAddress(out).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // only for a wrong length, which cannot happen
    }
  }

  @SuppressWarnings("rawtypes")
  private static String isoCode(Map data) {
    if (data == null) {
      return null;
    }
    // GeoIP2/GeoLite2 records: {country: {iso_code}}; DB-IP's country lite: {country_code}
    Object country = data.get("country");
    if (country instanceof Map m && m.get("iso_code") instanceof String s) {
      return s;
    }
    return data.get("country_code") instanceof String s ? s : null;
  }
}
