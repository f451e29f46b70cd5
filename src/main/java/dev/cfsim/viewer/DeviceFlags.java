package dev.cfsim.viewer;

/**
 * The six CloudFront-Is-*-Viewer headers for one User-Agent. More than one can be true: a tablet
 * is also mobile under cfsim's default rules, and iOS or Android is set alongside the form factor.
 *
 * @param desktop CloudFront-Is-Desktop-Viewer
 * @param mobile CloudFront-Is-Mobile-Viewer
 * @param tablet CloudFront-Is-Tablet-Viewer
 * @param smartTv CloudFront-Is-SmartTV-Viewer
 * @param ios CloudFront-Is-IOS-Viewer
 * @param android CloudFront-Is-Android-Viewer
 */
public record DeviceFlags(
    boolean desktop, boolean mobile, boolean tablet, boolean smartTv, boolean ios, boolean android) {

  /** A desktop with no mobile OS: what an unclassified User-Agent gets by default. */
  public static final DeviceFlags DESKTOP = new DeviceFlags(true, false, false, false, false, false);

  /** Every flag false. */
  public static final DeviceFlags NONE = new DeviceFlags(false, false, false, false, false, false);
}
