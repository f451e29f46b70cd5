package dev.cfsim.viewer;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An IP-to-location database. Implementations are safe for many threads at once; opening one
 * checks the file, so a lookup never fails on a broken file halfway through a run.
 */
public interface GeoDatabase {

  /** Where the address is, or empty when the database does not know it (private, reserved, new). */
  Optional<GeoLocation> locate(InetAddress address);

  /** One line for reports: the file or resource and the database type. */
  String description();
}
