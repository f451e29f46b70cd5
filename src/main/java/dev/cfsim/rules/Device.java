package dev.cfsim.rules;

import dev.cfsim.viewer.CloudFrontHeader;
import java.util.Arrays;
import java.util.Optional;

/**
 * The device kinds a rule can test. Each is one of the {@code CloudFront-Is-*-Viewer} headers
 * CloudFront adds from the User-Agent; a device condition is true when that header's first value
 * is exactly {@code true}. More than one can be true at once (a tablet is often also mobile).
 */
public enum Device {
  MOBILE("mobile", CloudFrontHeader.IS_MOBILE_VIEWER),
  TABLET("tablet", CloudFrontHeader.IS_TABLET_VIEWER),
  DESKTOP("desktop", CloudFrontHeader.IS_DESKTOP_VIEWER),
  SMARTTV("smarttv", CloudFrontHeader.IS_SMARTTV_VIEWER),
  IOS("ios", CloudFrontHeader.IS_IOS_VIEWER),
  ANDROID("android", CloudFrontHeader.IS_ANDROID_VIEWER);

  private final String id;
  private final String header;

  Device(String id, CloudFrontHeader header) {
    this.id = id;
    this.header = header.headerName();
  }

  /** The name used in rules files, e.g. {@code smarttv}. */
  public String id() {
    return id;
  }

  /** The lower-case header CloudFront sets to {@code true} or {@code false} for this kind. */
  public String header() {
    return header;
  }

  /** Looks a device up by its rules-file name, exactly (lower case). */
  public static Optional<Device> fromId(String id) {
    return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
