package dev.cfsim.cli;

import dev.cfsim.viewer.AsnDatabase;
import dev.cfsim.viewer.DeviceRules;
import dev.cfsim.viewer.DeviceRules.BotPolicy;
import dev.cfsim.viewer.DeviceRules.FormFactor;
import dev.cfsim.viewer.GeoDatabases;
import dev.cfsim.viewer.HeaderSelection;
import dev.cfsim.viewer.ViewerEnricher;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that shape the headers CloudFront adds: geo databases, the headers the policies
 * select and the device rules. A mixin, so every command that builds viewer events (event,
 * emulate, verify) offers the same flags.
 */
public final class ViewerOptions {

  @Option(names = "--geoip", paramLabel = "FILE",
      description = "GeoIP2/GeoLite2 City or Country MMDB, or a country-only MMDB with"
          + " country_code records (default: the embedded DB-IP country database)")
  Path geoip;

  @Option(names = "--asn", paramLabel = "FILE",
      description = "GeoLite2/GeoIP2 ASN MMDB for CloudFront-Viewer-ASN (default: none)")
  Path asn;

  @Option(names = "--headers", paramLabel = "LIST", defaultValue = "all",
      description = "CloudFront headers the distribution's policies add, comma-separated"
          + " (default: ${DEFAULT-VALUE})")
  String headers;

  @Option(names = "--tablet-is-mobile", paramLabel = "true|false", defaultValue = "true",
      arity = "1", description = "a tablet is also CloudFront-Is-Mobile-Viewer (default: ${DEFAULT-VALUE})")
  boolean tabletIsMobile;

  @Option(names = "--empty-user-agent", paramLabel = "CLASS", defaultValue = "desktop",
      description = "device of an empty User-Agent: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  FormFactor emptyUserAgent;

  @Option(names = "--consoles", paramLabel = "CLASS", defaultValue = "desktop",
      description = "device of a game console: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  FormFactor consoles;

  @Option(names = "--bots", paramLabel = "POLICY", defaultValue = "as_claimed",
      description = "crawlers: as_claimed (the device their User-Agent claims) or desktop"
          + " (default: ${DEFAULT-VALUE})")
  BotPolicy bots;

  /** The device rules these flags choose. */
  public DeviceRules deviceRules() {
    return new DeviceRules(tabletIsMobile, emptyUserAgent, consoles, bots);
  }

  /** An enricher builder with the databases opened (and checked) and the choices applied. */
  public ViewerEnricher.Builder enricherBuilder() {
    ViewerEnricher.Builder b = ViewerEnricher.builder()
        .geo(geoip == null ? GeoDatabases.embedded() : GeoDatabases.open(geoip))
        .headers(HeaderSelection.parse(headers, "--headers"))
        .deviceRules(deviceRules());
    if (asn != null) {
      b.asn(AsnDatabase.open(asn));
    }
    return b;
  }
}
