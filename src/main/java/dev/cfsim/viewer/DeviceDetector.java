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
    "dtv", "mibox", "tv build", "(tv;", "; tv;", "tvos", "vizio", " wpe", "tv box", "tv_box",
    "; gtv", "nsz-gs", "samsung-agent"
  };
  private static final String[] CONSOLE = {"xbox", "playstation", "nintendo", "; ps4", "; ps5"};
  private static final String[] TABLET = {
    "ipad", "tablet", "kindle", "playbook", "silk/", "nexus 7", "nexus 9", "nexus 10", "xoom",
    "; kf", "; gt-p", "; sm-t", "; sm-p", "; sm-x", "pocketbook", "kobo"
  };
  private static final String[] MOBILE = {
    "mobile", "mobi", "iphone", "ipod", "windows phone", "blackberry", "bb10", "opera mini",
    "iemobile", "symbian", "series60", "series40", "nokia", "kaios", "palm", "webos", "j2me",
    "midp", "up.browser", "fennec", "phone", "dalvik", "wpdesktop", "msft-wp", "windows ce",
    "maemo", "minimo", "fban/fb4a"
  };
  private static final String[] BOT = {
    "bot", "crawl", "spider", "slurp", "facebookexternalhit", "mediapartners", "preview"
  };

  private final DeviceRules rules;

  public DeviceDetector(DeviceRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /** The six flags for a User-Agent; null, empty or {@code -} counts as an empty User-Agent. */
  public DeviceFlags detect(String userAgent) {
    if (userAgent == null || userAgent.isBlank() || userAgent.equals("-")) {
      return flags(rules.emptyUserAgent(), false, false);
    }
    String ua = userAgent.toLowerCase(Locale.ROOT);
    if (rules.bots() == BotPolicy.DESKTOP && isBot(ua)) {
      return DeviceFlags.DESKTOP;
    }
    FormFactor form = formFactor(ua);
    return flags(form, isIos(ua, form), isAndroid(ua));
  }

  private FormFactor formFactor(String ua) {
    if (containsAny(ua, SMART_TV) || (ua.contains("tizen") && ua.contains("tv"))) {
      return FormFactor.SMARTTV;
    }
    if (containsAny(ua, CONSOLE) && !isPlayStationApp(ua)) {
      return rules.consoles();
    }
    if (isTablet(ua)) {
      return FormFactor.TABLET;
    }
    if (containsAny(ua, MOBILE) || isAndroid(ua)) {
      return FormFactor.MOBILE;
    }
    return FormFactor.DESKTOP;
  }

  /**
   * iPhone, iPad and iPod name themselves; other devices that say "like iPhone" (Nintendo 3DS,
   * Windows Phone) are not iOS, and neither is Apple TV.
   */
  private static boolean isIos(String ua, FormFactor form) {
    return form != FormFactor.SMARTTV
        && (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod")
            || ua.contains("mobilesafari/"))
        && !ua.contains("like iphone") && !ua.contains("windows phone");
  }

  /**
   * The Android token (Sony's "Andr0id" and UC's "Adr" too), unless it is a compatibility claim
   * (Windows Phone, KaiOS, "like Android"); Facebook's Android app (FB4A); Amazon
   * Silk runs on Fire OS, which is Android, even when its UA poses as Linux or a Mac (the
   * PlayStation browser borrows the Silk name too, and is not Android).
   */
  private static boolean isAndroid(String ua) {
    return ((ua.contains("android") || ua.contains("andr0id") || ua.contains("; adr "))
            && !ua.contains("windows phone") && !ua.contains("like android")
            && !ua.contains("kaios"))
        || (ua.contains("silk/") && !ua.contains("playstation"))
        || ua.contains("fban/fb4a");
  }

  /** Sony's PlayStation apps on phones name the console but run on Android or iOS. */
  private static boolean isPlayStationApp(String ua) {
    return ua.contains("playstation") && (ua.contains("android") || ua.contains("(iphone"));
  }

  /**
   * Android tablets are the Android browsers (Mozilla/…Safari) that leave out the "Mobile" token;
   * Android apps leave it out on phones too, so they count as phones.
   */
  private static boolean isTablet(String ua) {
    if (containsAny(ua, TABLET) && !ua.contains("tablet pc") && !ua.contains("; tablet;fblc")
        && !ua.contains("kobo desktop")) {
      return true;
    }
    return isAndroid(ua) && ua.startsWith("mozilla/") && ua.contains("safari")
        && !containsAny(ua, MOBILE);
  }

  /** Crawler tokens; Cubot is a phone maker, not a crawler. */
  private static boolean isBot(String ua) {
    return containsAny(ua, BOT) && !ua.contains("cubot");
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
