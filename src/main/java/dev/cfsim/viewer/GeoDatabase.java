package dev.cfsim.viewer;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An IP-to-location database. Implementations are safe for many threads at once; opening one
 * checks the file, so a lookup never fails on a broken file halfway through a run.
 */
public interface GeoDatabase {

  /** Where the address is, or empty when the database does not know it (private, reserved, new). */
  default Optional<GeoLocation> locate(InetAddress address) {
    return locateInNetwork(address).location();
  }

  /**
   * Where the address is, and how far that answer reaches. Logs hold mostly new IPs but few
   * networks, so the enricher caches an answer for the whole network it came from.
   */
  Located locateInNetwork(InetAddress address);

  /** One line for reports: the file or resource and the database type. */
  String description();

  /**
   * A lookup's answer with the network it holds for.
   *
   * @param location as {@link #locate} gives it
   * @param ipv4NetworkBits for an IPv4 address: every IPv4 address sharing its first this many
   *     bits gets the same answer (0 to 32); {@link #UNKNOWN_NETWORK} for IPv6 or when unknown
   */
  record Located(Optional<GeoLocation> location, int ipv4NetworkBits) {
    /** The network is not known: the answer holds for this address only. */
    public static final int UNKNOWN_NETWORK = -1;

    /** Not in the database, nor any network known to be. */
    public static final Located UNKNOWN = new Located(Optional.empty(), UNKNOWN_NETWORK);
  }
}
