package dev.cfsim.viewer;

import java.util.Objects;

/**
 * The choices cfsim makes where AWS documents no rule for the CloudFront-Is-*-Viewer headers.
 * AWS says only that the headers come from the User-Agent, that more than one can be true and
 * that some tablets are also mobile; everything else here is ours, switchable because users may
 * disagree (see the README, "Viewer enrichment").
 *
 * @param tabletIsMobile a tablet also gets CloudFront-Is-Mobile-Viewer: true (default true)
 * @param emptyUserAgent what a missing or empty User-Agent is (default desktop)
 * @param consoles what a game console is (default desktop)
 * @param bots whether a crawler gets the device it claims ({@link BotPolicy#AS_CLAIMED}, default)
 *     or is always desktop
 */
public record DeviceRules(
    boolean tabletIsMobile, FormFactor emptyUserAgent, FormFactor consoles, BotPolicy bots) {

  /** cfsim's defaults. */
  public static final DeviceRules DEFAULT =
      new DeviceRules(true, FormFactor.DESKTOP, FormFactor.DESKTOP, BotPolicy.AS_CLAIMED);

  public DeviceRules {
    Objects.requireNonNull(emptyUserAgent, "emptyUserAgent");
    Objects.requireNonNull(consoles, "consoles");
    Objects.requireNonNull(bots, "bots");
  }

  public DeviceRules withTabletIsMobile(boolean value) {
    return new DeviceRules(value, emptyUserAgent, consoles, bots);
  }

  public DeviceRules withEmptyUserAgent(FormFactor value) {
    return new DeviceRules(tabletIsMobile, value, consoles, bots);
  }

  public DeviceRules withConsoles(FormFactor value) {
    return new DeviceRules(tabletIsMobile, emptyUserAgent, value, bots);
  }

  public DeviceRules withBots(BotPolicy value) {
    return new DeviceRules(tabletIsMobile, emptyUserAgent, consoles, value);
  }

  /** The kind of device a User-Agent is, before it becomes the six header flags. */
  public enum FormFactor {
    DESKTOP, MOBILE, TABLET, SMARTTV,
    /** No device flag true at all. */
    NONE
  }

  /** How crawlers are classified. */
  public enum BotPolicy {
    /** As the device the crawler's User-Agent claims (Googlebot Smartphone is a phone). */
    AS_CLAIMED,
    /** Always desktop, whatever the User-Agent claims. */
    DESKTOP
  }
}
