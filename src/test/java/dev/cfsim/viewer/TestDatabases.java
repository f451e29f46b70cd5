package dev.cfsim.viewer;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** MaxMind's test databases in src/test/resources/maxmind (MIT, see LICENSE-MIT there). */
final class TestDatabases {
  private TestDatabases() {}

  static Path file(String name) {
    try {
      return Path.of(TestDatabases.class.getResource("/maxmind/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test database " + name, e);
    }
  }

  static GeoDatabase city() {
    return GeoDatabases.open(file("GeoIP2-City-Test.mmdb"));
  }

  static ViewerEnricher.Builder cityEnricher() {
    return ViewerEnricher.builder().geo(city());
  }
}
