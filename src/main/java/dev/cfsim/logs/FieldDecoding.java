package dev.cfsim.logs;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Which log fields CloudFront URL-encodes and how to undo it: the path, query, referer, cookie
 * and content type once, the User-Agent once or twice ({@link UrlEncoding#decodeUserAgent}).
 * The query keeps the viewer's own escapes: {@code %253D} in the log is {@code %3D} as sent.
 */
final class FieldDecoding {

  private FieldDecoding() {}

  @SuppressWarnings("unchecked")
  static UnaryOperator<String>[] decoders() {
    UnaryOperator<String>[] d = new UnaryOperator[LogField.values().length];
    java.util.Arrays.fill(d, UnaryOperator.identity());
    for (LogField f :
        new LogField[] {
          LogField.URI_STEM, LogField.QUERY, LogField.REFERER, LogField.COOKIE, LogField.CONTENT_TYPE
        }) {
      d[f.ordinal()] = UrlEncoding::decode;
    }
    d[LogField.USER_AGENT.ordinal()] = UrlEncoding::decodeUserAgent;
    return d;
  }

  private static final UnaryOperator<String>[] DECODERS = decoders();

  private static final boolean[] URL_ENCODED = new boolean[LogField.values().length];

  static {
    for (int slot = 0; slot < URL_ENCODED.length; slot++) {
      URL_ENCODED[slot] = DECODERS[slot] != UnaryOperator.<String>identity()
          && slot != LogField.USER_AGENT.ordinal();
    }
  }

  /**
   * The value of field {@code slot} from ASCII bytes, decoded without first making the
   * undecoded String (a log has one of those per field per line).
   */
  static String decodeAscii(int slot, byte[] buf, int start, int len) {
    if (URL_ENCODED[slot]) {
      return UrlEncoding.decodeAscii(buf, start, len);
    }
    return decode(slot, new String(buf, start, len, StandardCharsets.ISO_8859_1));
  }

  /** The value of field {@code slot} as the viewer sent it. */
  static String decode(int slot, String raw) {
    return DECODERS[slot].apply(raw);
  }
}
