package dev.cfsim.viewer;

import java.util.Locale;
import java.util.Optional;

/**
 * The headers CloudFront itself adds to a viewer request when a cache or origin request policy
 * names them (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/adding-cloudfront-headers.html).
 * Names are lower-case, as a function sees them.
 */
public enum CloudFrontHeader {
  VIEWER_ADDRESS("cloudfront-viewer-address"),
  VIEWER_ASN("cloudfront-viewer-asn"),
  VIEWER_COUNTRY("cloudfront-viewer-country"),
  VIEWER_COUNTRY_NAME("cloudfront-viewer-country-name"),
  VIEWER_COUNTRY_REGION("cloudfront-viewer-country-region"),
  VIEWER_COUNTRY_REGION_NAME("cloudfront-viewer-country-region-name"),
  VIEWER_CITY("cloudfront-viewer-city"),
  VIEWER_POSTAL_CODE("cloudfront-viewer-postal-code"),
  VIEWER_TIME_ZONE("cloudfront-viewer-time-zone"),
  VIEWER_LATITUDE("cloudfront-viewer-latitude"),
  VIEWER_LONGITUDE("cloudfront-viewer-longitude"),
  VIEWER_METRO_CODE("cloudfront-viewer-metro-code"),
  VIEWER_HTTP_VERSION("cloudfront-viewer-http-version"),
  VIEWER_TLS("cloudfront-viewer-tls"),
  FORWARDED_PROTO("cloudfront-forwarded-proto"),
  IS_DESKTOP_VIEWER("cloudfront-is-desktop-viewer"),
  IS_MOBILE_VIEWER("cloudfront-is-mobile-viewer"),
  IS_TABLET_VIEWER("cloudfront-is-tablet-viewer"),
  IS_SMARTTV_VIEWER("cloudfront-is-smarttv-viewer"),
  IS_IOS_VIEWER("cloudfront-is-ios-viewer"),
  IS_ANDROID_VIEWER("cloudfront-is-android-viewer");

  private final String headerName;

  CloudFrontHeader(String headerName) {
    this.headerName = headerName;
  }

  /** The lower-case header name, e.g. {@code cloudfront-viewer-country}. */
  public String headerName() {
    return headerName;
  }

  /**
   * Whether CloudFront owns this lower-case name: it strips or overwrites a viewer's header of
   * such a name, so a function never sees a viewer-forged CloudFront-Viewer-Country. Matched by
   * pattern, so names added after this list (CloudFront-Viewer-JA3-Fingerprint …) count too.
   */
  public static boolean ownedByCloudFront(String lowerCaseName) {
    return lowerCaseName.startsWith("cloudfront-viewer-")
        || lowerCaseName.startsWith("cloudfront-is-") && lowerCaseName.endsWith("-viewer")
        || lowerCaseName.equals(FORWARDED_PROTO.headerName);
  }

  /** Finds a header by its name in any case, e.g. {@code CloudFront-Viewer-Country}. */
  public static Optional<CloudFrontHeader> byName(String name) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    for (CloudFrontHeader h : values()) {
      if (h.headerName.equals(lower)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }
}
