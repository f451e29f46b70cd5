package dev.cfsim.viewer;

import dev.cfsim.viewer.DeviceRules.BotPolicy;
import dev.cfsim.viewer.DeviceRules.FormFactor;
import java.util.Locale;
import java.util.Objects;

/**
 * Classifies a User-Agent into the CloudFront-Is-*-Viewer flags with cfsim's own token rules.
 * AWS publishes no rules, so these are estimates, checked on a labelled corpus of real
 * User-Agents (src/test/resources/viewer/user-agents.tsv). Pure and thread-safe; callers cache.
 */
public final class DeviceDetector {

  private static final String[] SMART_TV = {
    "smart-tv", "smarttv", "smart tv", "googletv", "google tv", "appletv", "apple tv", "hbbtv",
    "netcast", "bravia", "roku", "crkey", "philipstv", "android tv", "viera", "aquosbrowser",
    "opera tv", "web0s", "webos.tv", "tsbnettv", "vidaa", "inettvbrowser", "ce-html", "; aft",
    "dtv", "mibox", "tv build", "(tv;", "; tv;", "tvos", "vizio"
  };
  private static final String[] CONSOLE = {"xbox", "playstation", "nintendo", "; ps4", "; ps5"};
  private static final String[] TABLET = {
    "ipad", "tablet", "kindle", "playbook", "silk/", "nexus 7", "nexus 9", "nexus 10", "xoom",
    "; kf"
  };
  private static final String[] MOBILE = {
    "mobile", "mobi", "iphone", "ipod", "windows phone", "blackberry", "bb10", "opera mini",
    "iemobile", "symbian", "series60", "series40", "nokia", "kaios", "palm", "webos", "j2me",
    "midp", "up.browser", "fennec", "phone", "dalvik"
  };
  private static final String[] BOT = {
    "bot", "crawl", "spider", "slurp", "facebookexternalhit", "mediapartners", "preview"
  };

  private final DeviceRules rules;

  public DeviceDetector(DeviceRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /** The rules this detector applies. */
  public DeviceRules rules() {
    return rules;
  }

  /** The six flags for a User-Agent; null, empty or {@code -} counts as an empty User-Agent. */
  public DeviceFlags detect(String userAgent) {
    if (userAgent == null || userAgent.isBlank() || userAgent.equals("-")) {
      return flags(rules.emptyUserAgent(), false, false);
    }
    String ua = userAgent.toLowerCase(Locale.ROOT);
    if (rules.bots() == BotPolicy.DESKTOP && containsAny(ua, BOT)) {
      return DeviceFlags.DESKTOP;
    }
    FormFactor form = formFactor(ua);
    boolean ios = form != FormFactor.SMARTTV
        && (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod"));
    boolean android = ua.contains("android") && !ua.contains("windows phone");
    return flags(form, ios, android);
  }

  private FormFactor formFactor(String ua) {
    if (containsAny(ua, SMART_TV) || (ua.contains("tizen") && ua.contains("tv"))) {
      return FormFactor.SMARTTV;
    }
    if (containsAny(ua, CONSOLE)) {
      return rules.consoles();
    }
    if (isTablet(ua)) {
      return FormFactor.TABLET;
    }
    if (containsAny(ua, MOBILE) || ua.contains("android")) {
      return FormFactor.MOBILE;
    }
    return FormFactor.DESKTOP;
  }

  /** Android tablets are the Android browsers that leave out the "Mobile" token. */
  private static boolean isTablet(String ua) {
    if (containsAny(ua, TABLET) && !ua.contains("tablet pc")) {
      return true;
    }
    return ua.contains("android") && !containsAny(ua, MOBILE);
  }

  private DeviceFlags flags(FormFactor form, boolean ios, boolean android) {
    return switch (form) {
      case DESKTOP -> new DeviceFlags(true, false, false, false, ios, android);
      case MOBILE -> new DeviceFlags(false, true, false, false, ios, android);
      case TABLET -> new DeviceFlags(false, rules.tabletIsMobile(), true, false, ios, android);
      case SMARTTV -> new DeviceFlags(false, false, false, true, ios, android);
      case NONE -> new DeviceFlags(false, false, false, false, ios, android);
    };
  }

  private static boolean containsAny(String ua, String[] tokens) {
    for (String token : tokens) {
      if (ua.contains(token)) {
        return true;
      }
    }
    return false;
  }
}
