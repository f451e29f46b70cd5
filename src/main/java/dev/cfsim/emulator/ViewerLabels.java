package dev.cfsim.emulator;

import dev.cfsim.rules.Device;
import dev.cfsim.viewer.CloudFrontHeader;
import dev.cfsim.viewer.FieldValue;
import java.util.List;
import java.util.Map;

/** The country and device a report files a request under, read from the event's CloudFront headers. */
final class ViewerLabels {
  /** Label for a request without the header (no geo data for the IP, or no device headers). */
  static final String UNKNOWN = "unknown";

  private ViewerLabels() {}

  /** {@code cloudfront-viewer-country}, or {@code unknown}. */
  static String country(Map<String, FieldValue> headers) {
    FieldValue v = headers.get(CloudFrontHeader.VIEWER_COUNTRY.headerName());
    return v == null ? UNKNOWN : v.value();
  }

  /**
   * One device class per request, though several flags can be true: tablet before mobile (a
   * tablet often also says mobile), then smarttv, then desktop; the order the libraries that
   * read CloudFront's headers use.
   */
  static String device(Map<String, FieldValue> headers) {
    for (Device d : CLASSES) {
      if (isTrue(headers, d.header())) {
        return d.id();
      }
    }
    return UNKNOWN;
  }

  private static final List<Device> CLASSES =
      List.of(Device.TABLET, Device.MOBILE, Device.SMARTTV, Device.DESKTOP);

  private static boolean isTrue(Map<String, FieldValue> headers, String name) {
    FieldValue v = headers.get(name);
    return v != null && "true".equals(v.value());
  }
}
