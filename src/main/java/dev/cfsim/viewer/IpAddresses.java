package dev.cfsim.viewer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Parses IP address literals without ever asking DNS: {@link InetAddress#getByName} resolves
 * anything that is not a literal, which on a log of millions of lines would be a disaster.
 */
final class IpAddresses {
  private IpAddresses() {}

  /** The address, or empty when the text is not a dotted IPv4 or a colon IPv6 literal. */
  static Optional<InetAddress> parse(String text) {
    if (!isLiteral(text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static boolean isLiteral(String s) {
    if (s.isEmpty() || s.length() > 45) {
      return false;
    }
    if (s.indexOf(':') >= 0) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
            || c == ':' || c == '.';
        if (!ok) {
          return false;
        }
      }
      return true;
    }
    int dots = 0;
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (digits == 0) {
          return false;
        }
        dots++;
        digits = 0;
      } else if (c >= '0' && c <= '9' && digits < 3) {
        digits++;
      } else {
        return false;
      }
    }
    return dots == 3 && digits > 0;
  }
}
