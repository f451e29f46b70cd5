package dev.cfsim.viewer;

import java.util.Locale;
import java.util.Optional;

/**
 * The headers CloudFront itself adds to a viewer request when a cache or origin request policy
 * names them (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/adding-cloudfront-headers.html).
 * Names are lower-case, as a function sees them; {@link #documentedName()} spells them as AWS does.
 */
public enum CloudFrontHeader {
  VIEWER_ADDRESS("CloudFront-Viewer-Address", true),
  VIEWER_ASN("CloudFront-Viewer-ASN", true),
  VIEWER_COUNTRY("CloudFront-Viewer-Country"),
  VIEWER_COUNTRY_NAME("CloudFront-Viewer-Country-Name"),
  VIEWER_COUNTRY_REGION("CloudFront-Viewer-Country-Region"),
  VIEWER_COUNTRY_REGION_NAME("CloudFront-Viewer-Country-Region-Name"),
  VIEWER_CITY("CloudFront-Viewer-City"),
  VIEWER_POSTAL_CODE("CloudFront-Viewer-Postal-Code"),
  VIEWER_TIME_ZONE("CloudFront-Viewer-Time-Zone"),
  VIEWER_LATITUDE("CloudFront-Viewer-Latitude"),
  VIEWER_LONGITUDE("CloudFront-Viewer-Longitude"),
  VIEWER_METRO_CODE("CloudFront-Viewer-Metro-Code"),
  VIEWER_HTTP_VERSION("CloudFront-Viewer-Http-Version"),
  VIEWER_TLS("CloudFront-Viewer-TLS", true),
  FORWARDED_PROTO("CloudFront-Forwarded-Proto"),
  IS_DESKTOP_VIEWER("CloudFront-Is-Desktop-Viewer"),
  IS_MOBILE_VIEWER("CloudFront-Is-Mobile-Viewer"),
  IS_TABLET_VIEWER("CloudFront-Is-Tablet-Viewer"),
  IS_SMARTTV_VIEWER("CloudFront-Is-SmartTV-Viewer"),
  IS_IOS_VIEWER("CloudFront-Is-IOS-Viewer"),
  IS_ANDROID_VIEWER("CloudFront-Is-Android-Viewer"),
  // logs record none of these: cfsim never adds them, but rules may read them
  VIEWER_JA3_FINGERPRINT("CloudFront-Viewer-JA3-Fingerprint", true),
  VIEWER_JA4_FINGERPRINT("CloudFront-Viewer-JA4-Fingerprint", true),
  VIEWER_HEADER_ORDER("CloudFront-Viewer-Header-Order"),
  VIEWER_HEADER_COUNT("CloudFront-Viewer-Header-Count");

  private final String documentedName;
  private final String headerName;
  private final boolean originRequestPolicyOnly;

  CloudFrontHeader(String documentedName) {
    this(documentedName, false);
  }

  CloudFrontHeader(String documentedName, boolean originRequestPolicyOnly) {
    this.documentedName = documentedName;
    this.headerName = documentedName.toLowerCase(Locale.ROOT);
    this.originRequestPolicyOnly = originRequestPolicyOnly;
  }

  /**
   * Whether only an origin request policy can add it, not a cache policy: the viewer's address,
   * ASN, TLS details and fingerprints (function-facts §3).
   */
  public boolean originRequestPolicyOnly() {
    return originRequestPolicyOnly;
  }

  /**
   * The name as AWS writes it, e.g. {@code CloudFront-Viewer-Country}: what a user types into a
   * cache or origin request policy (which read names in any case).
   */
  public String documentedName() {
    return documentedName;
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
