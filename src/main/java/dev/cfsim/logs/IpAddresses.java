package dev.cfsim.logs;

/**
 * Syntax checks for {@code c-ip}, by hand: {@code InetAddress} would do a DNS lookup for
 * anything that is not a literal, which a log reader must never do.
 */
final class IpAddresses {

  private IpAddresses() {}

  /** True for a dotted-quad IPv4 or an IPv6 literal (with {@code ::} and an IPv4 tail). */
  static boolean isValid(String s) {
    return s.indexOf(':') >= 0 ? isIpv6(s) : isIpv4(s, 0, s.length());
  }

  static boolean isIpv4(String s, int from, int to) {
    int parts = 0;
    int i = from;
    while (i <= to) {
      int start = i;
      int value = 0;
      while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || value > 255 || (i - start > 1 && s.charAt(start) == '0')) {
        return false;
      }
      parts++;
      if (i == to) {
        return parts == 4;
      }
      if (s.charAt(i) != '.' || parts == 4) {
        return false;
      }
      i++;
    }
    return false;
  }

  /**
   * The address of a dotted quad in {@code buf[from, to)} under the same rules as
   * {@link #isIpv4} (one to three digits a part, at most 255, no leading zero), or -1.
   */
  static long ipv4(byte[] buf, int from, int to) {
    if (to - from < 7 || to - from > 15) {
      return -1;
    }
    // Unrolled per part (every log line has a viewer IP; a digit loop with its exit tests cost
    // about a tenth of reading a line for a profile): the first digit, then up to two more.
    long address = 0;
    int i = from;
    for (int part = 0; ; part++) {
      int value = buf[i] - '0';
      if (value < 0 || value > 9) {
        return -1;
      }
      i++;
      int d = i < to ? buf[i] - '0' : -1;
      if (d >= 0 && d <= 9) {
        if (value == 0) {
          return -1; // a leading zero
        }
        value = value * 10 + d;
        i++;
        d = i < to ? buf[i] - '0' : -1;
        if (d >= 0 && d <= 9) {
          value = value * 10 + d;
          i++;
          if (value > 255) {
            return -1;
          }
        }
      }
      address = address << 8 | value;
      if (part == 3) {
        return i == to ? address : -1;
      }
      if (i + 1 >= to || buf[i] != '.') {
        return -1;
      }
      i++;
    }
  }

  private static boolean isIpv6(String s) {
    int n = s.length();
    if (n < 2 || n > 45) {
      return false;
    }
    int groups = 0;
    boolean compressed = false;
    int i = 0;
    if (s.startsWith("::")) {
      compressed = true;
      i = 2;
      if (i == n) {
        return true;
      }
    } else if (s.charAt(0) == ':') {
      return false;
    }
    while (i < n) {
      int start = i;
      while (i < n && Character.digit(s.charAt(i), 16) >= 0 && i - start < 4) {
        i++;
      }
      if (i < n && s.charAt(i) == '.') {
        // IPv4 tail such as ::ffff:192.0.2.1 takes two groups
        return isIpv4(s, start, n) && groups + 2 <= (compressed ? 7 : 8)
            && (compressed || groups + 2 == 8);
      }
      if (i == start) {
        return false;
      }
      groups++;
      if (i == n) {
        break;
      }
      if (s.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i < n && s.charAt(i) == ':') {
        if (compressed) {
          return false;
        }
        compressed = true;
        i++;
        if (i == n) {
          break;
        }
      } else if (i == n) {
        return false;
      }
    }
    return compressed ? groups <= 7 : groups == 8;
  }
}
