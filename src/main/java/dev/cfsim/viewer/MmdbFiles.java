package dev.cfsim.viewer;

import com.maxmind.db.CHMCache;
import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.InvalidNetworkException;
import com.maxmind.db.Network;
import com.maxmind.db.Networks;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import dev.cfsim.InvalidInputException;
import dev.cfsim.UserFiles;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens MaxMind DB files and checks them whole at start. MaxMind's readers only notice a corrupt
 * search tree when a lookup walks into it, which in a replay could be the millionth request;
 * walking every network once up front turns that into an error naming the file.
 */
final class MmdbFiles {
  private MmdbFiles() {}

  /** Opens a GeoIP2-schema file (City, Country, ASN) after checking it. */
  static DatabaseReader openGeoIp2(Path file) {
    closeQuietly(openChecked(file).reader());
    return geoIp2Reader(file);
  }

  /** GeoIP2's typed reader for a file already checked with {@link #openChecked}. */
  static DatabaseReader geoIp2Reader(Path file) {
    try {
      return new DatabaseReader.Builder(file.toFile()).withCache(new CHMCache()).build();
    } catch (IOException e) {
      throw invalid(file, "cannot be read as a MaxMind DB: " + e.getMessage(), e);
    }
  }

  /**
   * A file opened with MaxMind's low-level reader after a walk over every network and record.
   *
   * @param first the first record (null for an empty database), so callers can tell its schema
   */
  record Checked(Reader reader, Map<?, ?> first) {}

  /** Opens the file and walks it whole; the caller owns (and closes) the reader. */
  static Checked openChecked(Path file) {
    UserFiles.requireFile(file);
    Reader reader;
    try {
      reader = new Reader(file.toFile(), new CHMCache());
    } catch (IOException | RuntimeException e) {
      throw invalid(file, "is not a valid MaxMind DB file: " + e.getMessage(), e);
    }
    try {
      return new Checked(reader, walk(reader));
    } catch (IOException | RuntimeException e) {
      closeQuietly(reader);
      throw invalid(file, "is not a valid MaxMind DB file: " + e.getMessage(), e);
    }
  }

  static void closeQuietly(Reader reader) {
    try {
      reader.close();
    } catch (IOException ignored) {
      // nothing was read from it that could be lost
    }
  }

  /** Walks every network of an open reader; returns the first record, or null when empty. */
  static Map<?, ?> walk(Reader reader) throws IOException {
    Networks<Map> networks;
    try {
      networks = reader.networks(Map.class);
    } catch (InvalidNetworkException e) {
      throw new IOException(e.getMessage(), e);
    }
    Map<?, ?> first = null;
    while (networks.hasNext()) {
      DatabaseRecord<Map> record = networks.next();
      if (first == null) {
        first = record.getData();
      }
    }
    return first;
  }

  /**
   * Whether a database of this metadata ip_version can hold the address. An IPv4-only file (the
   * ip-location-db {@code -ipv4} packages) would otherwise answer an IPv6 lookup from the
   * address's first 32 bits, placing 2001:db8::1 wherever 32.1.13.184 is.
   */
  static boolean holds(int ipVersion, InetAddress address) {
    return ipVersion != 4 || address instanceof Inet4Address;
  }

  /**
   * How many leading bits of an IPv4 address the network a lookup found spans, or
   * {@link GeoDatabase.Located#UNKNOWN_NETWORK} for IPv6 or no network. MaxMind's reader counts
   * an IPv4 lookup's prefix from the IPv4 subtree, also in IPv6 files (1.0.0.1 in a /24 gives
   * 24, not 120); anything outside 0 to 32 is treated as unknown, which only costs speed.
   */
  static int ipv4NetworkBits(InetAddress address, Network network) {
    if (!(address instanceof Inet4Address) || network == null) {
      return GeoDatabase.Located.UNKNOWN_NETWORK;
    }
    int bits = network.getPrefixLength();
    return bits >= 0 && bits <= 32 ? bits : GeoDatabase.Located.UNKNOWN_NETWORK;
  }

  static InvalidInputException invalid(Path file, String problem) {
    return new InvalidInputException(file.toString(), "", problem);
  }

  static InvalidInputException invalid(Path file, String problem, Throwable cause) {
    return new InvalidInputException(file.toString(), "", problem, cause);
  }
}
