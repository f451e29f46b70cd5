package dev.cfsim.viewer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** Formats values the way CloudFront writes them into its headers. */
final class HeaderValues {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private HeaderValues() {}

  /**
   * Percent-encodes the UTF-8 bytes of every non-ASCII character (RFC 3986), as CloudFront does
   * for country, region and city names: {@code Linköping} becomes {@code Link%C3%B6ping}. ASCII,
   * spaces included, is left as it is.
   */
  static String percentEncodeNonAscii(String text) {
    int i = 0;
    while (i < text.length() && text.charAt(i) < 0x80) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
    byte[] rest = text.substring(i).getBytes(StandardCharsets.UTF_8);
    for (byte b : rest) {
      int u = b & 0xff;
      if (u < 0x80) {
        sb.append((char) u);
      } else {
        sb.append('%').append(HEX[u >> 4]).append(HEX[u & 0xf]);
      }
    }
    return sb.toString();
  }

  /** A coordinate as the database gives it, never in exponent form: {@code 37.5112}. */
  static String degrees(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
