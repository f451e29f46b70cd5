package dev.cfsim.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfsim.viewer.DeviceRules.BotPolicy;
import dev.cfsim.viewer.DeviceRules.FormFactor;
import org.junit.jupiter.api.Test;

class DeviceDetectorTest {
  static final String IPAD = "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
      + " (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
  static final String GALAXY_TAB = "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36"
      + " (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
  static final String XBOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; Xbox; Xbox One)"
      + " AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edge/44.18363.8131";
  static final String GOOGLEBOT_SMARTPHONE = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X"
      + " Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Mobile"
      + " Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
  static final String IPADOS_DESKTOP_MODE = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)"
      + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";

  private final DeviceDetector defaults = new DeviceDetector(DeviceRules.DEFAULT);

  @Test
  void a_tablet_is_also_mobile_by_default() {
    assertEquals(new DeviceFlags(false, true, true, false, true, false), defaults.detect(IPAD));
    assertEquals(new DeviceFlags(false, true, true, false, false, true),
        defaults.detect(GALAXY_TAB));
  }

  @Test
  void a_tablet_can_be_tablet_only() {
    DeviceDetector d = new DeviceDetector(DeviceRules.DEFAULT.withTabletIsMobile(false));
    assertEquals(new DeviceFlags(false, false, true, false, true, false), d.detect(IPAD));
  }

  @Test
  void an_empty_user_agent_is_desktop_by_default_or_nothing_when_chosen() {
    assertEquals(DeviceFlags.DESKTOP, defaults.detect(""));
    assertEquals(DeviceFlags.DESKTOP, defaults.detect(null));
    assertEquals(DeviceFlags.DESKTOP, defaults.detect("-"));
    DeviceDetector none = new DeviceDetector(
        DeviceRules.DEFAULT.withEmptyUserAgent(FormFactor.NONE));
    assertEquals(DeviceFlags.NONE, none.detect(""));
  }

  @Test
  void a_console_is_desktop_by_default_or_smart_tv_when_chosen() {
    assertEquals(DeviceFlags.DESKTOP, defaults.detect(XBOX));
    DeviceDetector tv = new DeviceDetector(DeviceRules.DEFAULT.withConsoles(FormFactor.SMARTTV));
    assertEquals(new DeviceFlags(false, false, false, true, false, false), tv.detect(XBOX));
  }

  @Test
  void a_crawler_gets_the_device_it_claims_unless_bots_are_desktop() {
    assertEquals(new DeviceFlags(false, true, false, false, false, true),
        defaults.detect(GOOGLEBOT_SMARTPHONE));
    DeviceDetector desktopBots = new DeviceDetector(DeviceRules.DEFAULT.withBots(BotPolicy.DESKTOP));
    assertEquals(DeviceFlags.DESKTOP, desktopBots.detect(GOOGLEBOT_SMARTPHONE));
  }

  @Test
  void a_cubot_phone_is_not_taken_for_a_crawler() {
    DeviceDetector desktopBots = new DeviceDetector(DeviceRules.DEFAULT.withBots(BotPolicy.DESKTOP));
    String cubot = "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36"
        + " (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";
    assertEquals(new DeviceFlags(false, true, false, false, false, true), desktopBots.detect(cubot));
  }

  @Test
  void ipados_in_desktop_mode_cannot_be_told_from_a_mac() {
    assertEquals(DeviceFlags.DESKTOP, defaults.detect(IPADOS_DESKTOP_MODE));
  }
}
