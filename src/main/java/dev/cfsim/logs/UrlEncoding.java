package dev.cfsim.logs;

import java.nio.charset.StandardCharsets;

/**
 * The URL-encoding CloudFront applies to log values, both ways (RFC 1738 style: control characters,
 * bytes above 126, space and {@code < > " # % { } | \ ^ ~ [ ] ` '} become {@code %XX}; source:
 * AWS "Standard log file format"). {@code +} is left alone: CloudFront never writes a space as
 * {@code +}. An escape that is not {@code %} followed by two hex digits is kept as written.
 */
public final class UrlEncoding {

  private UrlEncoding() {}

  /** Decodes once: what the viewer sent. The decoded bytes are read as UTF-8. */
  public static String decode(String value) {
    if (value == null || value.indexOf('%') < 0) {
      return value;
    }
    byte[] out = new byte[value.length()];
    int n = 0;
    boolean ascii = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && i + 2 < value.length()) {
        int hi = Character.digit(value.charAt(i + 1), 16);
        int lo = Character.digit(value.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          byte b = (byte) ((hi << 4) | lo);
          ascii &= b >= 0;
          out[n++] = b;
          i += 2;
          continue;
        }
      }
      if (c > 0x7f) {
        // Not something CloudFront writes; keep the character intact rather than mangle it.
        return decodeWithWideChars(value);
      }
      out[n++] = (byte) c;
    }
    return new String(out, 0, n, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  /**
   * {@link #decode(String)} of the ASCII bytes {@code buf[start, start + len)}, without making
   * the encoded String first.
   */
  static String decodeAscii(byte[] buf, int start, int len) {
    int end = start + len;
    int pct = ByteScan.indexOf(buf, start, end, (byte) '%');
    if (pct < 0) {
      return new String(buf, start, len, StandardCharsets.ISO_8859_1);
    }
    byte[] out = new byte[len];
    int n = pct - start;
    System.arraycopy(buf, start, out, 0, n);
    boolean ascii = true;
    for (int i = pct; i < end; i++) {
      byte c = buf[i];
      if (c == '%' && i + 2 < end) {
        int hi = Character.digit(buf[i + 1], 16);
        int lo = Character.digit(buf[i + 2], 16);
        if (hi >= 0 && lo >= 0) {
          byte b = (byte) ((hi << 4) | lo);
          ascii &= b >= 0;
          out[n++] = b;
          i += 2;
          continue;
        }
      }
      out[n++] = c;
    }
    return new String(out, 0, n, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  /**
   * Decodes a User-Agent, which older logs (2013 to about 2019) encode twice ({@code %2520} for a
   * space) and newer ones once ({@code %20}). It decodes a second time only when the first pass
   * leaves {@code %20} or {@code %25}, which a real User-Agent does not contain; decoding twice
   * unconditionally would unescape characters the viewer really sent (snowplow/enrich #234).
   */
  public static String decodeUserAgent(String value) {
    String once = decode(value);
    if (once != null && (once.contains("%20") || once.contains("%25"))) {
      return decode(once);
    }
    return once;
  }

  /**
   * Encodes a value as CloudFront writes it into a log: UTF-8 bytes, with control characters,
   * bytes above 126, space and {@code < > " # % { } | \ ^ ~ [ ] ` '} as {@code %XX}.
   */
  public static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c <= 32 || c >= 127 || ENCODED.indexOf(c) >= 0) {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
      } else {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  private static final String ENCODED = "<>\"#%{}|\\^~[]`'";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static String decodeWithWideChars(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      int start = i;
      while (i < value.length() && value.charAt(i) <= 0x7f) {
        i++;
      }
      if (i > start) {
        sb.append(decode(value.substring(start, i)));
      }
      while (i < value.length() && value.charAt(i) > 0x7f) {
        sb.append(value.charAt(i++));
      }
    }
    return sb.toString();
  }
}
