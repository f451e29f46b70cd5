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
  private static final UnaryOperator<String>[] DECODERS = new UnaryOperator[LogField.values().length];

  /** Fields decoded once with {@link UrlEncoding#decode}, which works on bytes as well. */
  private static final boolean[] URL_ENCODED = new boolean[LogField.values().length];

  static {
    java.util.Arrays.fill(DECODERS, UnaryOperator.identity());
    for (LogField f :
        new LogField[] {
          LogField.URI_STEM, LogField.QUERY, LogField.REFERER, LogField.COOKIE, LogField.CONTENT_TYPE
        }) {
      DECODERS[f.ordinal()] = UrlEncoding::decode;
      URL_ENCODED[f.ordinal()] = true;
    }
    DECODERS[LogField.USER_AGENT.ordinal()] = UrlEncoding::decodeUserAgent;
  }

  /** How field {@code slot} is decoded: identity for fields CloudFront does not encode. */
  static UnaryOperator<String> decoder(int slot) {
    return DECODERS[slot];
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
