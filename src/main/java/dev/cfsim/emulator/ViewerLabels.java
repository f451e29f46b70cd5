package dev.cfsim.emulator;

import dev.cfsim.viewer.FieldValue;
import java.util.Map;

/** The country and device a report files a request under, read from the event's CloudFront headers. */
final class ViewerLabels {
  /** Label for a request without the header (no geo data for the IP, or no device headers). */
  static final String UNKNOWN = "unknown";

  private ViewerLabels() {}

  /** {@code cloudfront-viewer-country}, or {@code unknown}. */
  static String country(Map<String, FieldValue> headers) {
    FieldValue v = headers.get("cloudfront-viewer-country");
    return v == null ? UNKNOWN : v.value();
  }

  /**
   * One device class per request, though several flags can be true: tablet before mobile (a
   * tablet often also says mobile), then smarttv, then desktop; the order the libraries that
   * read CloudFront's headers use.
   */
  static String device(Map<String, FieldValue> headers) {
    if (isTrue(headers, "cloudfront-is-tablet-viewer")) {
      return "tablet";
    }
    if (isTrue(headers, "cloudfront-is-mobile-viewer")) {
      return "mobile";
    }
    if (isTrue(headers, "cloudfront-is-smarttv-viewer")) {
      return "smarttv";
    }
    if (isTrue(headers, "cloudfront-is-desktop-viewer")) {
      return "desktop";
    }
    return UNKNOWN;
  }

  private static boolean isTrue(Map<String, FieldValue> headers, String name) {
    FieldValue v = headers.get(name);
    return v != null && "true".equals(v.value());
  }
}
